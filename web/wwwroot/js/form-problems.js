// Problem details (RFC 9457) on a form, shared by the order form and the work-queue forms: each field's errors in its
// .field-error[data-field], anything else in the form's .form-error, and the first field in error focused.

/** Shows a problem (RFC 9457) in the form: field errors next to their fields, anything else under the form. */
export function showProblem(form, problem, fallback) {
  const rest = [];
  let first = null;
  for (const [name, messages] of Object.entries(problem?.errors ?? {})) {
    const p = form.querySelector(`.field-error[data-field="${CSS.escape(name)}"]`);
    if (!p) {
      rest.push(...messages);
      continue;
    }
    p.textContent = messages.join(" ");
    p.hidden = false;
    first ??= form.querySelector(`[name="${CSS.escape(name)}"]`);
  }
  if (!problem?.errors) rest.push(problem?.detail ?? problem?.title ?? fallback);
  const general = form.querySelector(".form-error");
  general.textContent = rest.join(" ");
  general.hidden = rest.length === 0;
  first?.focus();
}

export function clearProblem(form) {
  for (const p of form.querySelectorAll(".field-error, .form-error")) {
    p.hidden = true;
    p.textContent = "";
  }
}
