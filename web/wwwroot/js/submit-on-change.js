// A filter <select data-submit-on-change> sends its form when a choice is made (no inline onchange: the CSP runs no
// inline script). Without script the form's <noscript> button does it.
for (const select of document.querySelectorAll("select[data-submit-on-change]"))
  select.addEventListener("change", () => select.form?.submit());
