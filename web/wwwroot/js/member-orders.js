// The member's orders on /member. The list is rendered on the server; opening an order reads its timeline, worker and
// rating from /api/member/orders/{no} and offers cancel, reschedule or rating where the order allows. Pushes
// ("order.updated", the member's own view) change an order's status in place; a stale push (older version) is dropped.
import { clearProblem, showProblem } from "./form-problems.js";
import { localInput, minute } from "./beijing-time.js";
import { labelled } from "./punctuation.js";

const data = JSON.parse(document.getElementById("member-profile-data").textContent).orders;
const text = data.text;
const list = document.getElementById("member-orders");

const el = (tag, { dataset, ...props } = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset ?? {});
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};
const time = minute;
// datetime-local values are Beijing time.
const fromInput = (value) => (value ? new Date(`${value}:00+08:00`).toISOString() : null);

// "2026-11-20 09:00–11:00", as the server writes it.
function windowText(start, end) {
  if (!start) return "";
  const part = (iso) => localInput(iso).replace("T", " ");
  if (!end) return part(start);
  const [a, b] = [part(start), part(end)];
  return a.slice(0, 10) === b.slice(0, 10) ? `${a}–${b.slice(11)}` : `${a} – ${b}`;
}

function rowOf(orderNo) {
  return [...list.children].find((li) => li.dataset.order === orderNo);
}

function setStatus(li, status) {
  const badge = li.querySelector(".member-order-status");
  badge.dataset.status = status;
  badge.textContent = text[`status.${status}`] ?? status;
}

async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  return { ok: response.ok, answer };
}

function timeline(steps) {
  return el("ol", { className: "member-timeline" },
    ...steps.map((s) => el("li", { className: `step-${s.key}` }, el("span", { textContent: text[`step.${s.key}`] ?? s.key }),
      el("time", { dateTime: s.at, textContent: time(s.at) }))));
}

function ratingView(rating) {
  return el("div", { className: "member-rating" },
    el("p", { className: "member-rating-stars", textContent: "★".repeat(rating.stars) + "☆".repeat(5 - rating.stars),
      ariaLabel: `${rating.stars}/5` }),
    rating.tags.length ? el("p", { className: "member-rating-tags" }, ...rating.tags.map((t) => el("span", { className: "chip", textContent: text[`tag.${t}`] ?? t }))) : null,
    rating.comment ? el("p", { textContent: rating.comment }) : null,
    rating.photos?.length ? el("ul", { className: "review-photos" }, ...rating.photos.map((url, i) =>
      el("li", {}, el("a", { href: url }, el("img", { src: url, alt: text["site.review.photo"].replace("{0}", i + 1), width: 72, height: 72 }))))) : null);
}

// Each chosen photo is uploaded on its own before the rating is sent; one the server took is not sent again when the
// member corrects the form and submits once more. A refused upload is shown on the photo field.
async function uploadPhotos(no, files, uploaded) {
  const ids = [];
  for (const file of files) {
    if (!uploaded.has(file)) {
      const body = new FormData();
      body.append("file", file);
      const response = await fetch(`/api/member/orders/${no}/rating/photos`, { method: "POST", headers: { Accept: "application/json" }, body });
      const answer = await response.json().catch(() => null);
      if (!response.ok) return { ok: false, answer: answer?.errors?.file ? { ...answer, errors: { photos: answer.errors.file } } : answer };
      uploaded.set(file, answer.id);
    }
    ids.push(uploaded.get(file));
  }
  return { ok: true, ids };
}

function form(className, submitText, fields, send) {
  const f = el("form", { className: `member-order-form ${className}`, noValidate: true }, ...fields,
    el("p", { className: "form-error error", role: "alert", hidden: true }), el("button", { type: "submit", textContent: submitText }));
  f.addEventListener("submit", async (event) => {
    event.preventDefault();
    delete f.dataset.touched; // what was typed is being sent: the detail may be drawn again once it is
    clearProblem(f);
    const button = f.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const { ok, answer } = await send(f);
      if (!ok) showProblem(f, answer, text["member.failed"]);
    } finally {
      button.disabled = false;
    }
  });
  return f;
}

const field = (label, input, name) => el("label", {}, label, input, el("span", { className: "field-error", hidden: true, dataset: { field: name } }));

function actions(li, detail) {
  const no = detail.order.orderNo;
  const box = el("div", { className: "member-order-actions" });
  const after = async ({ ok, answer }) => {
    if (ok) await open(li);
    return { ok, answer };
  };
  if (detail.canReschedule) {
    const start = el("input", { type: "datetime-local", name: "windowStart", value: detail.order.windowStart ? localInput(detail.order.windowStart) : "" });
    const end = el("input", { type: "datetime-local", name: "windowEnd", value: detail.order.windowEnd ? localInput(detail.order.windowEnd) : "" });
    box.append(el("details", { className: "member-order-reschedule" }, el("summary", { textContent: text["member.orders.reschedule"] }),
      form("reschedule", text["member.orders.reschedule.save"],
        [field(text["member.orders.reschedule.start"], start, "windowStart"), field(text["member.orders.reschedule.end"], end, "windowEnd")],
        () => api(`/api/member/orders/${no}/reschedule`, { windowStart: fromInput(start.value), windowEnd: fromInput(end.value) }).then(after))));
  }
  if (detail.canCancel) {
    const reason = el("input", { name: "reason", maxLength: 200 });
    box.append(el("details", { className: "member-order-cancel" }, el("summary", { textContent: text["member.orders.cancel"] }),
      form("cancel", text["member.orders.cancel.confirm"], [field(text["member.orders.cancel.reason"], reason, "reason")],
        () => api(`/api/member/orders/${no}/cancel`, { reason: reason.value }).then(after))));
  }
  if (detail.canRate) {
    const stars = el("fieldset", { className: "member-stars" }, el("legend", { textContent: text["member.orders.rate.stars"] }),
      ...[1, 2, 3, 4, 5].map((n) => {
        const id = `star-${no}-${n}`;
        return el("span", {}, el("input", { type: "radio", name: "score", value: String(n), id }),
          el("label", { htmlFor: id, textContent: "★", title: text["member.orders.star"].replace("{0}", n), ariaLabel: text["member.orders.star"].replace("{0}", n) }));
      }),
      el("span", { className: "field-error", hidden: true, dataset: { field: "score" } }));
    const tags = el("fieldset", { className: "member-tags" }, el("legend", { textContent: text["member.orders.rate.tags"] }),
      ...data.tags.map((t) => el("label", { className: "chip" }, el("input", { type: "checkbox", name: "tags", value: t }), text[`tag.${t}`] ?? t)),
      el("span", { className: "field-error", hidden: true, dataset: { field: "tags" } }));
    const comment = el("textarea", { name: "comment", maxLength: 500, rows: 3 });
    const photos = el("input", { type: "file", name: "photos", accept: "image/jpeg,image/png", multiple: true });
    const uploaded = new Map();
    box.append(el("section", { className: "member-order-rate" }, el("h4", { textContent: text["member.orders.rate"] }),
      form("rate", text["member.orders.rate.submit"],
        [stars, tags, field(text["member.orders.rate.comment"], comment, "comment"), field(text["member.orders.rate.photos"], photos, "photos")],
        async (f) => {
          const files = [...photos.files];
          // Checked here too: a file far over the limit is cut off by the server before it can answer with a field problem.
          if (files.length > 3) return { ok: false, answer: { errors: { photos: [text["member.orders.rate.photos.too-many"]] } } };
          if (files.some((file) => file.size > 5 * 1024 * 1024)) return { ok: false, answer: { errors: { photos: [text["member.orders.rate.photos.too-large"]] } } };
          const sent = await uploadPhotos(no, files, uploaded);
          if (!sent.ok) return sent;
          return api(`/api/member/orders/${no}/rating`, {
            score: Number(f.querySelector("input[name=score]:checked")?.value) || null,
            tags: [...f.querySelectorAll("input[name=tags]:checked")].map((c) => c.value),
            comment: comment.value || null,
            photos: sent.ids,
          }).then(after);
        })));
  }
  return box;
}

function render(li, detail) {
  setStatus(li, detail.order.status);
  li.dataset.version = String(Math.max(Number(li.dataset.version), detail.order.version));
  const merchant = li.querySelector(".member-order-merchant");
  merchant.textContent = detail.order.merchantName ? labelled(text["member.orders.merchant"], detail.order.merchantName) : "";
  li.querySelector(".member-order-window").textContent = windowText(detail.order.windowStart, detail.order.windowEnd);
  const worker = detail.worker
    ? el("p", { className: "member-order-worker" }, labelled(text["member.orders.worker"], ""), el("strong", { textContent: detail.worker.maskedName }),
      detail.worker.codeUrl ? " " : null,
      detail.worker.codeUrl ? el("a", { href: detail.worker.codeUrl, textContent: text["member.orders.worker.code"] }) : null)
    : null;
  // replaceChildren writes a null as the text "null": missing parts are left out, as el() does.
  li.querySelector(".member-order-detail").replaceChildren(...[
    detail.address ? el("p", { textContent: labelled(text["member.orders.address"], detail.address) }) : null,
    worker,
    el("h4", { textContent: text["member.orders.timeline"] }),
    timeline(detail.timeline),
    detail.rating ? ratingView(detail.rating) : null,
    actions(li, detail)].filter((c) => c !== null && c !== undefined));
}

// Reads of one order can overlap (a push while the member opens it): only the latest read is drawn, a detail already
// drawn at that version is left alone, and a form the member has started filling in is never redrawn under them.
async function open(li) {
  const read = (li.reads = (li.reads ?? 0) + 1);
  const { ok, answer } = await api(`/api/member/orders/${encodeURIComponent(li.dataset.order)}`);
  if (read !== li.reads) return;
  const box = li.querySelector(".member-order-detail");
  if (!ok) {
    box.replaceChildren(el("p", { className: "error", textContent: text["member.failed"] }));
    return;
  }
  if (li.dataset.drawn === String(answer.order.version)) return;
  if (box.querySelector("form[data-touched]")) {
    setStatus(li, answer.order.status);
    return;
  }
  render(li, answer);
  li.dataset.drawn = String(answer.order.version);
}
list.addEventListener("input", (e) => { if (e.target.form) e.target.form.dataset.touched = "1"; });
list.addEventListener("click", (e) => { const form = e.target.closest?.("form"); if (form && e.target.type !== "submit") form.dataset.touched = "1"; });

function watch(li) {
  const details = li.querySelector("details");
  details.addEventListener("toggle", () => {
    if (!details.open) return;
    const box = li.querySelector(".member-order-detail");
    if (!box.childElementCount) box.append(el("p", { className: "muted", textContent: text["member.orders.loading"] }));
    open(li);
  });
}

function newRow(order) {
  const li = el("li", { className: "member-order", dataset: { order: order.orderNo, version: "0" } },
    el("details", {}, el("summary", {},
      el("span", { className: "member-order-head" }, el("strong", { className: "member-order-no", textContent: order.orderNo }), " ",
        el("span", { className: "badge member-order-status" })),
      el("span", { className: "member-order-what",
        textContent: (text[`kind.${order.kind}`] ?? order.kind) + (order.category ? ` · ${data.categories[order.category] ?? order.category}` : "") }),
      el("span", { className: "member-order-window" }),
      el("span", { className: "member-order-merchant" })),
    el("div", { className: "member-order-detail" })));
  setStatus(li, order.status);
  watch(li);
  list.prepend(li);
  document.getElementById("member-orders-empty").hidden = true;
  return li;
}

for (const li of list.children) watch(li);
// /member#order-WO… (the link after placing an order) opens that order.
{
  const wanted = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const details = wanted?.classList.contains("member-order") ? wanted.querySelector("details") : null;
  if (details) {
    details.open = true;
    wanted.scrollIntoView({ block: "start" });
  }
}

document.addEventListener("hs:push", (event) => {
  const { event: name, version, payload } = event.detail;
  if (name !== "order.updated") return;
  const kind = String(payload.kind).toLowerCase();
  const li = rowOf(payload.orderNo) ?? newRow({ orderNo: payload.orderNo, kind, category: payload.category, status: payload.status });
  if (version <= Number(li.dataset.version)) return;
  li.dataset.version = String(version);
  setStatus(li, payload.status);
  li.classList.add("just-updated");
  setTimeout(() => li.classList.remove("just-updated"), 2000);
  // The summary (company, time) and, when open, the detail are read again: the push carries only the order's own fields.
  open(li);
});

// After a reconnect, pushes may have been missed: read the statuses again.
document.addEventListener("hs:resync", async () => {
  const { ok, answer } = await api("/api/member/orders");
  if (!ok) return;
  for (const o of answer) {
    const li = rowOf(o.orderNo) ?? newRow(o);
    if (o.version <= Number(li.dataset.version)) continue;
    li.dataset.version = String(o.version);
    setStatus(li, o.status);
  }
});

// --- Inbox (系统消息) ----------------------------------------------------------------------------------------------------
// Rendered on the server; new notices arrive as "notification.new" (the relay may push one twice: dropped by id).
const inbox = document.getElementById("member-inbox");
const seen = new Set([...inbox.children].map((li) => li.dataset.notice));

function countUnread() {
  document.getElementById("member-inbox-unread").textContent = String(inbox.querySelectorAll("li.unread").length);
  document.getElementById("member-inbox-empty").hidden = inbox.children.length > 0;
}

function noticeText(n) {
  const template = text[`notice.${n.template}`];
  return template ? template.replace(/\{(\w+)\}/g, (_, key) => String(n.parameters?.[key] ?? "")) : text["notice.other"];
}

document.addEventListener("hs:push", (event) => {
  const { event: name, payload } = event.detail;
  if (name !== "notification.new" || seen.has(payload.id)) return;
  seen.add(payload.id);
  inbox.prepend(el("li", { className: "unread", dataset: { notice: payload.id } }, el("span", { className: "text", textContent: noticeText(payload) }), " ",
    el("time", { dateTime: payload.createdAt, textContent: minute(payload.createdAt) }), " ",
    el("button", { type: "button", className: "secondary notice-read", textContent: text["inbox.mark_read"] })));
  countUnread();
});

function markedRead(li) {
  li.classList.remove("unread");
  li.querySelector(".notice-read")?.remove();
}

// One notice at a time, or all of them.
inbox.addEventListener("click", async (event) => {
  const button = event.target.closest(".notice-read");
  if (!button) return;
  const li = button.closest("li");
  const { ok } = await api("/api/member/notifications/read", { ids: [li.dataset.notice] });
  if (ok) markedRead(li);
  countUnread();
});

document.getElementById("member-inbox-read-all").addEventListener("click", async () => {
  const { ok } = await api("/api/member/notifications/read", {});
  if (ok) inbox.querySelectorAll("li.unread").forEach(markedRead);
  countUnread();
});
