// The back office's information center panel (信息发布): articles of every column from the admin API, newest change
// first; a form to write or edit one in Markdown; publish and take down. Problems (RFC 9457) appear next to their fields.
import { clearProblem, showProblem } from "./form-problems.js";
import { minute, orDash } from "./beijing-time.js";
import { el } from "./dom.js";

const text = JSON.parse(document.getElementById("articles-data").textContent);
const $ = (id) => document.getElementById(id);
const json = (url, options = {}) => fetch(url, { headers: { Accept: "application/json", "Content-Type": "application/json" }, ...options });
const time = orDash(minute);

const panel = $("articles-panel");
const rows = $("articles").querySelector("tbody");
const form = $("article-form");
let kind = "";
let editing = null; // the id of the article in the form, or null for a new one

function say(message, isError) {
  $("articles-error").hidden = !isError;
  $("articles-error").textContent = isError ? message : "";
  $("articles-saved").hidden = isError || !message;
  $("articles-saved").textContent = isError ? "" : (message ?? "");
}

function row(a) {
  const status = a.published ? "published" : "draft";
  const actions = el("td", { className: "actions" },
    el("button", { type: "button", className: "edit secondary", textContent: text["articles.admin.edit"] }),
    el("button", { type: "button", className: a.published ? "unpublish danger" : "publish",
      textContent: text[a.published ? "articles.admin.unpublish" : "articles.admin.publish"] }),
    a.published ? el("a", { className: "view", href: `/news/${encodeURIComponent(a.id)}`, textContent: text["articles.admin.view"] }) : null);
  const tr = el("tr", {},
    el("td", { className: "id", textContent: a.id }),
    el("td", { className: "kind", textContent: text[`news.kind.${a.kind}`] ?? a.kind }),
    el("td", { className: "title", textContent: a.title }),
    el("td", { className: "status" }, el("span", { className: `badge ${status}`, textContent: text[`articles.admin.status.${status}`] })),
    el("td", { className: "updated", textContent: time(a.updatedAt) }),
    actions);
  tr.dataset.article = a.id;
  tr.dataset.published = String(a.published);
  actions.querySelector("button.edit").addEventListener("click", () => openEditor(a.id));
  actions.querySelector("button.publish, button.unpublish").addEventListener("click", (e) => toggle(a, e.currentTarget));
  return tr;
}

async function loadList() {
  panel.dataset.ready = "false";
  const response = await json(`/api/admin/articles${kind ? `?kind=${encodeURIComponent(kind)}` : ""}`);
  if (!response.ok) {
    say(text["articles.admin.failed"], true);
    return;
  }
  const articles = await response.json();
  rows.replaceChildren(...articles.map(row));
  $("articles-empty").hidden = articles.length > 0;
  panel.dataset.ready = "true";
}

async function toggle(article, button) {
  button.disabled = true;
  const action = article.published ? "unpublish" : "publish";
  const response = await json(`/api/admin/articles/${encodeURIComponent(article.id)}/${action}`, { method: "POST" });
  button.disabled = false;
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    say(problem?.title ?? text["articles.admin.failed"], true);
    return;
  }
  say(text[action === "publish" ? "articles.admin.published" : "articles.admin.unpublished"], false);
  await loadList();
}

function showForm(title, article) {
  clearProblem(form);
  $("article-form-title").textContent = title;
  form.elements.kind.value = article?.kind ?? (kind || "news");
  form.elements.title.value = article?.title ?? "";
  form.elements.summary.value = article?.summary ?? "";
  form.elements.markdown.value = article?.markdown ?? "";
  form.hidden = false;
  form.elements.title.focus();
}

async function openEditor(id) {
  const response = await json(`/api/admin/articles/${encodeURIComponent(id)}`);
  if (!response.ok) {
    say(text["articles.admin.failed"], true);
    return;
  }
  editing = id;
  say(null, false);
  showForm(text["articles.admin.form.edit"].replace("{0}", id), await response.json());
}

$("article-new").addEventListener("click", () => {
  editing = null;
  say(null, false);
  showForm(text["articles.admin.form.new"], null);
});

$("article-cancel").addEventListener("click", () => {
  form.hidden = true;
  editing = null;
});

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  clearProblem(form);
  const body = {
    kind: form.elements.kind.value,
    title: form.elements.title.value,
    summary: form.elements.summary.value,
    markdown: form.elements.markdown.value,
  };
  $("article-save").disabled = true;
  const response = editing
    ? await json(`/api/admin/articles/${encodeURIComponent(editing)}`, { method: "PUT", body: JSON.stringify(body) })
    : await json("/api/admin/articles", { method: "POST", body: JSON.stringify(body) });
  $("article-save").disabled = false;
  if (!response.ok) {
    showProblem(form, await response.json().catch(() => null), text["articles.admin.failed"]);
    return;
  }
  const saved = await response.json();
  form.hidden = true;
  editing = null;
  say(text["articles.admin.saved"].replace("{0}", saved.id), false);
  await loadList();
});

for (const tab of document.querySelectorAll("#article-kinds .tab")) {
  tab.addEventListener("click", () => {
    for (const t of document.querySelectorAll("#article-kinds .tab")) t.setAttribute("aria-selected", String(t === tab));
    kind = tab.dataset.kind;
    loadList();
  });
}

loadList();
