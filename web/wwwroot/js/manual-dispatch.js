// The manual dispatch queue (人工派单): service orders no merchant took. The agent picks a merchant, eligible ones first (one
// that refused is among them: a phone call may change its mind), or any other active merchant when none fits, each saying why
// it is not eligible; a reason is always given (and audited for an override). The order is offered to it and leaves the queue.
import { categoryName, cell, el, field, liveQueue, queueRow, stepForm, text, when } from "./queue-kit.js";
import { districtName } from "./places.js";

const list = document.getElementById("manual-dispatch-list");

async function candidates(orderNo) {
  const response = await fetch(`/api/work-queues/manual-dispatch/${encodeURIComponent(orderNo)}/merchants`, { headers: { Accept: "application/json" } })
    .catch(() => null);
  return response?.ok ? response.json() : [];
}

function label(m) {
  const why = m.eligible
    ? (m.refused ? text["queue.dispatch.refused_before"] : m.score !== null ? `${text["queue.dispatch.score"]} ${m.score}` : "")
    : m.why;
  // 红名单 (the honour list) is why an honoured merchant ranks high: the dispatcher sees it beside the name.
  const honour = m.honoured ? ` · ${text["queue.dispatch.honoured"]}` : "";
  return `${m.name} (${m.merchantId})${honour}${why ? ` · ${why}` : ""}`;
}

// Eligible merchants first; then any other active merchant, of the order's service first (choosing one needs a reason, which
// is audited); merchants that cannot be dispatched to at all (suspended…) are shown, greyed, with why.
function merchantSelect(merchants) {
  const control = el("select", { className: "merchant-select" });
  const eligible = merchants.filter((m) => m.eligible);
  if (eligible.length === 0) control.append(el("option", { value: "", textContent: text["queue.dispatch.pick"] }));
  const groups = [
    ["eligible", text["queue.dispatch.eligible"], eligible],
    ["same-category", text["queue.dispatch.same_category"], merchants.filter((m) => !m.eligible && m.allowed && m.sameCategory)],
    ["other-category", text["queue.dispatch.other_category"], merchants.filter((m) => !m.eligible && m.allowed && !m.sameCategory)],
    ["not-allowed", text["queue.dispatch.not_allowed"], merchants.filter((m) => !m.allowed)],
  ];
  for (const [kind, title, list] of groups) {
    if (list.length === 0) continue;
    const group = el("optgroup", { label: title });
    group.dataset.group = kind;
    group.append(...list.map((m) => el("option", { value: m.merchantId, textContent: label(m), disabled: !m.allowed })));
    control.append(group);
  }
  control.value = eligible[0]?.merchantId ?? "";
  return control;
}

async function dispatchForm(row, close) {
  const merchants = await candidates(row.orderNo);
  const merchant = merchantSelect(merchants);
  const reason = el("input", { className: "dispatch-reason", maxLength: 200, autocomplete: "off" });
  const note = el("p", { className: "muted override-note", textContent: text["queue.dispatch.override_note"], hidden: true });
  const noteIfOverride = () => { note.hidden = !merchants.some((m) => m.merchantId === merchant.value && !m.eligible); };
  merchant.addEventListener("change", noteIfOverride);
  const form = stepForm(row.orderNo, {
    className: "dispatch-form",
    fields: [field(text["queue.dispatch.merchant"], merchant, "merchantId"), field(text["queue.dispatch.reason"], reason, "reason", true)],
    actions: [{
      label: text["queue.dispatch.confirm"], className: "dispatch-confirm", step: "dispatch",
      body: () => ({ merchantId: merchant.value, reason: reason.value.trim() }),
    }],
    done: () => queue.redraw(row.orderNo),
    onCancel: close,
  });
  form.append(note);
  if (merchants.every((m) => !m.allowed)) {
    merchant.disabled = true;
    form.querySelector(".dispatch-confirm").disabled = true;
    form.prepend(el("p", { className: "muted no-merchants", textContent: text["queue.dispatch.no_merchants"] }));
  } else if (!merchants.some((m) => m.eligible)) {
    form.prepend(el("p", { className: "muted no-eligible", textContent: text["queue.dispatch.none_eligible"] }));
  }
  return form;
}

function render(row) {
  const item = queueRow(row, [
    cell("order-no", row.orderNo),
    cell("category", categoryName(row)),
    cell("district", districtName(row.district)),
    cell("attempts", el("span", { title: text["queue.attempts"], textContent: String(row.attempts) })),
    cell("created", when(row.createdAt)),
  ], [{ label: text["queue.dispatch"], className: "dispatch", open: (close) => dispatchForm(row, close) }]);
  item.dataset.status = "ManualDispatch";
  return item;
}

const queue = liveQueue({
  name: "manual",
  url: "/api/work-queues/manual-dispatch",
  list,
  empty: document.getElementById("manual-dispatch-empty"),
  render,
  wants: (event, payload) => event === "order.manual-dispatch" || payload.status === "ManualDispatch",
});

export const ready = queue.ready;
