// Half-written orders put aside when the next call comes (未提交的草稿). A new call always starts a clean form, so
// what the agent had typed for the previous caller is never carried over silently: it waits here, in sight, until
// the agent restores it into the form or discards it. Kept in the page's memory only (a reload loses them).
const drafts = [];
let box = null;
let words = null;
let onRestore = null;

/** box: the list's element; text: its words; restore(draft): puts a draft back into the form. */
export function setUpDrafts(element, text, restore) {
  box = element;
  words = text;
  onRestore = restore;
  render();
}

export function keepDraft(draft) {
  drafts.push({ ...draft, id: crypto.randomUUID?.() ?? String(Date.now() + Math.random()) });
  render();
}

function remove(id) {
  const at = drafts.findIndex((d) => d.id === id);
  if (at >= 0) drafts.splice(at, 1);
  render();
}

function time(at) {
  return at.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });
}

function render() {
  if (!box) return;
  box.hidden = drafts.length === 0;
  box.querySelector("ul").replaceChildren(...drafts.map((d) => {
    const li = Object.assign(document.createElement("li"), { className: "order-draft" });
    li.dataset.draft = d.id;
    li.dataset.callId = d.linked?.callId ?? "";
    const who = [d.values.contactName, d.values.contactPhone, d.values.address].filter(Boolean).join(" · ");
    const summary = Object.assign(document.createElement("span"), { textContent: `${time(d.at)} · ${who || words.draftEmpty}` });
    const restore = Object.assign(document.createElement("button"), { type: "button", className: "secondary draft-restore", textContent: words.draftRestore });
    restore.addEventListener("click", () => { remove(d.id); onRestore(d); });
    const discard = Object.assign(document.createElement("button"), { type: "button", className: "secondary draft-discard", textContent: words.draftDiscard });
    discard.addEventListener("click", () => remove(d.id));
    li.append(summary, restore, discard);
    return li;
  }));
}
