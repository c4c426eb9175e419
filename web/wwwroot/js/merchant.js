// The merchant portal's live list of offers and orders: accept or refuse an offer, assign a worker.
// The list comes from GET /api/merchant/orders (which masks an offer's phone and address); every
// "order.updated" push and every reconnect fetches it again, so the screen always shows what the server has.
import { coalescedRefresh, elementOf, jsonApi, keyedList } from "./live-list.js";
import { clock, day, today } from "./beijing-time.js";
import { districtName } from "./places.js";
import { labelled } from "./punctuation.js";
import { offerCountdown, tickCountdowns } from "./offer-countdown.js";
import { visitSummary } from "./worker-visit.js";
import { el } from "./dom.js";

const data = JSON.parse(document.getElementById("merchant-data").textContent);
const text = data.text;
const $ = (id) => document.getElementById(id);
const body = $("merchant-orders").querySelector("tbody");
const english = document.documentElement.lang === "en";

const api = jsonApi(showError);

function showError(message) {
  $("merchant-error").hidden = !message;
  $("merchant-error").textContent = message ?? "";
}

const statusName = (status) => text[`status.${status}`] ?? status;

// The visit window as [day, times], in Beijing time.
function when(start, end) {
  if (!start) return [];
  const date = day(start, english);
  const time = clock;
  return [date, end ? `${time(start)}–${time(end)}` : time(start)];
}

// "金水区 · 金水区农业路 66 号" says the district twice: an address that names it is shown alone.
const place = (o) => (o.address && o.district && o.address.startsWith(o.district) ? o.address : [districtName(o.district), o.address].filter(Boolean).join(" · "));

function workerName(id) {
  const worker = data.workers.find((w) => w.id === id);
  return worker ? `${worker.name} (${worker.id})` : id ?? "";
}

function actions(order) {
  const cell = el("td", { className: "actions" });
  if (order.kind !== "service") return cell;
  if (order.status === "Offered") {
    const accept = el("button", { type: "button", className: "accept", textContent: text["merchant.accept"] });
    const refuse = el("button", { type: "button", className: "refuse secondary", textContent: text["merchant.refuse"] });
    const reason = el("input", { className: "refuse-reason", maxLength: 200, placeholder: text["merchant.refuse_reason"] });
    reason.setAttribute("aria-label", text["merchant.refuse_reason"]);
    reason.setAttribute("list", "refuse-reasons");
    const confirm = el("button", { type: "button", className: "refuse-confirm danger", textContent: text["merchant.refuse_confirm"] });
    const cancel = el("button", { type: "button", className: "refuse-cancel secondary", textContent: text["merchant.refuse_cancel"] });
    const ask = el("span", { className: "refuse-form", hidden: true }, reason, confirm, cancel);
    accept.addEventListener("click", () => act(order, "accept"));
    refuse.addEventListener("click", () => {
      ask.hidden = false;
      refuse.hidden = accept.hidden = true;
      reason.focus();
    });
    cancel.addEventListener("click", () => {
      ask.hidden = true;
      refuse.hidden = accept.hidden = false;
    });
    const send = () => {
      if (!reason.value.trim()) {
        showError(text["merchant.reason_required"]);
        reason.focus();
        return;
      }
      act(order, "refuse", { reason: reason.value.trim() });
    };
    confirm.addEventListener("click", send);
    reason.addEventListener("keydown", (e) => { if (e.key === "Enter") send(); });
    cell.append(el("div", { className: "buttons" }, accept, refuse, ask));
  } else if (order.status === "Accepted" || order.status === "WorkerAssigned") {
    // Free, qualified workers with the order's skill come first; the others are shown with why they cannot go
    // (busy, resting, expired certificate), and only free ones can be chosen.
    const skilled = (w) => w.skills.includes(order.category);
    const free = (w) => (w.status === "Available" && !w.expired) || w.id === order.workerId;
    const rank = (w) => Number(free(w)) * 2 + Number(skilled(w));
    const workers = [...data.workers].sort((a, b) => rank(b) - rank(a));
    const label = (w) => [`${w.name} (${w.id})`, text[`worker.status.${w.status}`] ?? w.status,
      w.expired ? text["merchant.expired"] : null, skilled(w) ? null : text["merchant.no_skill"]].filter(Boolean).join(" · ");
    const select = el("select", { className: "worker-select" },
      ...workers.map((w) => el("option", { value: w.id, textContent: label(w), disabled: !free(w) })));
    select.setAttribute("aria-label", text["merchant.worker_choice"]);
    if (order.workerId) select.value = order.workerId;
    const assign = el("button", {
      type: "button", className: "assign", textContent: order.status === "Accepted" ? text["merchant.assign"] : text["merchant.reassign"],
    });
    assign.addEventListener("click", () => act(order, "assign", { workerId: select.value }));
    cell.append(el("div", { className: "buttons" }, select, assign));
  }
  return cell;
}

// What the resident told the center (面积 90 · 房间数 3; 备注: 家里有猫): the server sends it once the order is the merchant's;
// after the visit, what the worker reported at check-out (extra items, money collected on the spot).
function details(order) {
  const parts = (order.details ?? []).map((d) => `${d.label} ${d.value}`);
  const visit = visitSummary(order, text);
  if (parts.length === 0 && !order.notes && !visit) return null;
  return el("div", { className: "order-details" },
    parts.length ? el("span", { className: "requirements", textContent: parts.join(" · ") }) : null,
    order.notes ? el("span", { className: "notes", textContent: labelled(text["order.notes"], order.notes) }) : null,
    visit);
}

// What needs an answer first (offers), then work in progress, then the rest; newest first within each.
const urgency = (o) => (o.status === "Offered" ? 0 : ["Accepted", "WorkerAssigned", "EnRoute", "InService"].includes(o.status) ? 1 : 2);

function render(order) {
  const masked = order.status === "Offered";
  const tr = el("tr", {},
    el("td", { className: "order-no", textContent: order.orderNo }),
    el("td", { className: "category" }, data.categories[order.category] ?? order.category ?? "", details(order)),
    el("td", { className: "state" }, el("span", { className: "badge status", textContent: statusName(order.status) }),
      masked && order.offerExpiresAt ? offerCountdown(order.offerExpiresAt, text) : null),
    el("td", { className: "address" }, place(order)),
    el("td", { className: "phone", textContent: order.phone, title: masked ? text["merchant.masked"] : "" }),
    el("td", { className: "window" }, ...when(order.windowStart, order.windowEnd).map((part) => el("span", { textContent: part }))),
    el("td", { className: "worker", textContent: order.workerId ? workerName(order.workerId) : "" }),
    actions(order));
  tr.dataset.order = order.orderNo;
  tr.id = `order-${order.orderNo}`; // the credit log links here (merchant-desk.js)
  tr.dataset.status = order.status;
  tr.dataset.kind = order.kind;
  if (masked) tr.classList.add("offer");
  return tr;
}

const show = keyedList(body, render, $("merchant-orders-empty"));
tickCountdowns(body, text);
const refresh = coalescedRefresh(async () => {
  const orders = await api("GET", "/api/merchant/orders");
  if (orders) show([...orders].sort((a, b) => urgency(a) - urgency(b)));
});

async function act(order, step, payload) {
  const row = elementOf(body, order.orderNo);
  row?.querySelectorAll("button, select, input").forEach((c) => { c.disabled = true; });
  const view = await api("POST", `/api/merchant/orders/${encodeURIComponent(order.orderNo)}/${step}`, payload);
  if (view) showError(null);
  // Whatever happened (done, or refused because the order moved on), show the server's list with this row drawn afresh.
  show.invalidate(order.orderNo);
  await refresh();
}

document.addEventListener("hs:push", (e) => {
  const { event, payload } = e.detail;
  if (event === "order.updated" || event === "order.gone") refresh();
  if (event === "worker.status") {
    // A worker's status follows their orders and the company's own changes; the assign choices follow it.
    const worker = data.workers.find((w) => w.id === payload.workerId);
    if (!worker) return;
    worker.status = payload.status;
    for (const row of body.querySelectorAll("tr[data-status='Accepted'], tr[data-status='WorkerAssigned']")) show.invalidate(row.dataset.order);
    refresh();
  }
});
document.addEventListener("hs:resync", refresh);
// A worker added on the staff panel can be sent at once, without reloading the page.
document.addEventListener("hs:worker-added", (e) => {
  const w = e.detail;
  if (data.workers.some((x) => x.id === w.workerId)) return;
  data.workers.push({ id: w.workerId, name: w.name, skills: w.skills, status: w.status,
    expired: !!w.healthCertificateExpires && w.healthCertificateExpires < today() });
  refresh();
});
document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") refresh(); });

await refresh();
document.body.dataset.merchant = "ready";
