// The agent console's new work order form. It is filled during a call (the caller's number, and the member's
// name and addresses, come from the pop) or without one; it POSTs /api/orders, shows the field errors of a
// 400 next to their fields, and after a success shows the order's number and status, kept current by the
// "order.updated" pushes (offered to a merchant, accepted, worker assigned, … completed).
import { clearProblem, showProblem } from "./form-problems.js";
import { labelled } from "./punctuation.js";
import { keepDraft, setUpDrafts } from "./order-drafts.js";

const $ = (id) => document.getElementById(id);
const text = JSON.parse($("new-order-text").textContent);
const form = $("new-order");
const panel = $("call-panel");
const phone = $("order-phone");
const english = document.documentElement.lang === "en";
const fields = {
  contactName: $("order-contact"), contactPhone: phone, category: $("order-category"), district: $("order-district"),
  address: $("order-address"), windowStart: $("order-start"), windowEnd: $("order-end"), notes: $("order-notes"),
};

// The form lives next to the call pop, not in it: an order outlives the call (and is also taken without one),
// so a caller hanging up does not take the half-filled form away. The next call, though, always starts a clean form
// filled only from its own caller's story; what the agent had typed before is put aside as a visible draft.

// ---- the call the order comes from -------------------------------------------------------------------------------

const members = new Map(); // callId → the pop's member (null when the caller is not a member)
let linked = null; // { callId, connected } — the call the order will name; it stays after a hang-up until the order is sent
let phoneTyped = false;
let phoneCall = null;
let phoneBefore = ""; // what the phone field held before the current call's number replaced it
let typed = false; // the agent has written something since the form was last cleared
let onScreen = null; // the call the pop showed when the form last looked (a restored draft may name another)
// One key per order being written: a send retried after a timeout (the first may have gone through, even on the other
// web host) makes one order. A new key once the order is made or the form starts again; a refused send keeps it, as
// nothing was made.
const newOrderKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
let orderKey = newOrderKey();

// console.js writes the caller's number into #order-phone on every update of the call. A number the agent typed
// (the caller speaking for someone else) wins over those writes until another call comes.
const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
Object.defineProperty(phone, "value", {
  configurable: true,
  get() { return nativeValue.get.call(this); },
  set(value) {
    const call = panel.dataset.callId || null;
    if (phoneTyped && call === phoneCall) return;
    if (call !== phoneCall) phoneBefore = nativeValue.get.call(this);
    phoneTyped = false;
    phoneCall = call;
    nativeValue.set.call(this, value);
  },
});
phone.addEventListener("input", () => { phoneTyped = true; phoneCall = panel.dataset.callId || null; });

function showLinked() {
  $("order-call").textContent = linked ? `${text.linkedCall} ${linked.callId}` : text.noCall;
  form.dataset.callId = linked?.callId ?? "";
}

async function memberOf(callId) {
  if (!members.has(callId)) {
    const state = await fetch("/api/console", { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : null)).catch(() => null);
    if (state?.call?.call) members.set(state.call.call.callId, state.call.member ?? null);
  }
  return members.get(callId) ?? null;
}

function guessDistrict() {
  if (fields.district.value) return;
  const address = fields.address.value;
  const option = [...fields.district.options].find((o) => o.value && address.includes(o.value));
  if (option) fields.district.value = option.value;
}

// Fills what is still empty from the member's record; the agent's own entries stay.
async function prefill(callId) {
  const member = await memberOf(callId);
  if (!member || linked?.callId !== callId) return;
  if (!fields.contactName.value) fields.contactName.value = member.name;
  $("order-addresses").replaceChildren(...member.addresses.map((a) => Object.assign(document.createElement("option"), { value: a })));
  if (!fields.address.value && member.addresses.length > 0) {
    fields.address.value = member.addresses[0];
    guessDistrict();
  }
}

// What the form holds, as a draft to put aside or restore.
function snapshot(phoneValue) {
  return {
    at: new Date(),
    linked,
    values: {
      ...Object.fromEntries(Object.entries(fields).map(([name, input]) => [name, input.value])),
      contactPhone: phoneValue,
      date: $("order-date").value,
      requirements: requirements(),
    },
  };
}

function callChanged() {
  const callId = panel.dataset.callId || null;
  const status = panel.dataset.status;
  if (callId && callId !== onScreen) {
    // A new caller: never show them the previous caller's name, district or address.
    if (typed) keepDraft(snapshot(phoneCall === callId ? phoneBefore : phone.value));
    clearFields();
    linked = { callId, connected: false };
    prefill(callId);
  }
  onScreen = callId;
  if (callId && linked?.callId === callId && ["Connected", "OnHold"].includes(status)) linked.connected = true;
  // A call that only rang (refused, or answered elsewhere) was never this order's call.
  if (!callId && linked && !linked.connected) {
    linked = null;
    if (!typed) { clearFields(); phone.value = ""; } // nothing of that caller's story stays behind
  }
  showLinked();
}
new MutationObserver(callChanged).observe(panel, { attributes: true, attributeFilter: ["data-call-id", "data-status"] });

// ---- the form ----------------------------------------------------------------------------------------------------

function shanghaiDate(daysAhead) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date()).map((p) => [p.type, p.value]));
  const day = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) + daysAhead));
  return day.toISOString().slice(0, 10);
}

// A date and a clock time on the form are Beijing time, whatever the agent's computer says.
function instant(date, time) {
  if (!date || !time) return null;
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

function showFormError(message) {
  showProblem(form, { detail: message });
}

// Empties every field but the phone (which always shows the call on screen's number unless the agent typed one).
function clearFields() {
  orderKey = newOrderKey();
  clearProblem(form);
  for (const [name, input] of Object.entries(fields)) if (name !== "contactPhone") input.value = "";
  $("order-addresses").replaceChildren();
  showCategoryFields();
  $("order-date").value = shanghaiDate(1);
  fields.windowStart.value = "09:00";
  fields.windowEnd.value = "11:00";
  typed = false;
}

function reset() {
  clearFields();
  phoneTyped = false;
  phone.value = panel.dataset.callId ? $("call-caller").textContent : "";
  linked = null;
  onScreen = null;
  callChanged(); // links the call on screen again, if there is one, and fills in its member
}

// A draft comes back into the form as it was, with the call it was written for. What the form held instead, if the
// agent had written anything, becomes a draft in its turn, so restoring never loses work either.
function restore(draft) {
  if (typed) keepDraft(snapshot(phone.value));
  clearFields();
  const values = draft.values;
  fields.category.value = values.category;
  showCategoryFields();
  for (const input of $("order-requirements").querySelectorAll("[data-requirement]")) input.value = values.requirements[input.dataset.requirement] ?? "";
  for (const [name, input] of Object.entries(fields)) if (name !== "contactPhone" && name !== "category") input.value = values[name];
  $("order-date").value = values.date;
  phone.value = values.contactPhone;
  phoneTyped = true; // the call on screen must not overwrite the draft's number
  phoneCall = panel.dataset.callId || null;
  linked = draft.linked;
  typed = true;
  showLinked();
}

// ---- the category's own fields (业务属性): rooms for a deep clean, the due date for a maternity nurse, … ---------------

const categories = new Map(); // code → the catalogue's category, with its terms

function showCategoryFields() {
  const box = $("order-requirements");
  const terms = categories.get(fields.category.value)?.terms;
  const guide = terms ? (english ? terms.priceGuideEn : terms.priceGuideZh) : null;
  $("order-price-guide").textContent = guide ? labelled(text.priceGuide, guide) : "";
  $("order-price-guide").hidden = !guide;
  box.replaceChildren(...(terms?.fields ?? []).map((f) => {
    const div = document.createElement("div");
    const id = `order-req-${f.key}`;
    const label = Object.assign(document.createElement("label"), { htmlFor: id, textContent: `${english ? f.nameEn : f.nameZh}${f.required ? " *" : ""}` });
    const input = f.type === "choice" ? choiceSelect(id, f) : Object.assign(document.createElement("input"), {
      id, name: `requirements.${f.key}`, type: f.type === "number" ? "number" : f.type === "date" ? "date" : "text", maxLength: 200, autocomplete: "off",
    });
    input.dataset.requirement = f.key;
    if (f.type === "number") input.min = "0";
    const error = Object.assign(document.createElement("p"), { className: "field-error", hidden: true });
    error.dataset.field = `requirements.${f.key}`;
    div.append(label, input, error);
    return div;
  }));
  box.hidden = box.childElementCount === 0;
}

// A choice field (业务属性 of type "choice") offers the admin's answers; the answer travels as its words.
function choiceSelect(id, f) {
  const select = Object.assign(document.createElement("select"), { id, name: `requirements.${f.key}` });
  select.append(new Option(text.choose, ""), ...(f.choices ?? []).map((c) => new Option(c, c)));
  return select;
}

function requirements() {
  const values = {};
  for (const input of $("order-requirements").querySelectorAll("[data-requirement]")) {
    if (input.value.trim()) values[input.dataset.requirement] = input.value.trim();
  }
  return values;
}

fields.category.addEventListener("change", showCategoryFields);

// The catalogue is read when the console opens and again whenever an admin changes it ("catalogue.changed"), so a
// new category can be ordered and a retired one no longer offered without a reload. A choice made stays if it still exists.
async function loadCatalogue() {
  try {
    const response = await fetch("/api/catalogue", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(response.statusText);
    const tree = await response.json();
    const chosen = fields.category.value;
    const answers = requirements();
    categories.clear();
    for (const top of tree) for (const c of top.children) categories.set(c.code, c);
    fields.category.replaceChildren(new Option(text.choose, ""), ...tree.map((top) => {
      const group = Object.assign(document.createElement("optgroup"), { label: english ? top.nameEn : top.nameZh });
      group.append(...top.children.map((c) => Object.assign(document.createElement("option"), { value: c.code, textContent: english ? c.nameEn : c.nameZh })));
      return group;
    }));
    fields.category.value = categories.has(chosen) ? chosen : "";
    showCategoryFields();
    for (const input of $("order-requirements").querySelectorAll("[data-requirement]")) {
      if (answers[input.dataset.requirement]) input.value = answers[input.dataset.requirement];
    }
  } catch {
    showFormError(text.catalogueFailed);
  }
}

// The city's open districts, reloaded the same way when an admin changes them ("places.changed"); the push's version
// makes the web host catch up first if its copy is older.
async function loadDistricts(version) {
  const response = await fetch(version ? `/api/places?version=${version}` : "/api/places", { headers: { Accept: "application/json" } }).catch(() => null);
  if (!response?.ok) return;
  const districts = await response.json();
  const chosen = fields.district.value;
  fields.district.replaceChildren(new Option(text.choose, ""), ...districts.map((d) => new Option(english ? `${d.nameEn} (${d.nameZh})` : d.nameZh, d.nameZh)));
  fields.district.value = districts.some((d) => d.nameZh === chosen) ? chosen : "";
}

let sending = false;
form.addEventListener("submit", async (e) => {
  e.preventDefault();
  if (sending) return;
  clearProblem(form);
  const value = (input) => input.value.trim() || undefined;
  const date = $("order-date").value;
  const body = {
    callId: linked?.callId,
    memberId: linked ? (await memberOf(linked.callId))?.memberId : undefined,
    contactName: value(fields.contactName),
    contactPhone: phone.value.trim(),
    category: fields.category.value,
    district: fields.district.value,
    address: fields.address.value.trim(),
    windowStart: instant(date, fields.windowStart.value),
    windowEnd: instant(date, fields.windowEnd.value),
    notes: value(fields.notes),
    requirements: requirements(),
  };
  sending = true;
  $("order-submit").disabled = true;
  try {
    const response = await fetch("/api/orders", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": orderKey },
      body: JSON.stringify(body),
    });
    const result = await response.json().catch(() => null);
    if (response.ok) {
      orderKey = newOrderKey();
      current = null;
      showOrder(result);
      reset();
    } else if (result?.errors) {
      showProblem(form, result);
    } else {
      showFormError(result?.title ?? response.statusText);
    }
  } catch (error) {
    showFormError(error.message);
  } finally {
    sending = false;
    $("order-submit").disabled = false;
  }
});

$("order-reset").addEventListener("click", reset);
// A field's error goes once the agent changes the field (the window's error with any of its three inputs).
form.addEventListener("input", (e) => {
  typed = true;
  const name = Object.keys(fields).find((k) => fields[k] === e.target) ?? e.target.name;
  const timing = e.target.id === "order-date" || name === "windowStart" || name === "windowEnd";
  for (const p of form.querySelectorAll(".field-error")) {
    if (p.dataset.field === name || (timing && p.dataset.field.startsWith("window"))) p.hidden = true;
  }
});
fields.address.addEventListener("change", guessDistrict);

// ---- the order just taken, kept current by pushes ------------------------------------------------------------------

let current = null;

function showOrder(view) {
  if (current && current.orderNo === view.orderNo && view.version < current.version) return; // a stale push
  current = view;
  const result = $("order-result");
  const badge = Object.assign(document.createElement("span"), { className: "badge order-status", textContent: text[`status.${view.status}`] ?? view.status });
  const number = Object.assign(document.createElement("strong"), { className: "order-no", textContent: view.orderNo });
  const who = [view.merchantId, view.workerId].filter(Boolean).map((id) => ` · ${id}`).join("");
  result.replaceChildren(`${text.created} `, number, " · ", badge, who);
  result.dataset.order = view.orderNo;
  result.dataset.status = view.status;
  result.hidden = false;
}

document.addEventListener("hs:push", (e) => {
  const { event, payload } = e.detail;
  if (event === "call.ringing" && payload?.call) members.set(payload.call.callId, payload.member ?? null);
  if (event === "order.updated" && current && payload.orderNo === current.orderNo) showOrder(payload);
  if (event === "catalogue.changed") loadCatalogue();
  if (event === "places.changed") loadDistricts(e.detail.version);
});
document.addEventListener("hs:resync", async () => {
  loadCatalogue();
  loadDistricts();
  if (!current) return;
  const response = await fetch(`/api/orders/${encodeURIComponent(current.orderNo)}`, { headers: { Accept: "application/json" } }).catch(() => null);
  if (response?.ok) showOrder(await response.json());
});

setUpDrafts($("order-drafts"), text, restore);
reset();
loadCatalogue().then(() => { form.dataset.ready = "true"; });
