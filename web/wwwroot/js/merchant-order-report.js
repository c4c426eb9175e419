// Orders and ratings (服务订单及评定查询): the merchant's orders over a period, filterable by status and rating, with the
// figures it is judged by. Field errors (a bad date) appear by their fields, as on every form.
import { clearProblem, showProblem } from "./form-problems.js";
import { minute, orDash } from "./beijing-time.js";

const data = JSON.parse(document.getElementById("merchant-data").textContent);
const text = data.text;
const $ = (id) => document.getElementById(id);
const form = $("report-form");
const body = $("report-orders").querySelector("tbody");
const when = orDash(minute);
const percent = (rate) => (rate == null ? "—" : `${(rate * 100).toFixed(1)}%`);
let page = 1;

function query() {
  const params = new URLSearchParams({ page: String(page) });
  for (const name of ["from", "to", "status", "rating"]) if (form[name].value) params.set(name, form[name].value);
  return params;
}

function figures(s) {
  const set = (name, value) => { document.querySelector(`#report-figures [data-figure="${name}"]`).textContent = value; };
  set("offered", `${s.offered} / ${s.accepted}`);
  set("completion", percent(s.completionRate));
  set("rating", s.averageRating == null ? "—" : `${s.averageRating.toFixed(2)} (${s.ratings})`);
  set("complaints", `${s.complaints} (${s.complaintsUpheld})`);
  set("redispatch", percent(s.secondDispatchRate));
}

function row(o) {
  const tr = document.createElement("tr");
  tr.dataset.order = o.orderNo;
  tr.dataset.status = o.status;
  const cells = [o.orderNo, data.categories[o.category] ?? o.category ?? "—", text[`status.${o.status}`] ?? o.status, o.district ?? "—",
    o.workerName ? `${o.workerName} (${o.workerId})` : o.workerId ?? "—", when(o.completedAt), o.score == null ? "—" : "★".repeat(o.score)];
  for (const [i, value] of cells.entries()) {
    const td = Object.assign(document.createElement("td"), { textContent: value });
    if (i === 6) td.className = "score";
    tr.append(td);
  }
  return tr;
}

async function load(more) {
  clearProblem(form);
  const response = await fetch(`/api/merchant/orders/report?${query()}`, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    showProblem(form, await response.json().catch(() => null), response.statusText);
    return;
  }
  const report = await response.json();
  figures(report.summary);
  if (!more) body.replaceChildren();
  body.append(...report.orders.map(row));
  $("report-empty").hidden = body.children.length > 0;
  $("report-more").hidden = report.orders.length < 50;
  $("report-panel").dataset.ready = "true";
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  page = 1;
  load(false);
});
$("report-more").addEventListener("click", () => {
  page += 1;
  load(true);
});
// An order that moves (completed, rated) changes the figures: refresh them, gently, at most every few seconds.
let pending = null;
document.addEventListener("hs:push", (e) => {
  if (!e.detail.event.startsWith("order.") || pending) return;
  pending = setTimeout(() => { pending = null; page = 1; load(false); }, 3000);
});

await load(false);
