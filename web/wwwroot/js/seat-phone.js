// The agent's browser phone (sip gateway): JsSIP registers the seat's extension with the SIP edge over WebSocket,
// signed with a short-lived credential the platform issues to the signed-in agent (POST /api/console/phone) and
// renewed before it expires, so no password ever sits in the page. The microphone is asked for once, at start:
// answering a call must never wait on a permission prompt.
const $ = (id) => document.getElementById(id);
const text = JSON.parse($("phone-text").textContent);
const RENEW_BEFORE_MS = 5 * 60 * 1000;
const RETRY_MS = 5000;

const ANSWER_WAIT_MS = 3000;

let ua = null;
let renewTimer = null;
/** Rings from the voice edge by the platform's call id (its X-HS-Call header), so 接听 answers the popped call. */
const rings = new Map();
const ringWaiters = new Map();
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

function phoneState() {
  if (rings.size === 0) return ua?.isRegistered() ? "registered" : "unregistered";
  return [...rings.values()].some((s) => s.isEstablished()) ? "inCall" : "ringing";
}

function onRing({ session, originator, request }) {
  if (originator !== "remote") return;
  const callId = request.getHeader("X-HS-Call");
  // Only the platform rings a seat: a call without its id has no screen pop and no place in the ACD.
  if (!callId) {
    session.terminate({ status_code: 488, reason_phrase: "Not From The Platform" });
    return;
  }
  rings.set(callId, session);
  const done = () => {
    if (rings.get(callId) === session) rings.delete(callId);
    if (rings.size === 0) $("phone-audio").srcObject = null;
    show("phone-state", phoneState());
  };
  session.on("ended", done);
  session.on("failed", done);
  session.on("confirmed", () => show("phone-state", "inCall"));
  session.on("peerconnection", ({ peerconnection }) => {
    peerconnection.addEventListener("track", (e) => {
      $("phone-audio").srcObject = e.streams[0] ?? new MediaStream([e.track]);
    });
  });
  show("phone-state", "ringing");
  ringWaiters.get(callId)?.();
}

function ringFor(callId) {
  if (rings.has(callId) || !ua?.isRegistered()) return Promise.resolve(rings.get(callId));
  // The screen pop and the phone's ring travel separately (SignalR, SIP): give the ring a moment to arrive.
  return new Promise((resolve) => {
    const timer = setTimeout(() => { ringWaiters.delete(callId); resolve(rings.get(callId)); }, ANSWER_WAIT_MS);
    ringWaiters.set(callId, () => { clearTimeout(timer); ringWaiters.delete(callId); resolve(rings.get(callId)); });
  });
}

/**
 * 接听 for the popped call: the phone answers its ring, and the voice edge tells the platform. False when this
 * console's phone has no ring for the call (not registered, or the ring never came): the console then asks the
 * platform to connect the seat instead.
 */
async function answer(callId) {
  const session = await ringFor(callId);
  if (!session || !session.isInProgress()) return false;
  try {
    session.answer({
      // The microphone already open: no permission prompt and no device start on the answer path.
      ...(microphone ? { mediaStream: microphone } : { mediaConstraints: { audio: true, video: false } }),
      // No STUN or TURN on the answer path: host candidates only, so the answer leaves at once.
      pcConfig: { iceServers: [] },
    });
  } catch (e) {
    show("phone-state", "answerFailed", e.message);
    return false;
  }
  return true;
}

window.hsSeatPhone = { answer };

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
  ua.on("registered", () => show("phone-state", phoneState()));
  ua.on("unregistered", () => show("phone-state", "unregistered"));
  ua.on("newRTCSession", onRing);
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
