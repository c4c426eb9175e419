// The complaint desk (投诉处理): open complaints and the step each one waits for. Registered → assign to a merchant or a
// department; Assigned → record the party's answer (a merchant may also answer on its portal) or reassign; Responded →
// a supervisor's verdict; VerdictGiven → call the complainant back (not satisfied reopens it, satisfied closes it).
import { badge, cell, data, el, field, liveQueue, queueRow, select, stepForm, statusName, text, when, yesNo } from "./queue-kit.js";

const list = document.getElementById("complaint-list");
let merchants = null; // [{ id, name }], fetched the first time a complaint is assigned

async function allMerchants() {
  if (!merchants) {
    const response = await fetch("/api/work-queues/merchants", { headers: { Accept: "application/json" } }).catch(() => null);
    merchants = response?.ok ? await response.json() : [];
  }
  return merchants;
}

// The active departments (部门), asked each time a form opens: one an admin adds is offered at once, a retired one no longer.
async function activeDepartments() {
  const response = await fetch("/api/work-queues/departments", { headers: { Accept: "application/json" } }).catch(() => null);
  return response?.ok ? await response.json() : [];
}

// The server names the party (a company, or a department even once retired); an id is the last resort.
function partyName(row) {
  if (!row.party) return "—";
  return row.partyName ?? row.party.split(/:(.*)/s)[1];
}

async function assignForm(row, close) {
  const [companies, departments] = await Promise.all([allMerchants(), activeDepartments()]);
  const current = row.party?.startsWith("merchant:") ? row.party.slice(9) : row.againstMerchantId;
  const kind = select("party-kind", [["merchant", text["queue.assign.merchant"]], ["department", text["queue.assign.department"]]],
    row.party?.startsWith("department:") ? "department" : "merchant");
  const merchant = select("party-merchant", companies.map((m) => [m.id, `${m.name} (${m.id})`]), current ?? companies[0]?.id);
  const department = select("party-department", departments.map((d) => [d.code, d.name]), row.party?.startsWith("department:") ? row.party.slice(11) : undefined);
  const choice = el("span", { className: "party-choice" }, merchant, department);
  // The kind and the party sit side by side; the API's "party" error shows under both.
  const follow = () => {
    merchant.hidden = kind.value !== "merchant";
    department.hidden = kind.value !== "department";
  };
  kind.addEventListener("change", follow);
  follow();
  const party = field(text["queue.assign.party"], kind, "party");
  party.insertBefore(el("span", { className: "party-row" }, kind, choice), party.querySelector(".field-error"));
  return stepForm(row.orderNo, {
    className: "assign-form",
    fields: [party],
    actions: [{
      label: row.status === "Registered" ? text["queue.assign"] : text["queue.reassign"], className: "assign-confirm", step: "assign",
      body: () => ({ party: kind.value === "merchant" ? `merchant:${merchant.value}` : `department:${department.value}` }),
    }],
    done: () => queue.redraw(row.orderNo),
    onCancel: close,
  });
}

function respondForm(row, close) {
  const answer = el("textarea", { className: "respond-text", maxLength: 1000, rows: 2 });
  return stepForm(row.orderNo, {
    className: "respond-form",
    fields: [field(text["queue.respond.text"], answer, "text", true)],
    actions: [{ label: text["queue.save"], className: "respond-confirm", step: "respond", body: () => ({ text: answer.value.trim() }) }],
    done: () => queue.redraw(row.orderNo),
    onCancel: close,
  });
}

function verdictForm(row, close) {
  const upheld = select("upheld-select", [["true", text["queue.verdict.upheld"]], ["false", text["queue.verdict.not_upheld"]]], "true");
  const reason = el("input", { className: "verdict-reason", maxLength: 500, autocomplete: "off" });
  return stepForm(row.orderNo, {
    className: "verdict-form",
    fields: [field(text["queue.verdict"], upheld, "upheld"), field(text["queue.verdict.reason"], reason, "reason", true)],
    actions: [{
      label: text["queue.save"], className: "verdict-confirm", step: "verdict",
      body: () => ({ upheld: upheld.value === "true", reason: reason.value.trim() }),
    }],
    done: () => queue.redraw(row.orderNo),
    onCancel: close,
  });
}

function complainantForm(row, close) {
  const satisfied = yesNo("satisfied-select");
  const comment = el("input", { className: "complainant-comment", maxLength: 500, autocomplete: "off" });
  return stepForm(row.orderNo, {
    className: "complainant-form",
    fields: [field(text["queue.complainant.satisfied"], satisfied, "satisfied"), field(text["queue.complainant.comment"], comment, "comment", true)],
    actions: [{
      label: text["queue.save"], className: "complainant-confirm", step: "complainant-follow-up",
      body: () => ({ satisfied: satisfied.value === "true", comment: comment.value.trim() || null }),
    }],
    done: () => queue.redraw(row.orderNo),
    onCancel: close,
  });
}

// The steps this complaint's status offers (the server's transition table decides; these only show what can work).
function steps(row) {
  const assign = { label: row.status === "Registered" ? text["queue.assign"] : text["queue.reassign"], className: "assign", open: (c) => assignForm(row, c) };
  switch (row.status) {
    case "Registered": return [assign];
    case "Assigned": return [{ label: text["queue.respond"], className: "respond", open: (c) => respondForm(row, c) }, { ...assign, className: "secondary assign" }];
    case "Responded": return data.canJudge ? [{ label: text["queue.verdict"], className: "verdict", open: (c) => verdictForm(row, c) }] : [];
    case "VerdictGiven": return [{ label: text["queue.complainant"], className: "complainant", open: (c) => complainantForm(row, c) }];
    default: return [];
  }
}

function render(row) {
  const waiting = row.status === "Responded" && !data.canJudge
    ? el("span", { className: "muted awaiting-verdict", textContent: text["queue.verdict.supervisor_only"] }) : null;
  const item = queueRow(row, [
    cell("order-no", row.orderNo),
    cell("severity", row.severity ? badge(`level-${row.severity}`, text[`queue.severity.${row.severity}`] ?? row.severity) : "—"),
    cell("status", badge("", statusName(row.status))),
    cell("related", row.relatedOrderNo ?? "—"),
    cell("against", row.againstMerchantName ?? row.againstMerchantId ?? "—"),
    cell("party", partyName(row)),
    cell("created", when(row.createdAt)),
  ], steps(row), waiting);
  item.dataset.status = row.status;
  return item;
}

const queue = liveQueue({
  name: "complaints",
  url: "/api/work-queues/complaints",
  list,
  empty: document.getElementById("complaint-empty"),
  render,
  wants: (_, payload) => payload.kind === "Complaint",
});

export const ready = queue.ready;
