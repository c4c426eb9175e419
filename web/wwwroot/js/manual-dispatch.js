// The manual dispatch queue (人工派单): service orders no merchant took. The agent picks a merchant from the last dispatch
// decision's ranking (or one that refused: a phone call may change its mind) and gives a reason; the order is offered to it
// and leaves the queue.
import { categoryName, cell, el, field, liveQueue, queueRow, select, stepForm, text, when } from "./queue-kit.js";
import { districtName } from "./places.js";

const list = document.getElementById("manual-dispatch-list");

async function candidates(orderNo) {
  const response = await fetch(`/api/work-queues/manual-dispatch/${encodeURIComponent(orderNo)}/merchants`, { headers: { Accept: "application/json" } })
    .catch(() => null);
  return response?.ok ? response.json() : [];
}

function label(m) {
  const why = m.refused ? text["queue.dispatch.refused_before"] : m.score !== null ? `${text["queue.dispatch.score"]} ${m.score}` : "";
  return `${m.name} (${m.merchantId})${why ? ` · ${why}` : ""}`;
}

async function dispatchForm(row, close) {
  const merchants = await candidates(row.orderNo);
  const merchant = select("merchant-select", merchants.map((m) => [m.merchantId, label(m)]), merchants[0]?.merchantId);
  const reason = el("input", { className: "dispatch-reason", maxLength: 200, autocomplete: "off" });
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
  if (merchants.length === 0) {
    merchant.disabled = true;
    form.querySelector(".dispatch-confirm").disabled = true;
    form.prepend(el("p", { className: "muted no-merchants", textContent: text["queue.dispatch.no_merchants"] }));
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
