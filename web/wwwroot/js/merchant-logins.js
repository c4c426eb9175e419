// The company's logins (the administrator's desk only): its administrator, dispatchers and workers. A new login, or a
// reset, answers with a one-time password that is shown here once and never again; disabling or enabling asks a reason.
// Field errors from the API (problem details) appear by their fields.
import { clearProblem, showProblem } from "./form-problems.js";

const data = JSON.parse(document.getElementById("merchant-data").textContent);
const text = data.text;
const $ = (id) => document.getElementById(id);
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values?.[k] ?? "");
const send = (url, method, body) =>
  fetch(url, { method, headers: { Accept: "application/json", "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const loginUrl = (login) => `/api/merchant/logins/${encodeURIComponent(login)}`;
const element = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

const panel = $("logins-panel");
const body = $("login-list").querySelector("tbody");
const addForm = $("login-add");
const actionForm = $("login-action");
const prefix = $("login-prefix").textContent;
const workers = new Map(data.workers.map((w) => [w.id, w.name])); // the company's current workers
let logins = [];
let action = null; // { login, disable } while the reason form is open

// --- The list ----------------------------------------------------------------------------------------------------------------
function row(l) {
  const tr = element("tr");
  tr.dataset.login = l.login;
  tr.dataset.role = l.role;
  tr.dataset.disabled = String(l.disabled);
  tr.classList.toggle("inactive", l.disabled);
  const actions = element("td", { className: "actions" });
  if (l.role !== "MerchantAdmin") { // the administrator's own login is the center's to manage
    const toggle = element("button", { type: "button", className: l.disabled ? "secondary toggle" : "danger toggle",
      textContent: l.disabled ? text["merchantLogin.enable"] : text["merchantLogin.disable"] });
    toggle.addEventListener("click", () => openAction(l.login, !l.disabled));
    const reset = element("button", { type: "button", className: "secondary reset", textContent: text["merchantLogin.reset"] });
    reset.addEventListener("click", () => resetPassword(l.login));
    reset.hidden = l.disabled;
    actions.append(toggle, " ", reset);
  }
  tr.append(
    element("td", { className: "login", textContent: l.login }),
    element("td", { className: "name", textContent: l.displayName }),
    element("td", { className: "role", textContent: text[`merchantLogin.role.${l.role}`] ?? l.role }),
    element("td", { className: "worker", textContent: l.workerId ? `${l.workerName ?? ""} ${l.workerId}`.trim() : "—" }),
    element("td", { className: "state", textContent: l.disabled ? text["merchantLogin.state.disabled"] : text["merchantLogin.state.active"] }),
    actions);
  return tr;
}

async function load() {
  const response = await fetch("/api/merchant/logins", { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  logins = await response.json();
  body.replaceChildren(...logins.map(row));
  $("login-empty").hidden = logins.length > 0;
  workerChoices();
}

/** The worker select: the company's current workers who have no login yet. */
function workerChoices() {
  const select = addForm.workerId;
  const taken = new Set(logins.map((l) => l.workerId).filter(Boolean));
  const chosen = select.value;
  select.replaceChildren(select.options[0],
    ...[...workers].filter(([id]) => !taken.has(id)).map(([id, name]) => element("option", { value: id, textContent: `${name} ${id}` })));
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : "";
}
document.addEventListener("hs:worker-added", (e) => {
  workers.set(e.detail.workerId, e.detail.name);
  workerChoices();
});

function issued(login, password) {
  $("login-issued-text").textContent = fill(text["merchantLogin.issued"], { 0: login });
  $("login-issued-password").textContent = password;
  $("login-issued").hidden = false;
}

// --- New login ---------------------------------------------------------------------------------------------------------------
function roleShown() {
  const worker = addForm.role.value === "Worker";
  $("login-worker-field").hidden = !worker;
  if (!worker) addForm.workerId.value = "";
}
addForm.role.addEventListener("change", roleShown);
// Choosing a worker suggests their worker number as the login: "m1001-w1005".
addForm.workerId.addEventListener("change", () => {
  if (addForm.workerId.value && !addForm.loginName.value) addForm.loginName.value = addForm.workerId.value.toLowerCase();
});

$("login-add-open").addEventListener("click", () => {
  addForm.reset();
  clearProblem(addForm);
  roleShown();
  workerChoices();
  addForm.hidden = false;
  $("login-issued").hidden = true;
  addForm.role.focus();
});
$("login-add-cancel").addEventListener("click", () => { addForm.hidden = true; });

addForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  clearProblem(addForm);
  const worker = addForm.role.value === "Worker";
  const response = await send("/api/merchant/logins", "POST", {
    role: addForm.role.value, login: prefix + addForm.loginName.value.trim(), displayName: addForm.displayName.value,
    workerId: worker ? addForm.workerId.value || null : null,
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    showProblem(addForm, answer, response.statusText);
    if (answer?.errors?.login) addForm.loginName.focus(); // the login's error sits by the part that is typed
    return;
  }
  addForm.hidden = true;
  issued(answer.login.login, answer.oneTimePassword);
  await load();
});

// --- Disable, enable, reset -----------------------------------------------------------------------------------------------
function openAction(login, disable) {
  action = { login, disable };
  actionForm.reset();
  clearProblem(actionForm);
  $("login-action-title").textContent = fill(text[disable ? "merchantLogin.action.disable" : "merchantLogin.action.enable"], { 0: login });
  actionForm.hidden = false;
  actionForm.reason.focus();
}
$("login-action-cancel").addEventListener("click", () => { actionForm.hidden = true; action = null; });

actionForm.addEventListener("submit", async (e) => {
  e.preventDefault();
  if (!action) return;
  clearProblem(actionForm);
  const response = await send(`${loginUrl(action.login)}/${action.disable ? "disable" : "enable"}`, "POST", { reason: actionForm.reason.value });
  if (!response.ok) {
    showProblem(actionForm, await response.json().catch(() => null), response.statusText);
    return;
  }
  actionForm.hidden = true;
  action = null;
  await load();
});

async function resetPassword(login) {
  $("login-error").hidden = true;
  const response = await send(`${loginUrl(login)}/password-reset`, "POST");
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    $("login-error").textContent = answer?.title ?? response.statusText;
    $("login-error").hidden = false;
    return;
  }
  issued(answer.login.login, answer.oneTimePassword);
}

await load();
panel.dataset.ready = "true";
