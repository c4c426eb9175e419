// Shared by the console's three work queues: a list kept current by pushes, and the small inline forms that post one step
// of an order and show the API's problem details (already in the user's language) next to the fields they name.
import { coalescedRefresh, keyedList } from "./live-list.js";
import { clearProblem, showProblem } from "./form-problems.js";
import { minute } from "./beijing-time.js";
import { el } from "./dom.js";

export const data = JSON.parse(document.getElementById("work-queue-data").textContent);
export const text = data.text;

export { el };

// Beijing time: the center's clock, whatever the agent's computer says.
export const when = (iso) => (iso ? minute(iso) : "");

export const statusName = (status) => text[`status.${status}`] ?? status;
export const categoryName = (row) => (data.english ? row.categoryEn : row.categoryZh) ?? row.category ?? "";
export const cell = (className, ...children) => el("span", { className: `cell ${className}` }, ...children);
export const badge = (className, label) => el("span", { className: `badge ${className}`, textContent: label });

// ---- the live list ---------------------------------------------------------------------------------------------------

const slaMarks = new Map(); // orderNo → "warning" | "breach", from "order.sla" pushes seen by this page

/**
 * Shows GET `url` in `list`, keyed by orderNo, and fetches it again whenever a push concerns an order that is shown or
 * that `wants(event, payload)` says belongs here (so rows appear, change and leave without a reload). Rows that did not
 * change keep their element, so a half-filled form survives pushes about other orders.
 */
export function liveQueue({ name, url, list, empty, render, wants }) {
  const shown = new Set();
  const show = keyedList(list, (row) => {
    const item = render(row);
    item.dataset.order = row.orderNo;
    if (row.sla) item.dataset.sla = row.sla;
    return item;
  }, empty);
  const count = document.querySelector(`[data-count="${name}"]`);
  const refresh = coalescedRefresh(async () => {
    const response = await fetch(url, { headers: { Accept: "application/json" } }).catch(() => null);
    if (!response?.ok) return;
    const rows = (await response.json()).map((row) => ({ ...row, sla: slaMarks.get(row.orderNo) ?? null }));
    shown.clear();
    rows.forEach((row) => shown.add(row.orderNo));
    show(rows);
    if (count) count.textContent = String(rows.length);
    list.dataset.count = String(rows.length);
  });
  document.addEventListener("hs:push", (e) => {
    const { event, payload } = e.detail;
    if (!payload?.orderNo) return;
    if (event === "order.sla") slaMarks.set(payload.orderNo, payload.kind);
    if (["order.updated", "order.manual-dispatch", "order.sla"].includes(event) && (shown.has(payload.orderNo) || wants(event, payload))) refresh();
  });
  document.addEventListener("hs:resync", refresh);
  // After a step the row is drawn afresh from the server, whatever happened (its form closes).
  const redraw = (orderNo) => {
    show.invalidate(orderNo);
    return refresh();
  };
  return { ready: refresh(), redraw };
}

// ---- inline step forms -------------------------------------------------------------------------------------------------

let formSeq = 0;

/** A labelled control with the place its field error shows; `name` is the API's field name. */
export function field(label, control, name, wide = false) {
  control.id ||= `queue-field-${++formSeq}`;
  control.name = name;
  const error = el("p", { className: "field-error", hidden: true });
  error.dataset.field = name;
  return el("div", { className: `queue-field${wide ? " wide" : ""}` }, el("label", { htmlFor: control.id, textContent: label }), control, error);
}

export function select(className, options, value) {
  const control = el("select", { className }, ...options.map(([v, label]) => el("option", { value: v, textContent: label })));
  if (value !== undefined && value !== null) control.value = value;
  return control;
}

export const yesNo = (className) => select(className, [["", "—"], ["true", text["queue.yes"]], ["false", text["queue.no"]]]);


/**
 * An inline form for one step: `fields` (from field()), and `actions` [{ label, className, step, body }] where body()
 * returns the JSON to POST to /api/orders/{no}/{step}, or null after marking a field itself. `done` runs after success.
 */
export function stepForm(orderNo, { className, fields, actions, done, onCancel }) {
  const form = el("form", { className: `queue-form ${className}`, noValidate: true });
  const buttons = actions.map((a) => el("button", { type: "button", className: a.className ?? "", textContent: a.label }));
  const cancel = el("button", { type: "button", className: "secondary queue-cancel", textContent: text["queue.cancel"] });
  form.append(el("div", { className: "queue-fields" }, ...fields),
    el("p", { className: "error form-error", role: "alert", hidden: true }),
    el("div", { className: "buttons" }, ...buttons, cancel));
  cancel.addEventListener("click", () => onCancel?.());
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    buttons[0]?.click(); // Enter in a field does the form's first step
  });
  form.addEventListener("input", (e) => {
    const p = e.target.parentElement?.querySelector(".field-error");
    if (p) p.hidden = true;
  });
  actions.forEach((action, i) => buttons[i].addEventListener("click", async () => {
    clearProblem(form);
    const body = action.body();
    if (body === null) return;
    for (const b of [...buttons, cancel]) b.disabled = true;
    try {
      const response = await fetch(`/api/orders/${encodeURIComponent(orderNo)}/${action.step}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      const result = await response.json().catch(() => null);
      if (response.ok) {
        await done(result);
        return;
      }
      showProblem(form, result, response.statusText);
    } catch (error) {
      showProblem(form, null, error.message || text["queue.failed"]);
    } finally {
      for (const b of [...buttons, cancel]) b.disabled = false;
    }
  }));
  return form;
}

/** Marks a field's error from the page itself (a choice the API cannot name well), in the same place the API's would show. */
export function fieldError(form, name, message) {
  const p = form.querySelector(`.field-error[data-field="${CSS.escape(name)}"]`);
  p.textContent = message;
  p.hidden = false;
  form.querySelector(`[name="${CSS.escape(name)}"]`)?.focus();
}

/**
 * A row: its cells, then the buttons that open its step forms (one open at a time, under the cells).
 * `openers` are [{ label, className, open: (close) => form | Promise<form> }].
 */
export function queueRow(row, cells, openers, note) {
  const slot = el("div", { className: "queue-slot" });
  const close = () => slot.replaceChildren();
  const buttons = openers.map((o) => {
    const button = el("button", { type: "button", className: o.className, textContent: o.label });
    button.addEventListener("click", async () => {
      const form = await o.open(close);
      slot.replaceChildren(form);
      form.querySelector("select, input, textarea")?.focus();
    });
    return button;
  });
  const sla = row.sla ? badge(`sla ${row.sla}`, text[`queue.sla.${row.sla}`]) : null;
  return el("li", { className: "queue-row" }, ...cells, cell("actions", sla, ...buttons, note), slot);
}
