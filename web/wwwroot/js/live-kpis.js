// The live KPI panel: the server draws it first; each kpi.updated push (at most once a second) redraws the rows, and
// after a reconnect the figures are fetched afresh. A push older than what is shown is dropped.
import { clockSeconds } from "./beijing-time.js";
const panel = document.getElementById("live-kpis");
const rows = document.getElementById("live-kpis-rows");
const at = document.getElementById("live-kpis-at");

const rates = ["serviceLevel", "serviceLevel2", "asaSeconds", "ahtSeconds", "abandonRate", "occupancy"];
const order = ["offered", "answered", "abandoned", "serviceLevel", "serviceLevel2", "asaSeconds", "ahtSeconds", "abandonRate", "occupancy", "callbacksMade", "transfers", "ivrSelfService"];

function cell(key, kpis, target) {
  const td = document.createElement("td");
  td.dataset.k = key;
  const value = kpis[key];
  td.textContent = rates.includes(key) ? (value == null ? "—" : Number(value).toFixed(1)) : String(value ?? 0);
  if (key === "serviceLevel" && value != null && value < target) td.className = "kpi-below";
  return td;
}

function row(queue, window, names, labels) {
  const tr = document.createElement("tr");
  tr.dataset.queue = queue.queueId;
  tr.dataset.window = window;
  const th = document.createElement("th");
  th.scope = "row";
  th.textContent = names[queue.queueId] ?? queue.queueId;
  if (window === "rolling15m") {
    const small = document.createElement("small");
    small.textContent = " " + labels.target.replace("{0}", queue.serviceLevelTarget).replace("{1}", queue.serviceLevelSeconds);
    th.append(small);
  }
  const label = document.createElement("td");
  label.textContent = labels[window];
  tr.append(th, label, ...order.map((k) => cell(k, queue[window], queue.serviceLevelTarget)));
  return tr;
}

function render(live) {
  const version = Number(panel.dataset.version ?? 0);
  if (live.version <= version) return;
  panel.dataset.version = live.version;
  const names = JSON.parse(panel.dataset.names);
  const labels = JSON.parse(panel.dataset.labels);
  const all = [...live.queues, live.center];
  rows.replaceChildren(...all.flatMap((q) => [row(q, "rolling15m", names, labels), row(q, "today", names, labels)]));
  at.textContent = clockSeconds(live.at);
}

if (panel) {
  document.addEventListener("hs:push", (e) => {
    if (e.detail.event === "kpi.updated") render(e.detail.payload);
  });
  document.addEventListener("hs:resync", async () => {
    const response = await fetch("/api/kpis/live", { headers: { Accept: "application/json" } });
    if (response.ok) render(await response.json());
  });
}
