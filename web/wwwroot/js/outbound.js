// Agent outbound (座席外呼) on the console: call a typed number, or a member, merchant or worker by id (any element
// with data-outbound-target / data-outbound-id, such as the 外呼 buttons of the merchant lookup, dials too). The
// server looks the number up and answers with the outbound pop (去电弹屏), which also arrives as "call.outbound".
import { levelSymbols } from "./credit-level.js";
import { labelled } from "./punctuation.js";

const $ = (id) => document.getElementById(id);
const text = JSON.parse($("outbound-text").textContent);
let current = null; // the call id of the pop shown

// The order form's category menu already holds the catalogue's names in the page's language.
const categoryName = (code) => document.querySelector(`#order-category option[value="${CSS.escape(code ?? "")}"]`)?.textContent ?? code;

function showError(message) {
  $("outbound-error").hidden = !message;
  $("outbound-error").textContent = message ?? "";
}

function render(pop) {
  if (current && current.callId === pop.call.callId && pop.call.version < current.version) return;
  current = { callId: pop.call.callId, version: pop.call.version };
  const t = pop.target;
  $("outbound-pop").hidden = false;
  $("outbound-pop").dataset.callId = pop.call.callId;
  $("outbound-state").textContent = text["console.outbound.dialling"];
  $("outbound-cancel").hidden = false;
  const level = t.kind === "merchant" ? levelSymbols(t.level, t.level) : t.kind === "worker" ? text[`worker.status.${t.level}`] ?? t.level : t.level;
  const who = [text[`console.outbound.kind.${t.kind}`] ?? t.kind, t.name, level, t.merchantName, t.phoneMasked].filter(Boolean);
  $("outbound-target").textContent = who.join(" · ");
  const o = t.order;
  $("outbound-order-summary").textContent = o
    ? labelled(text["console.outbound.order"], [o.orderNo, categoryName(o.category), text[`order.status.${o.status}`] ?? o.status, t.orderAddress].filter(Boolean).join(" · "))
    : "";
}

async function call(target, idOrNumber, orderNo) {
  const body = target === "number" ? { target, number: idOrNumber } : { target, id: idOrNumber };
  if (orderNo) body.orderNo = orderNo;
  const response = await fetch("/api/console/outbound", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    showError(data?.errors ? Object.values(data.errors).flat().join(" ") : data?.title ?? response.statusText);
    return;
  }
  showError(null);
  render(data);
}

$("outbound-form").addEventListener("submit", (e) => {
  e.preventDefault();
  call($("outbound-kind").value, $("outbound-id").value.trim(), $("outbound-order").value.trim());
});

// While the switch dials, the agent may give up: the call ends and the seat is free again.
$("outbound-cancel").addEventListener("click", async () => {
  if (!current) return;
  const response = await fetch(`/api/console/calls/${encodeURIComponent(current.callId)}/hangup`, { method: "POST", headers: { Accept: "application/json" } });
  if (!response.ok) showError((await response.json().catch(() => null))?.title ?? response.statusText);
});

document.addEventListener("click", (e) => {
  const button = e.target.closest?.("[data-outbound-target]");
  if (!button) return;
  e.preventDefault();
  call(button.dataset.outboundTarget, button.dataset.outboundId, button.dataset.outboundOrder);
});

document.addEventListener("hs:push", (e) => {
  const { event, payload } = e.detail;
  if (event === "call.outbound") render(payload);
  if (event === "call.updated" && current && payload.callId === current.callId) {
    $("outbound-state").textContent = text[`call.status.${payload.status}`] ?? payload.status;
    $("outbound-cancel").hidden = payload.status !== "Ringing";
  }
  if (event === "call.gone" && current && payload.callId === current.callId) {
    $("outbound-state").textContent = text["call.status.Ended"];
    $("outbound-cancel").hidden = true;
  }
});
