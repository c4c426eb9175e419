// The back office's merchants panel: merchants by status from the admin API (kept live by pushes), and for the one opened,
// what it submitted (form and documents) and the decisions an admin takes (review an application, red list = honour or
// black list = ban, 暂停接单 and resume, confirm an exit, decide credit appeals), each with a reason.
// Problems (RFC 9457) appear next to their fields; after a decision the list, history and credit are read again.
import { levelSymbols } from "./credit-level.js";
import { clearProblem, showProblem } from "./form-problems.js";
import { labelled } from "./punctuation.js";
import { minute, orDash } from "./beijing-time.js";
import { coalescedRefresh } from "./live-list.js";
import { el } from "./dom.js";

const text = JSON.parse(document.getElementById("admin-data").textContent).text;
const $ = (id) => document.getElementById(id);
const json = (url, options = {}) => fetch(url, { headers: { Accept: "application/json", "Content-Type": "application/json" }, ...options });
const post = (url, body) => json(url, { method: "POST", body: JSON.stringify(body) });
const listName = (listed) => (listed ? text[`admin.list.${listed.toLowerCase()}`] : "");
const statusName = (status) => text[`admin.status.${status}`] ?? status;
const time = orDash(minute);

// "listed:black 伪造资质" and "honoured 连续三年零投诉" are how list changes are kept; shown with the list's name. "suspended"
// (and "listed:red", from before the red list became the honour list, when it meant suspension) reads as 暂停接单.
const reasonText = (reason) =>
  reason.replace(/^listed:black/, text["admin.list.black"]).replace(/^honoured/, text["admin.list.red"])
    .replace(/^(suspended|listed:red)/, text["admin.suspend"]).replace(/^unlisted/, text["admin.list.off"]);

function showError(message) {
  $("admin-error").hidden = !message;
  $("admin-error").textContent = message ?? "";
}

// --- The list ----------------------------------------------------------------------------------------------------------
const panel = $("merchants-panel");
const rows = $("merchants").querySelector("tbody");
let filter = document.querySelector("#status-tabs .tab[aria-selected='true']").dataset.status;
let open = null; // the merchant shown in the detail panel, as the list or the last decision answered it

function row(m) {
  const tr = el("tr", {},
    el("td", { className: "id", textContent: m.merchantId }),
    el("td", { className: "name", textContent: m.name }),
    el("td", { className: "credit-code", textContent: m.creditCode }),
    el("td", { className: "district", textContent: m.district }),
    el("td", { className: "status" }, el("span", { className: "badge", textContent: statusName(m.status) }),
      m.awaitingExitConfirmation ? el("span", { className: "awaiting", textContent: ` ${text["admin.awaiting_exit"]}` }) : null),
    el("td", { className: "credit" }, el("span", { className: "level", textContent: levelSymbols(m.creditLevel) }), ` ${m.creditScore}`),
    el("td", { className: "listed", textContent: listName(m.listed) }),
    el("td", { className: "applied", textContent: time(m.appliedAt) }),
    el("td", { className: "actions" }, el("button", { type: "button", className: "open secondary", textContent: text["admin.open"] })));
  tr.dataset.merchant = m.merchantId;
  tr.dataset.status = m.status;
  tr.dataset.listed = m.listed ?? "";
  tr.classList.toggle("selected", m.merchantId === open?.merchantId);
  tr.querySelector("button.open").addEventListener("click", () => openMerchant(m));
  return tr;
}

async function loadList() {
  panel.dataset.ready = "false";
  const response = await json(`/api/admin/merchants${filter ? `?status=${encodeURIComponent(filter)}` : ""}`);
  if (!response.ok) {
    showError(text["admin.failed"]);
    return;
  }
  showError(null);
  const merchants = await response.json();
  rows.replaceChildren(...merchants.map(row));
  $("merchants-empty").hidden = merchants.length > 0;
  panel.dataset.filter = filter;
  panel.dataset.ready = "true";
}

for (const tab of document.querySelectorAll("#status-tabs .tab")) {
  tab.addEventListener("click", () => {
    for (const t of document.querySelectorAll("#status-tabs .tab")) t.setAttribute("aria-selected", String(t === tab));
    filter = tab.dataset.status;
    loadList();
  });
}

// --- One merchant ----------------------------------------------------------------------------------------------------------
const detail = $("merchant-detail");
const reviewForm = $("review-form");
const suspensionForm = $("suspension-form");
const listForm = $("list-form");
const suspendForm = $("suspend-form");

function showMerchant(m) {
  open = m;
  detail.dataset.merchant = m.merchantId;
  detail.dataset.status = m.status;
  $("detail-name").textContent = m.name;
  $("detail-id").textContent = m.merchantId;
  $("detail-status").textContent = statusName(m.status);
  $("detail-listed").textContent = listName(m.listed);
  $("detail-listed").hidden = !m.listed;
  $("detail-reason").textContent = reasonText(m.statusReason ?? "");
  reviewForm.hidden = m.status !== "Applied";
  // A black-listed merchant comes off the list before its suspension is decided (the API says so too).
  suspensionForm.hidden = m.status !== "Suspended" || m.listed === "Black";
  suspendForm.hidden = !(m.status === "Active" || m.status === "Warned");
  $("awaiting-exit").hidden = !m.awaitingExitConfirmation;
  listForm.hidden = m.status === "Applied";
  listForm.elements.namedItem("list").value = m.listed?.toLowerCase() ?? "";
  for (const r of rows.children) r.classList.toggle("selected", r.dataset.merchant === m.merchantId);
}

async function openMerchant(m) {
  for (const form of [reviewForm, suspensionForm, listForm, suspendForm]) {
    clearProblem(form);
    form.reset();
  }
  $("detail-saved").hidden = true;
  showMerchant(m);
  detail.hidden = false;
  await Promise.all([loadDetail(), loadApplication()]);
  detail.scrollIntoView({ block: "start" });
}

async function loadDetail() {
  const id = open.merchantId;
  detail.dataset.ready = "false";
  const [history, credit] = await Promise.all([
    json(`/api/admin/merchants/${encodeURIComponent(id)}/history`).then((r) => (r.ok ? r.json() : [])),
    json(`/api/admin/credit/merchants/${encodeURIComponent(id)}`).then((r) => (r.ok ? r.json() : null)),
  ]);
  if (open?.merchantId !== id) return; // another merchant was opened meanwhile
  showHistory(history);
  showCredit(credit);
  detail.dataset.ready = "true";
}

// The application does not change once submitted: read once when the merchant is opened, so a refresh after a decision
// or a push does not redraw the documents (and move the page under the admin's pointer).
async function loadApplication() {
  const id = open.merchantId;
  $("application").hidden = true;
  $("app-documents").replaceChildren();
  const answer = await json(`/api/admin/merchants/${encodeURIComponent(id)}/application`).then((r) => (r.ok ? r.json() : false)).catch(() => false);
  if (open?.merchantId === id) showApplication(answer);
}

// What the company submitted (form and documents), so the admin reviews it before approving or rejecting. Images show
// in the page; a PDF opens in the browser's own viewer inside the page when the admin asks, with a link to open it in a
// tab of its own.
function showApplication(answer) {
  $("application").hidden = false;
  $("application-error").hidden = answer !== false;
  if (!answer) return;
  const a = answer.application;
  const fields = { name: a.name, creditCode: a.creditCode, legalPerson: a.legalPerson, contactName: a.contactName ?? "", phone: a.phone,
    address: a.address, district: a.district, districts: a.districts.join("，"), appliedAt: time(a.appliedAt) };
  for (const [field, value] of Object.entries(fields)) $(`app-${field}`).textContent = value || "—";
  $("app-categories").textContent = answer.categories.map((c) => c.name).join("，") || "—";
  $("app-documents").replaceChildren(...a.documents.map(documentItem));
  $("app-documents-none").hidden = a.documents.length > 0;
}

// The browser's PDF viewer is a heavy frame of its own: it is made only when the admin asks to read the document (not on
// every merchant opened) and goes again when folded away, so the decision buttons below never sit under a viewer that
// is still loading and catches their clicks.
function pdfViewer(url, label) {
  const box = el("div", { className: "doc-pdf-box" });
  const toggle = el("button", { type: "button", className: "doc-view secondary", textContent: text["admin.app.view"] });
  toggle.setAttribute("aria-expanded", "false");
  toggle.addEventListener("click", () => {
    const frame = box.querySelector("iframe");
    if (frame) frame.remove();
    else box.append(el("iframe", { className: "doc-pdf", src: url, title: labelled(text["admin.app.pdf"], label) }));
    toggle.setAttribute("aria-expanded", String(!frame));
    toggle.textContent = text[frame ? "admin.app.view" : "admin.app.hide"];
  });
  box.append(toggle);
  return box;
}

function documentItem(d) {
  const kind = text[`join.kind.${d.kind}`] ?? text["join.kind.other"];
  const li = el("li", { className: "app-document" },
    el("p", {}, el("strong", { className: "doc-kind", textContent: kind }), " ", el("span", { className: "doc-name", textContent: d.name }),
      d.validUntil ? el("span", { className: "doc-valid muted", textContent: ` · ${text["admin.app.validUntil"]} ${d.validUntil}` }) : null));
  li.dataset.kind = d.kind;
  if (!d.url) {
    li.append(el("p", { className: "muted doc-missing", textContent: text["admin.app.noFile"] }));
    return li;
  }
  const label = `${kind} ${d.name}`;
  if (d.contentType.startsWith("image/")) {
    li.append(el("a", { href: d.url, target: "_blank", rel: "noopener" }, el("img", { className: "doc-image", src: d.url, alt: label, loading: "lazy" })));
  } else {
    li.append(pdfViewer(d.url, label));
  }
  li.append(el("p", {}, el("a", { className: "doc-open", href: d.url, target: "_blank", rel: "noopener", textContent: labelled(text["admin.app.open"], d.fileName) })));
  return li;
}

function showHistory(history) {
  $("merchant-history").replaceChildren(...history.map((h) => {
    const li = el("li", {}, el("time", { textContent: time(h.at) }), " ",
      el("span", { className: "change", textContent: h.from === h.to ? statusName(h.to) : `${statusName(h.from)} → ${statusName(h.to)}` }),
      " · ", el("span", { className: "reason", textContent: reasonText(h.reason) }), " · ", el("span", { className: "actor muted", textContent: h.actor }));
    li.dataset.to = h.to;
    return li;
  }));
  $("history-empty").hidden = history.length > 0;
}

function showCredit(credit) {
  $("detail-score").textContent = credit ? credit.summary.score.toFixed(1) : "";
  $("detail-level").textContent = credit ? levelSymbols(credit.summary.level) : "";
  const changes = credit?.changes ?? [];
  $("credit-changes").replaceChildren(...changes.slice(0, 20).map((c) => {
    const delta = (c.scoreAfter - c.scoreBefore).toFixed(2);
    const li = el("li", { textContent: `${time(c.at)} · ${text[`credit.reason.${c.reason}`] ?? c.reason} · ${delta > 0 ? "+" : ""}${delta} · ${c.source}` });
    li.dataset.reason = c.reason;
    return li;
  }));
  $("credit-empty").hidden = changes.length > 0;
  const appeals = (credit?.summary.openToAppeal ?? []).filter((p) => p.appeal === "Open");
  $("appeals").replaceChildren(...appeals.map(appealRow));
  $("appeals-empty").hidden = appeals.length > 0;
}

function appealRow(penalty) {
  const li = $("appeal-row").content.firstElementChild.cloneNode(true);
  li.dataset.penalty = penalty.penaltyId;
  li.querySelector(".appeal-what").textContent = `${time(penalty.at)} · ${text[`credit.reason.${penalty.reason}`] ?? penalty.reason} · ${penalty.penaltyId}`;
  const form = li.querySelector("form");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    decide(form, "/api/admin/credit/appeals/decision", {
      merchantId: open.merchantId, penaltyId: penalty.penaltyId, granted: e.submitter?.value === "grant",
      reason: form.elements.namedItem("reason").value,
    }, false);
  });
  return li;
}

// Sends one decision; a merchant answered back is shown at once, then the list, history and credit are read again.
async function decide(form, url, body, answersMerchant = true) {
  clearProblem(form);
  $("detail-saved").hidden = true;
  const buttons = form.querySelectorAll("button");
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const response = await post(url, body);
    if (!response.ok) {
      showProblem(form, await response.json().catch(() => null), text["admin.failed"]);
      return;
    }
    const answer = await response.json();
    form.reset();
    if (answersMerchant) showMerchant(answer);
    $("detail-saved").hidden = false;
    await Promise.all([loadList(), loadDetail()]);
  } catch {
    showProblem(form, null, text["admin.failed"]);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

const merchantUrl = (action) => `/api/admin/merchants/${encodeURIComponent(open.merchantId)}/${action}`;

reviewForm.addEventListener("submit", (e) => {
  e.preventDefault();
  decide(reviewForm, merchantUrl("review"), { approve: e.submitter?.value === "approve", reason: reviewForm.elements.namedItem("reason").value });
});
suspensionForm.addEventListener("submit", (e) => {
  e.preventDefault();
  decide(suspensionForm, merchantUrl("suspension"), { exit: e.submitter?.value === "exit", reason: suspensionForm.elements.namedItem("reason").value });
});
suspendForm.addEventListener("submit", (e) => {
  e.preventDefault();
  decide(suspendForm, merchantUrl("suspend"), { reason: suspendForm.elements.namedItem("reason").value });
});
listForm.addEventListener("submit", (e) => {
  e.preventDefault();
  decide(listForm, merchantUrl("list"), { list: listForm.elements.namedItem("list").value || null, reason: listForm.elements.namedItem("reason").value });
});
$("detail-close").addEventListener("click", () => {
  detail.hidden = true;
  open = null;
  for (const r of rows.children) r.classList.remove("selected");
});

// A new application, or another admin's decision, arrives as a push: the list is read again (one read at a time).
const refreshList = coalescedRefresh(loadList);
document.addEventListener("hs:push", (e) => {
  if (e.detail.event !== "merchant.changed") return;
  refreshList();
  if (open && e.detail.payload?.merchantId === open.merchantId) loadDetail();
});
document.addEventListener("hs:resync", () => refreshList());
await loadList();
