// The public application form (商户加盟申请): service categories come from the public catalogue; each qualification
// document is uploaded as soon as it is chosen (the answer's file id goes into the application), so correcting a field
// and sending again does not upload it twice. Field problems from the API appear next to their fields.
import { clearProblem, showProblem } from "./form-problems.js";

const text = JSON.parse(document.getElementById("join-data").textContent).text;
const $ = (id) => document.getElementById(id);
const english = document.documentElement.lang === "en";
const form = $("join-form");
const documents = $("join-documents");
const fill = (template, ...values) => template.replace(/\{(\d+)\}/g, (_, i) => values[Number(i)] ?? "");
const list = (value) => value.split(/[,，、;；\s]+/).filter(Boolean);

// --- Service categories, grouped as the catalogue groups them ---------------------------------------------------------
async function loadCategories() {
  const response = await fetch("/api/catalogue", { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const groups = (await response.json()).map((group) => {
    const box = Object.assign(document.createElement("div"), { className: "category-group" });
    box.append(Object.assign(document.createElement("strong"), { textContent: english ? group.nameEn : group.nameZh }));
    for (const child of group.children) {
      const label = document.createElement("label");
      label.append(Object.assign(document.createElement("input"), { type: "checkbox", name: "categories", value: child.code }), " ",
        english ? child.nameEn : child.nameZh);
      box.append(label);
    }
    return box;
  });
  const fieldset = $("join-categories");
  fieldset.replaceChildren(fieldset.querySelector("legend"), ...groups);
}

// --- Documents -----------------------------------------------------------------------------------------------------------
function addDocument() {
  const row = $("join-document-row").content.firstElementChild.cloneNode(true);
  row.querySelector(".doc-file").addEventListener("change", (e) => upload(row, e.target.files[0]));
  row.querySelector(".doc-remove").addEventListener("click", () => row.remove());
  documents.append(row);
  return row;
}

function rowError(row, message) {
  const p = row.querySelector(".doc-error");
  p.textContent = message ?? "";
  p.hidden = !message;
}

async function upload(row, file) {
  delete row.dataset.fileId;
  rowError(row, null);
  const status = row.querySelector(".doc-status");
  if (!file) {
    row.dataset.upload = "none";
    status.textContent = "";
    return;
  }
  row.dataset.upload = "pending";
  status.textContent = text["join.document.uploading"];
  const body = new FormData();
  body.append("file", file);
  try {
    const response = await fetch("/api/merchant-applications/documents", { method: "POST", body, headers: { Accept: "application/json" } });
    const answer = await response.json().catch(() => null);
    if (!response.ok) throw new Error(Object.values(answer?.errors ?? {}).flat().join(" ") || answer?.title || response.statusText);
    row.dataset.fileId = answer.fileId;
    row.dataset.upload = "done";
    status.textContent = fill(text["join.document.uploaded"], answer.fileName);
    const name = row.querySelector(".doc-name");
    if (!name.value.trim()) name.value = answer.fileName.replace(/\.[^.]+$/, "");
  } catch (failure) {
    row.dataset.upload = "failed";
    status.textContent = "";
    rowError(row, failure.message || text["join.failed"]);
  }
}

// A row counts when something was entered in it; an untouched empty row is not sent.
function documentsOf() {
  return [...documents.querySelectorAll(".document-row")]
    .filter((row) => row.dataset.fileId || row.querySelector(".doc-name").value.trim() || row.querySelector(".doc-valid-until").value)
    .map((row) => ({
      kind: row.querySelector(".doc-kind").value,
      name: row.querySelector(".doc-name").value.trim(),
      validUntil: row.querySelector(".doc-valid-until").value || null,
      fileId: row.dataset.fileId ?? null,
    }));
}

// --- Sending ---------------------------------------------------------------------------------------------------------------
form.addEventListener("submit", async (e) => {
  e.preventDefault();
  clearProblem(form);
  if (documents.querySelector(".document-row[data-upload='pending'], .document-row[data-upload='failed']")) {
    showProblem(form, { detail: text["join.document.upload_first"] });
    return;
  }
  const value = (name) => form.elements.namedItem(name).value; // form.name would be the form's own name
  const body = {
    name: value("name"), creditCode: value("creditCode"), legalPerson: value("legalPerson"), contactName: value("contactName"),
    contactPhone: value("contactPhone"), address: value("address"), district: value("district"),
    categories: [...form.querySelectorAll("input[name='categories']:checked")].map((b) => b.value),
    districts: list(value("districts")), documents: documentsOf(),
  };
  const submit = $("join-submit");
  submit.disabled = true;
  try {
    const response = await fetch("/api/merchant-applications", {
      method: "POST", body: JSON.stringify(body), headers: { Accept: "application/json", "Content-Type": "application/json" },
    });
    if (!response.ok) {
      showProblem(form, await response.json().catch(() => null), text["join.failed"]);
      return;
    }
    const merchant = await response.json();
    $("join-merchant-id").textContent = merchant.merchantId;
    $("join-sms").textContent = fill(text["join.done.sms"], merchant.contactPhone);
    form.hidden = true;
    $("join-done").hidden = false;
    $("join-done").scrollIntoView();
  } catch {
    showProblem(form, null, text["join.failed"]);
  } finally {
    submit.disabled = false;
  }
});

$("join-add-document").addEventListener("click", () => addDocument().querySelector(".doc-kind").focus());
addDocument();
await loadCategories();
form.dataset.ready = "true";
