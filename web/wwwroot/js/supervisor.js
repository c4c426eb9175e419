// The supervisor seat (班长席): queues and agents live, and the controls. The page arrives rendered; pushes keep it
// current: queue.changed updates a queue row in place, agent.status and call.supervision re-read the board (the
// agent's call and who supervises it live in other grains than the push came from). Every action asks for a reason.
import { clockSeconds } from "./beijing-time.js";
const textElement = document.getElementById("supervisor-text");
const text = JSON.parse(textElement.textContent);
const me = textElement.dataset.me;
const $ = (id) => document.getElementById(id);
const modes = ["listen", "whisper", "barge"];

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "dataset") Object.assign(e.dataset, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

function message(error, status) {
  $("supervisor-error").hidden = !error;
  $("supervisor-error").textContent = error ?? "";
  $("supervisor-status").textContent = status ?? "";
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.errors ? Object.values(data.errors).flat().join(" ") : data?.title ?? response.statusText;
    return { error };
  }
  return { data };
}

function duration(since) {
  if (new Date(since).getFullYear() < 2000) return "—"; // a seat that was never logged in has no "since"
  const seconds = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 1000));
  const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  const two = (n) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

const format = (template, value) => template.replace("{0}", value);

function renderQueue(q) {
  let row = document.querySelector(`#queues tr[data-queue-id="${CSS.escape(q.queueId)}"]`);
  if (!row) return;
  row.querySelector(".waiting").textContent = q.waiting;
  row.querySelector(".longest").dataset.seconds = q.longestWaitSeconds;
  row.querySelector(".longest").textContent = `${q.longestWaitSeconds}s`;
  if (q.agentsByStatus) {
    row.querySelector(".by-status").textContent = Object.keys(q.agentsByStatus).sort()
      .map((s) => `${text[`status.${s}`] ?? s} ${q.agentsByStatus[s]}`).join(" · ");
  }
}

function renderAgent(a) {
  const mine = a.call?.supervisors.find((s) => s.supervisorId === me);
  const others = a.call?.supervisors.filter((s) => s.supervisorId !== me) ?? [];
  const reason = a.status === "NotReady" && a.notReadyReason ? ` · ${text[`reason.${a.notReadyReason}`] ?? a.notReadyReason}` : "";
  const call = a.call ? [
    el("span", {}, `${a.call.caller} · ${text[`call.${a.call.status}`] ?? a.call.status}`),
    a.call.parties > 0 ? el("span", { className: "muted" }, ` · ${format(text.parties, a.call.parties)}`) : null,
    mine ? el("span", { className: "badge monitoring" }, ` ${format(text.youAre, text[`action.${mine.mode}`])}`) : null,
    others.length ? el("span", { className: "muted" }, ` · ${format(text.othersOn, others.map((s) => `${s.supervisorId} ${text[`action.${s.mode}`]}`).join("，"))}`) : null,
  ] : [];
  const buttons = [];
  if (a.call) {
    for (const mode of modes) {
      buttons.push(el("button", { type: "button", dataset: { action: mode }, "aria-pressed": mine?.mode === mode ? "true" : "false" }, text[`action.${mode}`]));
    }
    if (mine) buttons.push(el("button", { type: "button", className: "secondary", dataset: { action: "leave" } }, text["action.leave"]));
    buttons.push(el("button", { type: "button", className: "danger", dataset: { action: "force-release" } }, text["action.force-release"]));
  }
  if (!["Offline", "OnCall", "Ringing"].includes(a.status)) {
    if (a.status !== "NotReady") buttons.push(el("button", { type: "button", className: "secondary", dataset: { action: "force-state:not-ready" } }, text["action.force-state:not-ready"]));
    buttons.push(el("button", { type: "button", className: "secondary", dataset: { action: "force-state:logged-out" } }, text["action.force-state:logged-out"]));
  }
  return el("tr", { dataset: { agentId: a.agentId, status: a.status, callId: a.call?.callId ?? "", mode: mine?.mode ?? "" } },
    el("td", {}, `${a.name} `, el("span", { className: "muted" }, `${a.agentId} · ${a.extension}`)),
    el("td", {}, el("span", { className: "badge status" }, (text[`status.${a.status}`] ?? a.status) + reason)),
    el("td", { className: "in-status", dataset: { since: a.statusSince } }, duration(a.statusSince)),
    el("td", { className: "call" }, ...call),
    el("td", { className: "actions" }, el("div", { className: "buttons" }, ...buttons)));
}

let reading = null;
let again = false;
// One read at a time; pushes arriving meanwhile ask for one more read after it, never a pile of them.
async function refresh() {
  if (reading) { again = true; return; }
  reading = (async () => {
    const { data } = await api("GET", "/api/supervisor/board");
    if (data) {
      const focused = document.activeElement?.closest?.("tr[data-agent-id]")?.dataset.agentId;
      const focusedAction = document.activeElement?.dataset?.action;
      $("agents").querySelector("tbody").replaceChildren(...data.agents.map(renderAgent));
      data.queues.forEach(renderQueue);
      // Keyboard users keep their place across a redraw.
      if (focused && focusedAction) document.querySelector(`#agents tr[data-agent-id="${CSS.escape(focused)}"] button[data-action="${CSS.escape(focusedAction)}"]`)?.focus();
    }
  })();
  await reading;
  reading = null;
  if (again) { again = false; await refresh(); }
}

async function refreshAudit() {
  const { data } = await api("GET", "/api/supervisor/audit?limit=20");
  if (!data) return;
  if (data.length === 0) {
    $("audit").querySelector("tbody").replaceChildren(el("tr", { className: "none" }, el("td", { colSpan: 5, className: "muted" }, text.none)));
    return;
  }
  $("audit").querySelector("tbody").replaceChildren(...data.map((r) => el("tr", { dataset: { action: r.action, callId: r.callId ?? "" } },
    el("td", {}, clockSeconds(r.at)),
    el("td", {}, r.supervisorName ?? r.supervisor),
    el("td", {}, text[`action.${r.action}`] ?? r.action),
    el("td", {}, `${r.targetAgentName ?? r.targetAgent ?? ""}${r.callId ? ` · ${r.callId}` : ""}`),
    el("td", {}, r.reason ?? ""))));
}

// The reason dialog: a native modal <dialog> (focus moves in, Esc closes, focus returns to the button).
let pending = null;
function askReason(label) {
  const dialog = $("reason-dialog");
  $("reason-title").textContent = format(text.reasonTitle, label);
  $("reason-text").value = "";
  $("reason-error").hidden = true;
  dialog.showModal();
  $("reason-text").focus();
  return new Promise((resolve) => { pending = resolve; });
}

$("reason-form").addEventListener("submit", (e) => {
  const reason = $("reason-text").value.trim();
  if (!reason) {
    e.preventDefault();
    $("reason-error").textContent = text.required;
    $("reason-error").hidden = false;
    $("reason-text").focus();
    return;
  }
  pending?.(reason);
  pending = null;
});
$("reason-cancel").addEventListener("click", () => $("reason-dialog").close());
$("reason-dialog").addEventListener("close", () => { pending?.(null); pending = null; });

async function act(button) {
  const row = button.closest("tr[data-agent-id]");
  const action = button.dataset.action;
  const label = `${text[`action.${action}`]} · ${row.querySelector("td").firstChild.textContent.trim()}`;
  const callId = row.dataset.callId;
  let reason = null;
  if (action !== "leave") {
    reason = await askReason(label);
    if (!reason) { button.focus(); return; }
  }
  const { error } = modes.includes(action) ? await api("POST", `/api/supervisor/calls/${encodeURIComponent(callId)}/monitor`, { mode: action, reason })
    : action === "leave" ? await api("POST", `/api/supervisor/calls/${encodeURIComponent(callId)}/leave`)
    : action === "force-release" ? await api("POST", `/api/supervisor/calls/${encodeURIComponent(callId)}/release`, { reason })
    : await api("POST", `/api/supervisor/agents/${encodeURIComponent(row.dataset.agentId)}/state`, { state: action.slice("force-state:".length), reason });
  message(error, error ? null : format(text.done, label));
  await refresh();
  await refreshAudit();
}

$("agents").addEventListener("click", (e) => {
  const button = e.target.closest("button[data-action]");
  if (button) act(button);
});

document.addEventListener("hs:push", (e) => {
  const { event, payload } = e.detail;
  if (event === "queue.changed") renderQueue(payload);
  if (event === "agent.status" || event === "call.supervision") refresh();
});
document.addEventListener("hs:resync", () => { refresh(); refreshAudit(); });

// Time in status moves on between pushes (the longest waits come with the queues' own pushes, once a second while callers wait).
setInterval(() => {
  for (const cell of document.querySelectorAll("#agents .in-status[data-since]")) cell.textContent = duration(cell.dataset.since);
}, 1000);
await refresh();
document.body.dataset.supervisor = "ready";
