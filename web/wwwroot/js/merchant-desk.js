// The merchant desk's own panels: the live worker board, the inbox, credit and the company's information (the last two
// only on the administrator's desk: a dispatcher's page has neither panel).
// The board follows "worker.status" pushes (status, current order, time in status); the inbox "notification.new";
// the profile form shows the API's field errors by their fields (problem details).
import { levelSymbols } from "./credit-level.js";
import { clearProblem, showProblem } from "./form-problems.js";
import { minute, today } from "./beijing-time.js";
import { orderLink } from "./order-anchor.js";

const data = JSON.parse(document.getElementById("merchant-data").textContent);
const text = data.text;
const $ = (id) => document.getElementById(id);
const json = (url, options = {}) => fetch(url, { headers: { Accept: "application/json", "Content-Type": "application/json" }, ...options });
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values?.[k] ?? "");

// --- Live worker board ---------------------------------------------------------------------------------------------
function since(row) {
  const minutes = Math.max(0, Math.floor((Date.now() - Date.parse(row.dataset.since)) / 60000));
  row.querySelector(".since").textContent = fill(text["board.minutes"], { 0: minutes });
}
for (const row of document.querySelectorAll("#workers tr[data-worker]")) since(row);
setInterval(() => document.querySelectorAll("#workers tr[data-worker]").forEach(since), 30000);

function boardUpdate(w) {
  const row = document.querySelector(`#workers tr[data-worker="${CSS.escape(w.workerId)}"]`);
  if (!row) return;
  if (w.active === false) { // deactivated: the board lists only the company's current staff
    row.remove();
    return;
  }
  row.dataset.status = w.status;
  row.dataset.since = w.statusSince;
  row.querySelector(".status").textContent = text[`worker.status.${w.status}`] ?? w.status;
  row.querySelector(".order").textContent = w.currentOrder ?? "—";
  since(row);
}

// A worker added on the staff panel (merchant-staff.js) joins the board, then follows pushes like the others.
function boardAdd(w) {
  if (document.querySelector(`#workers tr[data-worker="${CSS.escape(w.workerId)}"]`)) return;
  const row = document.createElement("tr");
  Object.assign(row.dataset, { worker: w.workerId, status: w.status, since: w.statusSince });
  for (const [className, value] of [["", w.workerId], ["", w.name], ["", w.phone], ["status", text[`worker.status.${w.status}`] ?? w.status],
    ["order", w.currentOrder ?? "—"], ["since", ""]]) row.append(Object.assign(document.createElement("td"), { className, textContent: value }));
  document.querySelector("#workers tbody").append(row);
  since(row);
}
document.addEventListener("hs:worker-added", (e) => boardAdd(e.detail));

// --- Inbox -----------------------------------------------------------------------------------------------------------
const inbox = $("inbox");
const seen = new Set();

function noticeText(n) {
  const p = n.parameters ?? {};
  if (n.template.startsWith("merchant.status.")) return fill(text["notice.merchant.status"], p);
  const template = text[`notice.${n.template}`];
  return template ? fill(template, p) : text["notice.other"];
}

function addNotice(n, atTop) {
  if (seen.has(n.id)) return; // the relay may push a notice twice
  seen.add(n.id);
  const li = document.createElement("li");
  li.dataset.notice = n.id;
  li.dataset.template = n.template;
  li.classList.toggle("unread", !n.read);
  const time = minute(n.createdAt);
  li.append(Object.assign(document.createElement("span"), { className: "text", textContent: noticeText(n) }),
    Object.assign(document.createElement("time"), { textContent: time }));
  if (atTop) inbox.prepend(li); else inbox.append(li);
  countUnread();
}

function countUnread() {
  $("inbox-unread").textContent = String(inbox.querySelectorAll("li.unread").length);
  $("inbox-empty").hidden = inbox.children.length > 0;
}

async function loadInbox() {
  const response = await json("/api/merchant/notifications");
  if (!response.ok) return;
  inbox.replaceChildren();
  seen.clear();
  for (const n of await response.json()) addNotice(n, false);
  countUnread();
}

$("inbox-read-all").addEventListener("click", async () => {
  const response = await json("/api/merchant/notifications/read", { method: "POST", body: JSON.stringify({}) });
  if (response.ok) inbox.querySelectorAll("li.unread").forEach((li) => li.classList.remove("unread"));
  countUnread();
});

// --- Credit ------------------------------------------------------------------------------------------------------------
// The trend is drawn by Chart.js (loaded as a classic script before this module): the score at the end of each day it moved.
let trendChart = null;

function drawTrend(trend, score) {
  const canvas = $("credit-trend");
  const now = today();
  const points = trend.map((p) => ({ day: p.day, score: Number(p.score) }));
  if (!points.length || points[points.length - 1].day !== now) points.push({ day: now, score }); // where it stands now
  canvas.dataset.points = String(points.length);
  canvas.dataset.last = score.toFixed(1);
  if (!window.Chart) return;
  const dataset = { label: text["credit.trend"], data: points.map((p) => p.score), borderColor: "#b4232a", tension: 0.2, pointRadius: 2, stepped: false };
  if (trendChart) {
    trendChart.data.labels = points.map((p) => p.day);
    trendChart.data.datasets[0] = dataset;
    trendChart.update();
    return;
  }
  trendChart = new window.Chart(canvas, {
    type: "line",
    data: { labels: points.map((p) => p.day), datasets: [dataset] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { suggestedMin: 50, suggestedMax: 100 } } },
  });
}

// Where a credit change came from, in words: an order's event ("WO…#12") names the order, as a link to its row on the desk;
// the ratings imported when the center started ("import#170") say so; never the raw code.
function sourceWords(source) {
  const order = /^([A-Z]{2}\d{6,})#\d+$/.exec(source ?? "");
  if (order) {
    const [before, after = ""] = text["credit.source.order"].split("{0}");
    return [before, orderLink(order[1], text["credit.order.gone"]), after].filter((part) => part !== "");
  }
  return [/^import#/.test(source ?? "") ? text["credit.source.import"] : text["credit.source.other"]];
}

async function loadCredit() {
  if (!$("credit-panel")) return; // a dispatcher's desk has no credit panel
  const response = await json("/api/merchant/credit");
  if (!response.ok) return;
  const credit = await response.json();
  $("credit-score").textContent = credit.summary.score.toFixed(1);
  const [kind, count] = (credit.summary.level ?? "").split(":");
  const words = text[`credit.level.${kind}.${count}`] ?? text["credit.level.none"];
  $("credit-level").textContent = `${levelSymbols(credit.summary.level)} ${words}`.trim();
  drawTrend(credit.trend, credit.summary.score);
  $("credit-changes").replaceChildren(...credit.changes.slice(0, 20).map((c) => {
    const li = document.createElement("li");
    const delta = (c.scoreAfter - c.scoreBefore).toFixed(2);
    // One span: the list item is a flex row, and the words and the link read as one line.
    const words = document.createElement("span");
    words.className = "text";
    words.append(`${text[`credit.reason.${c.reason}`] ?? c.reason} · ${delta > 0 ? "+" : ""}${delta} · `, ...sourceWords(c.source));
    li.append(words);
    li.dataset.reason = c.reason;
    return li;
  }));
}

// --- Company information ---------------------------------------------------------------------------------------------------
const form = $("profile-form");

async function loadProfile() {
  if (!form) return; // nor the company's information
  const response = await json("/api/merchant/profile");
  if (!response.ok) return;
  const p = await response.json();
  form.contactName.value = p.contactName;
  form.contactPhone.value = p.contactPhone;
  form.address.value = p.address;
  form.districts.value = p.districts.join("，");
  form.businessHours.value = p.businessHours ?? "";
  form.capacity.value = p.capacity;
  $("profile-categories").replaceChildren($("profile-categories").querySelector("legend"), ...data.serviceCategories.map((code) => {
    const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "categories", value: code, checked: p.categories.includes(code) });
    const label = document.createElement("label");
    label.append(box, " ", data.categories[code] ?? code);
    return label;
  }));
}

form?.addEventListener("submit", async (e) => {
  e.preventDefault();
  clearProblem(form);
  $("profile-saved").hidden = true;
  const body = {
    contactName: form.contactName.value, contactPhone: form.contactPhone.value, address: form.address.value,
    districts: form.districts.value.split(/[,，、\s]+/).filter(Boolean),
    categories: [...form.querySelectorAll("input[name='categories']:checked")].map((b) => b.value),
    businessHours: form.businessHours.value || null, capacity: form.capacity.value === "" ? null : Number(form.capacity.value),
  };
  const response = await json("/api/merchant/profile", { method: "PUT", body: JSON.stringify(body) });
  if (response.ok) $("profile-saved").hidden = false;
  else showProblem(form, await response.json().catch(() => null), response.statusText);
});

// --- Live -------------------------------------------------------------------------------------------------------------------
document.addEventListener("hs:push", (e) => {
  const { event, payload } = e.detail;
  if (event === "worker.status") boardUpdate(payload);
  if (event === "notification.new") {
    addNotice({ ...payload, read: false }, true);
    if (payload.template === "credit.changed") loadCredit();
  }
});
document.addEventListener("hs:resync", () => { loadInbox(); loadCredit(); });

await Promise.all([loadInbox(), loadCredit(), loadProfile()]);
$("inbox-panel").dataset.ready = "true";
if (form) $("profile-panel").dataset.ready = "true";
