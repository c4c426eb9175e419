// The two steps of a visit that ask the worker something first, inside the job's card:
// 签到 early beyond the center's allowance asks "check in anyway?" (the server says how early), and
// 签退 asks for the extra items done and the money collected on the spot, both optional.
import { el } from "./dom.js";
import { clearProblem, showProblem } from "./form-problems.js";

async function post(path, payload) {
  try {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
    });
    return { ok: response.ok, problem: response.ok ? null : await response.json().catch(() => ({ title: response.statusText })) };
  } catch (error) {
    return { ok: false, problem: { title: error.message } };
  }
}

const path = (job, step) => `/api/worker/jobs/${encodeURIComponent(job.orderNo)}/${step}`;

/** 签到: straight through when on time; when early, the card asks before checking in anyway. Resolves once nothing is pending. */
export async function checkIn(job, card, text, showError) {
  const first = await post(path(job, "check-in"), {});
  if (first.ok || first.problem?.type !== "urn:homeservice:problem:check-in-early") {
    showError(first.ok ? null : first.problem?.title);
    return;
  }
  showError(null);
  await new Promise((done) => {
    const yes = el("button", { type: "button", className: "confirm-early", textContent: text["worker.early.confirm"] });
    const no = el("button", { type: "button", className: "secondary cancel", textContent: text["worker.cancel"] });
    const ask = el("div", { className: "visit-ask early-ask", role: "alertdialog" },
      el("p", { className: "visit-question", textContent: first.problem.title }), el("div", { className: "buttons" }, yes, no));
    card.querySelector("button.step")?.replaceWith(ask);
    no.addEventListener("click", done);
    yes.addEventListener("click", async () => {
      yes.disabled = no.disabled = true;
      const second = await post(path(job, "check-in"), { early: true });
      showError(second.ok ? null : second.problem?.title);
      done();
    });
    yes.focus();
  });
}

/** 签退: a short form in the card (extras, amount collected); the job completes only when the worker confirms it. */
export function checkOut(job, card, text, showError) {
  return new Promise((done) => {
    const extras = el("textarea", { id: `extras-${job.orderNo}`, name: "extras", rows: 2, maxLength: 500 });
    const amount = el("input", { id: `amount-${job.orderNo}`, name: "amountCollected", type: "number", min: "0", step: "0.01", inputMode: "decimal" });
    const field = (label, input) => el("div", { className: "visit-field" },
      el("label", { htmlFor: input.id, textContent: label }), input,
      el("p", { className: "field-error", hidden: true }));
    const extrasField = field(text["field.checkout.extras"], extras);
    const amountField = field(text["field.checkout.amountCollected"], amount);
    extrasField.querySelector(".field-error").dataset.field = "extras";
    amountField.querySelector(".field-error").dataset.field = "amountCollected";
    const yes = el("button", { type: "submit", className: "confirm-check-out", textContent: text["worker.checkout.confirm"] });
    const no = el("button", { type: "button", className: "secondary cancel", textContent: text["worker.cancel"] });
    const form = el("form", { className: "visit-ask check-out-form", noValidate: true },
      el("p", { className: "visit-question", textContent: text["worker.checkout.title"] }),
      extrasField, amountField, el("p", { className: "muted", textContent: text["worker.checkout.hint"] }),
      el("p", { className: "error form-error", role: "alert", hidden: true }), el("div", { className: "buttons" }, yes, no));
    card.querySelector("button.step")?.replaceWith(form);
    no.addEventListener("click", done);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      clearProblem(form);
      yes.disabled = true;
      const value = amount.value.trim();
      const answer = await post(path(job, "check-out"), {
        extras: extras.value.trim() || null,
        amountCollected: value === "" ? null : Number(value),
      });
      yes.disabled = false;
      if (answer.ok) {
        showError(null);
        done();
      } else if (answer.problem?.errors) {
        showProblem(form, answer.problem, "");
      } else {
        showError(answer.problem?.title);
        done();
      }
    });
    extras.focus();
  });
}

/** What the worker reported at check-out, on a finished job: extra items and the amount collected. */
export function visitSummary(job, text) {
  const parts = [];
  if (job.checkOutExtras) parts.push(text["worker.summary.extras"].replace("{0}", job.checkOutExtras));
  if (job.amountCollected != null) parts.push(text["worker.summary.collected"].replace("{0}", Number(job.amountCollected).toFixed(2)));
  return parts.length ? el("p", { className: "visit-summary", textContent: parts.join(" · ") }) : null;
}
