// The live KPI panel: the server draws it first; each kpi.updated push (at most once a second) redraws the rows, and
// after a reconnect the figures are fetched afresh. A push older than what is shown is dropped.
import { clockSeconds } from "./beijing-time.js";
// The supervisor chooses the columns (remembered in this browser); the default set fits a 1366 px screen.
const panel = document.getElementById("live-kpis");
const rows = document.getElementById("live-kpis-rows");
const at = document.getElementById("live-kpis-at");
const storageKey = "hs.liveKpis.columns";

const rates = ["serviceLevel", "serviceLevel2", "asaSeconds", "ahtSeconds", "abandonRate", "occupancy"];
const columns = panel ? JSON.parse(panel.dataset.columns) : [];
const order = columns.map((c) => c.key);

function chosen() {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    if (Array.isArray(saved)) return new Set(saved.filter((k) => order.includes(k)));
  } catch { /* a damaged entry falls back to the default */ }
  return new Set(columns.filter((c) => c.shown).map((c) => c.key));
}

function applyColumns() {
  const shown = chosen();
  for (const cell of panel.querySelectorAll("table [data-k]")) cell.hidden = !shown.has(cell.dataset.k);
  for (const box of panel.querySelectorAll(".kpi-column-choices input")) box.checked = shown.has(box.value);
}

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
  applyColumns();
  at.textContent = clockSeconds(live.at);
  panel.dispatchEvent(new CustomEvent("hs:kpis", { detail: live, bubbles: true }));
}

if (panel) {
  applyColumns();
  panel.querySelector(".kpi-column-choices")?.addEventListener("change", () => {
    const shown = [...panel.querySelectorAll(".kpi-column-choices input:checked")].map((b) => b.value);
    localStorage.setItem(storageKey, JSON.stringify(shown));
    applyColumns();
  });
  document.addEventListener("hs:push", (e) => {
    if (e.detail.event === "kpi.updated") render(e.detail.payload);
  });
  document.addEventListener("hs:resync", async () => {
    const response = await fetch("/api/kpis/live", { headers: { Accept: "application/json" } });
    if (response.ok) render(await response.json());
  });
}
