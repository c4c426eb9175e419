// Service staff management (服务人员管理): the merchant's workers with filters; add one; open one to edit its details,
// record its credentials (the ID number goes in whole and only ever comes back masked), set its status by hand, upload
// its photo, issue or revoke its one-person-one-code, and deactivate it with a reason. Field errors from the API
// (problem details) appear by their fields. A worker added here joins the live worker board ("hs:worker-added").
import { clearProblem, showProblem } from "./form-problems.js";
import { listOf } from "./punctuation.js";

const data = JSON.parse(document.getElementById("merchant-data").textContent);
const text = data.text;
const $ = (id) => document.getElementById(id);
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values?.[k] ?? "");
const send = (url, method, body) =>
  fetch(url, { method, headers: { Accept: "application/json", "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const problemOf = async (response) => response.json().catch(() => null);
const workerUrl = (id) => `/api/merchant/workers/${encodeURIComponent(id)}`;
const skillName = (code) => data.categories[code] ?? code;
const list = (value) => value.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
const element = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const filter = $("staff-filter");
const body = $("staff-list").querySelector("tbody");
const addForm = $("staff-add");
const detail = $("staff-detail");
const editForm = $("staff-edit");
const statusForm = $("staff-status");
const credentialsForm = $("staff-credentials");
const photoForm = $("staff-photo");
const codeForm = $("staff-code");
const deactivateForm = $("staff-deactivate");

/** The opened worker: its list row (phone, languages…) and its profile (credentials, safety, code). */
let current = null;
const rows = new Map(); // worker id → the list's row data, as last listed

// --- Skills: the catalogue's service categories as check boxes (add and edit), and the filter's options -----------------------
function skillBoxes(form, chosen = []) {
  const set = form.querySelector(".staff-skills");
  set.replaceChildren(set.querySelector("legend"), ...data.serviceCategories.map((code) =>
    element("label", {}, element("input", { type: "checkbox", name: "skills", value: code, checked: chosen.includes(code) }), " ", skillName(code))));
}
filter.skill.append(...data.serviceCategories.map((code) => element("option", { value: code, textContent: skillName(code) })));

function details(form) {
  return {
    name: form.name.value, phone: form.phone.value,
    skills: [...form.querySelectorAll("input[name='skills']:checked")].map((b) => b.value),
    languages: list(form.languages.value),
    yearsOfExperience: form.yearsOfExperience.value === "" ? null : Number(form.yearsOfExperience.value),
  };
}

// --- The list ------------------------------------------------------------------------------------------------------------------
function safetyBadge(color) {
  return element("span", { className: `badge safety safety-${color.toLowerCase()}`, textContent: text[`staff.safety.${color}`] ?? color });
}

function listRow(w) {
  const tr = element("tr");
  tr.dataset.worker = w.workerId;
  tr.dataset.status = w.status;
  tr.dataset.safety = w.safety.color;
  tr.dataset.active = String(w.active);
  tr.classList.toggle("inactive", !w.active);
  tr.classList.toggle("selected", current?.id === w.workerId);
  const open = element("button", { type: "button", className: "secondary", textContent: text["staff.open"] });
  open.addEventListener("click", () => openWorker(w.workerId));
  tr.append(
    element("td", { className: "id", textContent: w.workerId }),
    element("td", { className: "name", textContent: w.name }),
    element("td", { className: "phone", textContent: w.phone }),
    element("td", { className: "skills", textContent: listOf(w.skills.map(skillName)) }),
    element("td", { className: "status", textContent: text[`worker.status.${w.status}`] ?? w.status }),
    element("td", { className: "safety" }, safetyBadge(w.safety.color)),
    element("td", { className: "active", textContent: w.active ? text["staff.active"] : text["staff.inactive"] }),
    element("td", { className: "actions" }, open));
  return tr;
}

async function load() {
  const params = new URLSearchParams();
  for (const name of ["q", "status", "skill", "active"]) if (filter[name].value) params.set(name, filter[name].value.trim());
  const response = await fetch(`/api/merchant/workers?${params}`, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const workers = await response.json();
  for (const w of workers) rows.set(w.workerId, w);
  body.replaceChildren(...workers.map(listRow));
  $("staff-empty").hidden = workers.length > 0;
}

/** The row of one worker, whatever the filter shows: for the opened worker's form and the board. */
async function rowOf(id) {
  const response = await fetch(`/api/merchant/workers?${new URLSearchParams({ q: id })}`, { headers: { Accept: "application/json" } });
  const found = response.ok ? (await response.json()).find((w) => w.workerId === id) : null;
  if (found) rows.set(id, found);
  return found ?? rows.get(id) ?? null;
}

filter.addEventListener("submit", (e) => {
  e.preventDefault();
  load();
});
filter.active.addEventListener("change", () => load());

// --- Add ---------------------------------------------------------------------------------------------------------------------
$("staff-add-open").addEventListener("click", () => {
  addForm.reset();
  clearProblem(addForm);
  skillBoxes(addForm);
  addForm.hidden = false;
  $("staff-added").hidden = true;
  addForm.name.focus();
});
$("staff-add-cancel").addEventListener("click", () => { addForm.hidden = true; });

addForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  clearProblem(addForm);
  const response = await send("/api/merchant/workers", "POST", details(addForm));
  if (!response.ok) {
    showProblem(addForm, await problemOf(response), response.statusText);
    return;
  }
  const profile = await response.json();
  const id = profile.worker.workerId;
  addForm.hidden = true;
  $("staff-added").textContent = fill(text["staff.added"], { 0: profile.worker.name, 1: id });
  $("staff-added").hidden = false;
  await load();
  const row = await rowOf(id);
  if (row?.active) document.dispatchEvent(new CustomEvent("hs:worker-added", { detail: row }));
  await openWorker(id);
});

// --- The opened worker -------------------------------------------------------------------------------------------------------------
function trainingRow(t = { name: "", issuer: "", on: "" }) {
  const tr = element("tr", { className: "training" });
  const remove = element("button", { type: "button", className: "secondary", textContent: text["staff.training.remove"] });
  remove.addEventListener("click", () => {
    tr.remove();
    trainingsShown();
  });
  tr.append(
    element("td", {}, element("input", { name: "trainingName", maxLength: 100, value: t.name, ariaLabel: text["staff.training.name"] })),
    element("td", {}, element("input", { name: "trainingIssuer", maxLength: 100, value: t.issuer, ariaLabel: text["staff.training.issuer"] })),
    element("td", {}, element("input", { name: "trainingOn", type: "date", value: t.on ?? "", ariaLabel: text["staff.training.on"] })),
    element("td", {}, remove));
  return tr;
}

const trainingBody = $("staff-training-rows").querySelector("tbody");
function trainingsShown() {
  $("staff-training-none").hidden = trainingBody.children.length > 0;
  $("staff-training-rows").hidden = trainingBody.children.length === 0;
}
$("staff-training-add").addEventListener("click", () => {
  const tr = trainingRow();
  trainingBody.append(tr);
  trainingsShown();
  tr.querySelector("input").focus();
});

function showProfile(profile) {
  const w = profile.worker;
  const row = rows.get(w.workerId);
  current = { id: w.workerId, profile };
  detail.dataset.worker = w.workerId;
  detail.dataset.status = w.status;
  detail.dataset.safety = profile.safety.color;
  detail.dataset.active = String(w.active);
  $("staff-detail-name").textContent = w.name;
  $("staff-detail-id").textContent = w.workerId;
  $("staff-detail-status").textContent = text[`worker.status.${w.status}`] ?? w.status;
  const safety = $("staff-detail-safety");
  safety.className = `badge safety safety-${profile.safety.color.toLowerCase()}`;
  safety.textContent = text[`staff.safety.${profile.safety.color}`] ?? profile.safety.color;
  $("staff-detail-inactive").hidden = w.active;
  $("staff-detail-reasons").replaceChildren(
    ...(profile.blackListed && !profile.safety.reasons.includes("black-listed") ? [element("li", { textContent: text["staff.blacklisted"] })] : []),
    ...profile.safety.reasons.map((r) => element("li", { textContent: text[`safety.reason.${r}`] ?? r })));

  // Credentials: the ID number only ever comes back masked; a blank field keeps what is on file.
  const c = profile.credentials;
  credentialsForm.idNumber.value = "";
  $("staff-id-masked").textContent = c.idNumberMasked ? fill(text["staff.idNumber.onfile"], { 0: c.idNumberMasked }) : text["staff.idNumber.none"];
  credentialsForm.idVerifiedOn.value = c.idVerifiedOn ?? "";
  credentialsForm.healthCertificateExpires.value = c.healthCertificateExpires ?? "";
  credentialsForm.backgroundCheckPassed.value = c.backgroundCheckPassed == null ? "" : String(c.backgroundCheckPassed);
  credentialsForm.backgroundCheckedOn.value = c.backgroundCheckedOn ?? "";
  trainingBody.replaceChildren(...c.trainings.map(trainingRow));
  trainingsShown();

  // Photo: cache-busted by the worker's version, so a new upload shows at once.
  const img = $("staff-photo-img");
  img.hidden = !profile.hasPhoto;
  $("staff-photo-none").hidden = profile.hasPhoto;
  if (profile.hasPhoto) {
    img.src = `${workerUrl(w.workerId)}/photo?v=${w.version}`;
    img.alt = fill(text["staff.photo.alt"], { 0: w.name });
  } else img.removeAttribute("src");

  // Code: the QR image and the public page, while a code is live.
  const token = profile.codeToken;
  const code = $("staff-code-img");
  code.hidden = !token;
  $("staff-code-none").hidden = !!token;
  $("staff-code-link").hidden = !token;
  $("staff-code-revoke").hidden = !token;
  $("staff-code-issue").textContent = token ? text["staff.code.reissue"] : text["staff.code.issue"];
  if (token) {
    code.src = `${workerUrl(w.workerId)}/code.png?t=${encodeURIComponent(token)}`;
    code.alt = fill(text["staff.code.alt"], { 0: w.name });
    $("staff-code-link").href = `/w/${encodeURIComponent(token)}`;
  } else code.removeAttribute("src");

  // A deactivated worker keeps its history but takes no more changes here.
  for (const form of [statusForm, photoForm, codeForm, deactivateForm]) form.hidden = !w.active;
  $("staff-detail-gone").hidden = w.active;
  statusForm.status.value = ["Available", "Resting", "OffDuty"].includes(w.status) ? w.status : "Available";
  if (row) {
    editForm.name.value = row.name;
    editForm.phone.value = row.phone;
    editForm.languages.value = (row.languages ?? []).join("，");
    editForm.yearsOfExperience.value = row.yearsOfExperience ?? 0;
  }
  skillBoxes(editForm, w.skills);
  for (const tr of body.querySelectorAll("tr[data-worker]")) tr.classList.toggle("selected", tr.dataset.worker === w.workerId);
}

async function profileOf(id) {
  const response = await fetch(`${workerUrl(id)}/profile`, { headers: { Accept: "application/json" } });
  return response.ok ? response.json() : null;
}

async function openWorker(id) {
  for (const form of [editForm, statusForm, credentialsForm, photoForm, codeForm, deactivateForm]) {
    clearProblem(form);
    form.querySelectorAll(".saved").forEach((p) => { p.hidden = true; });
  }
  deactivateForm.reset();
  photoForm.reset();
  await rowOf(id);
  const profile = await profileOf(id);
  if (!profile) return;
  showProfile(profile);
  detail.hidden = false;
  detail.scrollIntoView({ block: "nearest" });
}

$("staff-detail-close").addEventListener("click", () => {
  detail.hidden = true;
  current = null;
  body.querySelectorAll("tr.selected").forEach((tr) => tr.classList.remove("selected"));
});

/** Runs one command of the opened worker's: field errors by the form's fields; on success the profile and the list follow. */
async function command(form, request) {
  if (!current) return null;
  clearProblem(form);
  form.querySelectorAll(".saved").forEach((p) => { p.hidden = true; });
  const id = current.id;
  const response = await request(id);
  if (!response.ok) {
    showProblem(form, await problemOf(response), response.statusText);
    return null;
  }
  const answer = await response.json();
  const profile = answer.worker ? answer : await profileOf(id);
  await load();
  await rowOf(id);
  if (profile && current?.id === id) showProfile(profile);
  form.querySelectorAll(".saved").forEach((p) => { p.hidden = false; });
  return answer;
}

editForm.addEventListener("submit", (e) => {
  e.preventDefault();
  command(editForm, (id) => send(workerUrl(id), "PUT", details(editForm)));
});

statusForm.addEventListener("submit", (e) => {
  e.preventDefault();
  command(statusForm, (id) => send(`${workerUrl(id)}/status`, "POST", { status: statusForm.status.value }));
});

credentialsForm.addEventListener("submit", (e) => {
  e.preventDefault();
  const f = credentialsForm;
  const trainings = [...trainingBody.querySelectorAll("tr.training")].map((tr) => ({
    name: tr.querySelector("[name='trainingName']").value, issuer: tr.querySelector("[name='trainingIssuer']").value,
    on: tr.querySelector("[name='trainingOn']").value || null,
  }));
  command(f, (id) => send(`${workerUrl(id)}/credentials`, "PUT", {
    idNumber: f.idNumber.value.trim() || null, idVerifiedOn: f.idVerifiedOn.value || null,
    healthCertificateExpires: f.healthCertificateExpires.value || null, trainings,
    backgroundCheckPassed: f.backgroundCheckPassed.value === "" ? null : f.backgroundCheckPassed.value === "true",
    backgroundCheckedOn: f.backgroundCheckedOn.value || null,
  }));
});

photoForm.addEventListener("submit", (e) => {
  e.preventDefault();
  const upload = new FormData();
  if (photoForm.file.files[0]) upload.append("file", photoForm.file.files[0]);
  command(photoForm, (id) => fetch(`${workerUrl(id)}/photo`, { method: "POST", headers: { Accept: "application/json" }, body: upload }))
    .then((answer) => { if (answer) photoForm.reset(); });
});

codeForm.addEventListener("submit", (e) => {
  e.preventDefault();
  command(codeForm, (id) => send(`${workerUrl(id)}/code`, "POST"));
});
$("staff-code-revoke").addEventListener("click", () => command(codeForm, (id) => send(`${workerUrl(id)}/code`, "DELETE")));

deactivateForm.addEventListener("submit", (e) => {
  e.preventDefault();
  command(deactivateForm, (id) => send(`${workerUrl(id)}/deactivate`, "POST", { reason: deactivateForm.reason.value }));
});

// --- Live: a worker's status moves (an order, another desk) and the list and the opened worker follow ---------------------------------
document.addEventListener("hs:push", (e) => {
  const { event, payload } = e.detail;
  if (event !== "worker.status") return;
  const tr = body.querySelector(`tr[data-worker="${CSS.escape(payload.workerId)}"]`);
  if (tr) {
    tr.dataset.status = payload.status;
    tr.querySelector(".status").textContent = text[`worker.status.${payload.status}`] ?? payload.status;
  }
  if (current?.id === payload.workerId && current.profile.worker.version < payload.version) {
    current.profile = { ...current.profile, worker: payload };
    $("staff-detail-status").textContent = text[`worker.status.${payload.status}`] ?? payload.status;
    detail.dataset.status = payload.status;
  }
});
document.addEventListener("hs:resync", () => load());

await load();
$("staff-panel").dataset.ready = "true";
