// The console's multi-party panel (多方通话) and supervisor indicator. It follows the seat's current call from
// agent.status pushes, reads who else is on it from /api/console/calls/{id}/parties, and redraws on call.legs pushes.
// The agent sees a supervisor who whispers or barges in; a silent monitor is never shown.
const text = JSON.parse(document.getElementById("call-legs-text").textContent);
const $ = (id) => document.getElementById(id);
let me = null;
let callId = null;
let legs = null;
let call = null; // the last call view pushed to this console (for the consultation state)

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  $("legs-error").hidden = response.ok;
  $("legs-error").textContent = response.ok ? "" : data?.errors ? Object.values(data.errors).flat().join(" ") : data?.title ?? response.statusText;
  return response.ok ? data : null;
}

function render() {
  const panel = $("call-legs");
  const live = legs && legs.callId === callId && !["Ended"].includes(legs.status);
  const owner = live && legs.agentId === me;
  const party = live && legs.parties.some((p) => p.connected && p.kind === "agent" && p.targetId === me);
  const consulting = owner && call?.callId === callId && call.consultAgentId && call.consultConnected;
  panel.hidden = !(owner || party);
  panel.dataset.callId = live ? legs.callId : "";
  if (panel.hidden) return;
  const connected = legs.parties.filter((p) => p.connected);
  const indicator = $("supervisor-indicator");
  indicator.hidden = !legs.supervisorMode;
  indicator.dataset.mode = legs.supervisorMode ?? "";
  indicator.textContent = legs.supervisorMode ? text[legs.supervisorMode] : "";
  $("legs-as-party").hidden = !party;
  const items = connected.map((p) => {
    const li = document.createElement("li");
    li.className = "party";
    li.dataset.partyId = p.partyId;
    li.dataset.kind = p.kind;
    li.append(`${text[`kind.${p.kind}`] ?? p.kind} · ${p.label}`);
    if (owner) {
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "secondary";
      remove.textContent = text.remove;
      remove.addEventListener("click", async () => {
        const view = await api("DELETE", `/api/console/calls/${encodeURIComponent(callId)}/parties/${encodeURIComponent(p.partyId)}`);
        if (view) { legs = view; render(); }
      });
      li.append(remove);
    }
    return li;
  });
  if (legs.supervisorMode === "barge") {
    const li = document.createElement("li");
    li.className = "party";
    li.dataset.kind = "supervisor";
    li.textContent = text.supervisorParty;
    items.push(li);
  }
  $("party-list").replaceChildren(...items);
  for (const id of ["party-kind", "party-target", "party-add"]) $(id).hidden = !owner || !!call?.consultAgentId;
  $("party-merge").hidden = !consulting;
  $("party-leave").hidden = !(party || (owner && connected.length > 0));
}

let lastCallId = null; // the call this seat just left: its end (cause) may be pushed after the seat's own change
async function follow(newCallId) {
  if (newCallId === callId) return;
  if (callId) lastCallId = callId;
  callId = newCallId;
  legs = null;
  if (callId) legs = await api("GET", `/api/console/calls/${encodeURIComponent(callId)}/parties`);
  render();
}

function ended(view) {
  const notice = $("call-ended-notice");
  const message = view.endCause ? text[`ended.${view.endCause}`] : null;
  if (!message) return;
  notice.textContent = message;
  notice.dataset.callId = view.callId;
  notice.hidden = false;
}

async function act(path, body) {
  if (!callId) return;
  const view = await api("POST", `/api/console/calls/${encodeURIComponent(callId)}/parties${path}`, body);
  if (view) { legs = view; render(); }
}

$("party-add").addEventListener("click", () => act("", { kind: $("party-kind").value, id: $("party-target").value.trim() }));
$("party-merge").addEventListener("click", () => act("/merge"));
$("party-leave").addEventListener("click", () => act("/leave"));

document.addEventListener("hs:push", (e) => {
  const { event, payload } = e.detail;
  if (event === "agent.status") follow(payload.status === "OnCall" ? payload.callId : null);
  if (event === "call.legs" && payload.callId === callId && (!legs || payload.version >= legs.version)) { legs = payload; render(); }
  if (event === "call.updated" || event === "call.ringing") {
    const view = payload.call ?? payload;
    if (view.callId === callId || view.agentId === me) call = view;
    if (view.status === "Ended" && (view.callId === callId || view.callId === lastCallId)) ended(view);
    if (event === "call.ringing" || (view.status !== "Ended" && view.agentId === me)) $("call-ended-notice").hidden = true;
    render();
  }
});

async function load() {
  const response = await fetch("/api/console", { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const state = await response.json();
  me = state.agent.agentId;
  call = state.call?.call ?? null;
  callId = undefined;
  await follow(state.agent.status === "OnCall" ? state.agent.callId : null);
}
document.addEventListener("hs:resync", load);
await load();
