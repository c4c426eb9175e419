// The follow-up list (回访): finished orders whose visit is due. The agent calls the customer and records a score and
// whether the problem was solved (a poor one opens a linked complaint on the server), or that nobody answered.
import { categoryName, cell, el, field, fieldError, liveQueue, queueRow, select, stepForm, text, when, yesNo } from "./queue-kit.js";

const list = document.getElementById("follow-up-list");

function followUpForm(row, close) {
  const scores = [5, 4, 3, 2, 1].map((n) => [String(n), `${n} · ${text[`queue.score.${n}`]}`]);
  const score = select("score-select", [["", "—"], ...scores], "");
  const resolved = yesNo("resolved-select");
  const comment = el("input", { className: "follow-up-comment", maxLength: 500, autocomplete: "off" });
  const form = stepForm(row.orderNo, {
    className: "follow-up-form",
    fields: [
      field(text["queue.follow_up.score"], score, "score"),
      field(text["queue.follow_up.resolved"], resolved, "resolved"),
      field(text["queue.follow_up.comment"], comment, "comment", true),
    ],
    actions: [
      {
        label: text["queue.follow_up.save"], className: "follow-up-save", step: "follow-up",
        body: () => {
          // The API reports a missing answer to "solved?" under the score; ask for it here, where it belongs.
          if (score.value && !resolved.value) {
            fieldError(form, "resolved", text["queue.follow_up.resolved_required"]);
            return null;
          }
          return { score: score.value ? Number(score.value) : null, resolved: resolved.value ? resolved.value === "true" : null, comment: comment.value.trim() || null };
        },
      },
      {
        label: text["queue.follow_up.unreachable"], className: "secondary follow-up-unreachable", step: "follow-up",
        body: () => ({ unreachable: true, comment: comment.value.trim() || null }),
      },
    ],
    done: () => queue.redraw(row.orderNo),
    onCancel: close,
  });
  return form;
}

// 外呼 with the order: the console's outbound panel dials and pops the merchant or worker with this order (去电弹屏).
function dial(kind, id, name, orderNo) {
  const label = document.getElementById("outbound-panel")?.dataset.callLabel;
  if (!label || !id) return null;
  const button = el("button", { type: "button", className: `secondary small dial dial-${kind}`, textContent: `${label} ${name ?? id}` });
  Object.assign(button.dataset, { outboundTarget: kind, outboundId: id, outboundOrder: orderNo });
  return button;
}

function render(row) {
  const phone = el("a", { href: `tel:${row.contactPhone}`, className: "phone", textContent: row.contactPhone });
  const tries = row.unreachable > 0
    ? el("span", { className: "muted unreachable", textContent: text["queue.follow_up.unreachable_count"].replace("{0}", row.unreachable) }) : null;
  const item = queueRow(row, [
    cell("order-no", row.orderNo),
    cell("category", categoryName(row)),
    cell("merchant", row.merchantName ?? row.merchantId ?? ""),
    cell("worker", row.workerName ?? row.workerId ?? ""),
    cell("completed", when(row.completedAt)),
    cell("contact", row.contactName ? `${row.contactName} ` : "", phone),
  ], [{ label: text["queue.follow_up"], className: "record-follow-up", open: (close) => followUpForm(row, close) }],
  el("span", { className: "dials" }, tries, dial("merchant", row.merchantId, row.merchantName, row.orderNo),
    dial("worker", row.workerId, row.workerName, row.orderNo)));
  item.dataset.status = "FollowUpDue";
  return item;
}

const queue = liveQueue({
  name: "follow-ups",
  url: "/api/work-queues/follow-ups",
  list,
  empty: document.getElementById("follow-up-empty"),
  render,
  wants: (_, payload) => payload.status === "FollowUpDue",
});

export const ready = queue.ready;
