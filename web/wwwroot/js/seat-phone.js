// The agent's browser phone (sip gateway): JsSIP registers the seat's extension with the SIP edge over WebSocket,
// signed with a short-lived credential the platform issues to the signed-in agent (POST /api/console/phone) and
// renewed before it expires, so no password ever sits in the page. The microphone is asked for once, at start:
// answering a call must never wait on a permission prompt.
const $ = (id) => document.getElementById(id);
const text = JSON.parse($("phone-text").textContent);
const RENEW_BEFORE_MS = 5 * 60 * 1000;
const RETRY_MS = 5000;

let ua = null;
let renewTimer = null;
/** The agent's microphone, kept open for the shift so an answer starts sending sound at once. */
export let microphone = null;

function show(id, key, detail) {
  const el = $(id);
  el.dataset.state = key;
  el.textContent = (text[key] ?? key).replace("{0}", detail ?? "");
}

async function issueCredential() {
  const response = await fetch("/api/console/phone", { method: "POST", headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.title ?? response.statusText);
  return body;
}

async function openMicrophone() {
  if (!navigator.mediaDevices?.getUserMedia) {
    show("phone-mic", "micMissing");
    return;
  }
  try {
    microphone = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    show("phone-mic", "micReady");
  } catch (e) {
    // NotAllowedError: refused by the agent or the browser's settings; NotFoundError: no input device at all.
    show("phone-mic", e?.name === "NotFoundError" || e?.name === "OverconstrainedError" ? "micMissing" : "micDenied");
  }
}

function renewAt(expiresAt) {
  clearTimeout(renewTimer);
  const due = Math.max(30_000, new Date(expiresAt).getTime() - Date.now() - RENEW_BEFORE_MS);
  renewTimer = setTimeout(renew, due);
}

/** A fresh credential for the same UA: re-registers at once, and a call in progress is not touched. */
async function renew() {
  try {
    const credential = await issueCredential();
    ua.set("authorization_user", credential.username);
    ua.set("password", credential.password);
    ua.register();
    renewAt(credential.expiresAt);
  } catch (e) {
    show("phone-state", "failed", e.message);
    clearTimeout(renewTimer);
    renewTimer = setTimeout(renew, RETRY_MS);
  }
}

async function connect() {
  show("phone-state", "connecting");
  let credential;
  try {
    credential = await issueCredential();
  } catch (e) {
    show("phone-state", "failed", e.message);
    setTimeout(connect, RETRY_MS);
    return;
  }
  ua = new JsSIP.UA({
    sockets: [new JsSIP.WebSocketInterface(credential.webSocketUrl)],
    uri: credential.uri,
    authorization_user: credential.username,
    password: credential.password,
    display_name: credential.displayName,
    register: true,
    register_expires: 300,
    session_timers: false,
    // A dropped connection is retried within seconds, not JsSIP's default back-off of up to 30 s.
    connection_recovery_min_interval: 1,
    connection_recovery_max_interval: 8,
    user_agent: "HomeService console",
  });
  ua.on("connected", () => show("phone-state", "registering"));
  ua.on("disconnected", () => show("phone-state", "disconnected"));
  ua.on("registered", () => show("phone-state", "registered"));
  ua.on("unregistered", () => show("phone-state", "unregistered"));
  // An expired or refused credential: ask the platform for a new one and register again.
  ua.on("registrationFailed", (e) => {
    show("phone-state", "failed", e.cause);
    clearTimeout(renewTimer);
    renewTimer = setTimeout(renew, RETRY_MS);
  });
  ua.start();
  renewAt(credential.expiresAt);
}

window.addEventListener("pagehide", () => ua?.stop());
openMicrophone();
connect();
