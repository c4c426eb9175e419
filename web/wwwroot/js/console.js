// The agent console: seat state, the ringing pop, in-call controls and today's calls.
// State comes from GET /api/console (also after a reload or reconnect); pushes keep it current.
import { clockSeconds } from "./beijing-time.js";
import { labelled } from "./punctuation.js";
const text = JSON.parse(document.getElementById("console-text").textContent);
const $ = (id) => document.getElementById(id);
let agent = null;
let pop = null;

/** onConflict: run when the server refuses with 409, i.e. the screen's picture of the seat or call is not the server's. */
// Requests are numbered: an answer clears the error only if its request was sent after the one that failed, so a
// slow background read (the transfer picker's list) cannot wipe a refusal the agent has not read yet.
let sent = 0;
let errorFrom = 0;
// Whether the error shown came from a read: a later read may clear that one, but never an action's refusal (a 409's
// own converging read would otherwise wipe the refusal the agent has not read yet).
let errorFromRead = false;

async function api(method, path, body, { onConflict } = {}) {
  const number = ++sent;
  const response = await fetch(path, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const message = data?.errors ? Object.values(data.errors).flat().join(" ") : data?.title ?? response.statusText;
    errorFrom = number;
    errorFromRead = method === "GET";
    showError(message);
    if (response.status === 409) await onConflict?.();
    return null;
  }
  if (number > errorFrom && (method !== "GET" || errorFromRead)) showError(null);
  return data;
}

function showError(message) {
  $("console-error").hidden = !message;
  $("console-error").textContent = message ?? "";
}

const clock = clockSeconds;

function renderAgent(view) {
  if (agent && view.version < agent.version) return; // a stale push
  agent = view;
  const seat = $("seat");
  seat.dataset.status = view.status;
  const reason = view.status === "NotReady" && view.notReadyReason ? ` · ${text[`reason.${view.notReadyReason}`] ?? view.notReadyReason}` : "";
  $("seat-status").textContent = (text[`status.${view.status}`] ?? view.status) + reason;
  $("seat-since").textContent = `${text.since} ${clock(view.statusSince)}`;
  $("seat-login").hidden = view.status !== "Offline";
  $("seat-logout").hidden = ["Offline", "Ringing", "OnCall"].includes(view.status); // the server refuses it mid-call
  $("seat-ready").hidden = !["NotReady", "AfterCallWork"].includes(view.status);
  $("seat-not-ready").hidden = $("not-ready-reason").hidden = !["Available", "AfterCallWork", "NotReady"].includes(view.status);
  $("seat-end-wrap-up").hidden = view.status !== "AfterCallWork";
  if (!view.callId && pop && ["Available", "NotReady", "AfterCallWork", "Offline"].includes(view.status)) clearCall();
}

function list(element, items, render) {
  element.replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    li.textContent = render(item);
    return li;
  }));
  if (items.length === 0) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = element.dataset.empty;
    element.append(li);
  }
}

// A call belongs on this console only while it rings here or is connected to this agent. A transfer's answer,
// for one, is the call ringing at the colleague: it must not bring the pop back.
const mine = (call) => agent !== null &&
  (call.agentId === agent.agentId || call.ringingAgents.includes(agent.agentId) || call.consultAgentId === agent.agentId);

// Shows the call; false when it is stale, over or not this agent's (the pop is then cleared if it was this call).
function renderCall(call, withPop) {
  const same = pop !== null && pop.call.callId === call.callId;
  if (same && call.version < pop.call.version) return false;
  if (call.status === "Ended" || !mine(call)) {
    if (!pop || same) clearCall();
    return false;
  }
  if (!same && !withPop) { // a call this console has no pop for yet: the server has it
    loadState();
    return false;
  }
  pop = { ...(withPop ?? pop), call };
  const panel = $("call-panel");
  panel.hidden = $("call-story").hidden = false;
  timerFrom = call.answeredAt ?? call.offeredAt;
  tick();
  panel.dataset.callId = call.callId;
  panel.dataset.status = call.status;
  // In an attended transfer the colleague (consultAgentId) sees the call ring, then talks to the agent;
  // the agent who owns the call completes or cancels the transfer.
  const colleague = call.consultAgentId === agent.agentId;
  const consulting = call.agentId === agent.agentId && call.consultAgentId;
  panel.dataset.consult = colleague ? "colleague" : consulting ? "owner" : "";
  $("call-state").textContent = colleague || consulting ? text.consulting : text[`call.${call.status}`] ?? call.status;
  $("call-caller").textContent = call.caller;
  $("ringing-actions").hidden = !(call.status === "Ringing" || (colleague && !call.consultConnected));
  $("connected-actions").hidden = colleague || !["Connected", "OnHold"].includes(call.status);
  $("consult-actions").hidden = !consulting;
  $("call-complete-transfer").hidden = !(consulting && call.consultConnected);
  $("call-hold").hidden = consulting || call.status !== "Connected";
  $("call-unhold").hidden = consulting || call.status !== "OnHold";
  $("transfer-controls").hidden = !!consulting;
  $("order-phone").value = call.caller;
  return true;
}

function renderPop(data) {
  if (!renderCall(data.call, data)) return;
  const member = $("call-member");
  member.replaceChildren();
  if (data.member) {
    member.textContent = `${data.member.name}${data.member.vip ? ` · ${text.vip}` : ""} · ${data.member.addresses.join("；")}`;
  } else {
    member.append(`${text.newCaller} · `);
    const link = document.createElement("a");
    link.href = `/member/new?phone=${encodeURIComponent(data.caller)}`;
    link.id = "create-member";
    link.textContent = text.createMember;
    member.append(link);
  }
  // The platform IVR gives the caller's whole way (主菜单 → 3 投诉及建议); a switch's own IVR only the key pressed.
  $("call-ivr").textContent = data.ivrPath?.length ? labelled(text.ivr, data.ivrPath.join(" → "))
    : data.ivrChoice ? labelled(text.ivr, data.ivrChoice) : "";
  // A transferred call says who passed it on and what they wrote, so the caller need not tell the story twice.
  const transferred = $("call-transferred");
  transferred.hidden = !data.transferredBy;
  transferred.textContent = data.transferredBy
    ? `${text.transferredBy.replace("{0}", data.transferredBy)}${data.transferNote ? ` · ${labelled(text.transferNote, data.transferNote)}` : ""}` : "";
  const orderStatus = (o) => text[`order.${o.status}`] ?? o.status;
  list($("pop-orders"), data.recentOrders, (o) => `${o.orderNo} · ${o.category} · ${orderStatus(o)}`);
  list($("pop-complaints"), data.openComplaints, (o) => `${o.orderNo} · ${orderStatus(o)}`);
  list($("pop-calls"), data.recentCalls, (c) => `${clock(c.offeredAt)} · ${text[`call.${c.status}`] ?? c.status}${c.agentId ? ` · ${c.agentId}` : ""}`);
}

// The call bar's timer: talk time once answered, ringing/waiting time before.
let timerFrom = null;
function tick() {
  const seconds = timerFrom && pop ? Math.max(0, Math.floor((Date.now() - new Date(timerFrom).getTime()) / 1000)) : null;
  $("call-timer").textContent = seconds === null ? "" : `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}
setInterval(tick, 1000);

function clearCall() {
  pop = null;
  $("call-story").hidden = true;
  timerFrom = null;
  tick();
  $("transfer-target").value = $("transfer-note").value = ""; // the next call starts with no target and no note
  $("call-panel").hidden = true;
  $("call-panel").dataset.callId = "";
  loadToday();
}

async function loadState() {
  const state = await api("GET", "/api/console");
  if (!state) return;
  agent = null;
  renderAgent(state.agent);
  if (state.call) renderPop(state.call); else clearCall();
}

async function loadToday() {
  const calls = await api("GET", "/api/console/calls/today");
  if (!calls) return;
  $("today-calls").querySelector("tbody").replaceChildren(...calls.map((c) => {
    const tr = document.createElement("tr");
    tr.dataset.callId = c.callId;
    for (const value of [clock(c.offeredAt), c.caller, text[`call.${c.status}`] ?? c.status]) {
      const td = document.createElement("td");
      td.textContent = value;
      tr.append(td);
    }
    // Block a nuisance caller straight from the history (拉黑): a page of its own, usable without this script.
    const block = document.createElement("a");
    block.href = `/calls/${encodeURIComponent(c.callId)}/block`;
    block.className = "block-caller";
    block.textContent = text.block;
    const cell = document.createElement("td");
    cell.append(block);
    tr.append(cell);
    return tr;
  }));
}

// A refusal because the seat or call is not in the state the screen shows (a push lost with a silo, say) reads the real
// state at once, so the buttons work against what the call really is.
const converge = { onConflict: () => loadState() };
const seatAction = (path, body) => async () => {
  const view = await api("POST", `/api/console/${path}`, body?.(), converge);
  if (view) renderAgent(view);
};
const callAction = (path, body) => async () => {
  const callId = $("call-panel").dataset.callId;
  if (!callId) return;
  const view = await api("POST", `/api/console/calls/${encodeURIComponent(callId)}/${path}`, body?.(), converge);
  if (view) renderCall(view);
};

$("seat-login").addEventListener("click", seatAction("login"));
$("seat-logout").addEventListener("click", seatAction("logout"));
$("seat-ready").addEventListener("click", seatAction("ready"));
$("seat-not-ready").addEventListener("click", seatAction("not-ready", () => ({ reason: $("not-ready-reason").value })));
$("seat-end-wrap-up").addEventListener("click", seatAction("end-wrap-up"));
// With a browser phone (sip gateway) the phone answers its ring and the switch tells the platform; without one, or
// when no ring came, the platform connects the seat.
$("call-accept").addEventListener("click", async () => {
  const callId = $("call-panel").dataset.callId;
  if (callId && await window.hsSeatPhone?.answer(callId)) return;
  await callAction("accept")();
});
$("call-reject").addEventListener("click", callAction("reject"));
$("call-hold").addEventListener("click", callAction("hold"));
$("call-unhold").addEventListener("click", callAction("unhold"));
$("call-hangup").addEventListener("click", callAction("hangup"));
$("call-transfer").addEventListener("click", () => $("transfer-kind").value === "consult"
  ? callAction("consult", () => ({ id: $("transfer-target").value.trim(), note: $("transfer-note").value.trim() || undefined }))()
  : callAction("transfer", () => ({ kind: $("transfer-kind").value, id: $("transfer-target").value.trim(), note: $("transfer-note").value.trim() || undefined }))());

// The transfer picker: colleagues with their status right now (read when the agent opens it), the queues, or for an
// outside number the merchants' service phones.
async function loadTransferChoices() {
  const kind = $("transfer-kind").value;
  const choices = await api("GET", "/api/console/transfer-targets");
  const options = !choices ? [] : kind === "queue"
    ? choices.queues.map((q) => new Option(q.name, q.queueId))
    : kind === "external"
    ? choices.merchants.map((m) => new Option(`${m.name} (${m.merchantId})`, m.phone))
    : choices.agents.map((a) => {
      const option = new Option(`${a.name} · ${a.statusName}`, a.agentId);
      option.dataset.status = a.status;
      return option;
    });
  $("transfer-choices").replaceChildren(...options);
}
$("transfer-kind").addEventListener("change", () => { $("transfer-target").value = ""; loadTransferChoices(); });
$("transfer-target").addEventListener("focus", loadTransferChoices);
$("call-complete-transfer").addEventListener("click", callAction("complete-transfer"));
$("call-cancel-consult").addEventListener("click", callAction("cancel-consult"));

document.addEventListener("hs:push", (e) => {
  const { event, payload } = e.detail;
  if (event === "agent.status") renderAgent(payload);
  if (event === "call.ringing") renderPop(payload);
  if (event === "call.updated") renderCall(payload);
  if (event === "call.gone" && $("call-panel").dataset.callId === payload.callId) clearCall();
});
document.addEventListener("hs:resync", loadState);

// The seat stays logged in only while a console is open.
setInterval(() => fetch("/api/console/heartbeat", { method: "POST" }), 15000);
await loadState();
await loadToday();
document.body.dataset.console = "ready";
