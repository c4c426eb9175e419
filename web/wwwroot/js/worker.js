// The worker's jobs, on a phone: the customer's phone and address, and one button for the next step
// (on my way → check in → check out); below them, the day's finished jobs. The list comes from GET /api/worker/jobs; every "order.updated"
// push, reconnect, or return to the page fetches it again.
import { coalescedRefresh, jsonApi, keyedList } from "./live-list.js";
import { clock, day } from "./beijing-time.js";
import { districtName } from "./places.js";
import { checkIn, checkOut, visitSummary } from "./worker-visit.js";
import { el } from "./dom.js";

const data = JSON.parse(document.getElementById("worker-data").textContent);
const text = data.text;
const $ = (id) => document.getElementById(id);
const list = $("jobs");
const english = document.documentElement.lang === "en";

// The one step a worker takes next from each status: [API path, button class, words].
const next = {
  WorkerAssigned: ["en-route", "en-route", text["worker.en_route"]],
  EnRoute: ["check-in", "check-in", text["worker.check_in"]],
  InService: ["check-out", "check-out", text["worker.check_out"]],
};
const active = (job) => job.status in next;

const api = jsonApi(showError);

function showError(message) {
  $("worker-error").hidden = !message;
  $("worker-error").textContent = message ? text["worker.error"].replace("{0}", message) : "";
}

function when(start, end) {
  if (!start) return "";
  const date = day(start, english);
  const time = clock;
  return end ? `${date} ${time(start)}–${time(end)}` : `${date} ${time(start)}`;
}

// "金水区 · 金水区农业路 66 号" says the district twice: an address that names it is shown alone.
const place = (o) => (o.address && o.district && o.address.startsWith(o.district) ? o.address : [districtName(o.district), o.address].filter(Boolean).join(" · "));

function field(label, value, className) {
  return el("div", { className: `job-field ${className}` }, el("dt", { textContent: label }), el("dd", {}, value));
}

function render(job) {
  const phone = el("a", { href: `tel:${job.phone}`, textContent: job.phone });
  const li = el("li", { className: "job" },
    el("div", { className: "job-head" },
      el("strong", { className: "category", textContent: data.categories[job.category] ?? job.category ?? "" }),
      el("span", { className: "badge status", textContent: text[`status.${job.status}`] ?? job.status })),
    el("dl", {},
      field(text["field.windowEnd"], when(job.windowStart, job.windowEnd), "window"),
      field(text["field.address"], place(job), "address"),
      field(text["field.contactPhone"], phone, "phone"),
      (job.details ?? []).length ? field(text["order.details"], job.details.map((d) => `${d.label} ${d.value}`).join(" · "), "requirements") : null,
      job.notes ? field(text["order.notes"], job.notes, "notes") : null),
    visitSummary(job, text),
    el("p", { className: "muted order-no", textContent: job.orderNo }));
  li.dataset.order = job.orderNo;
  li.dataset.status = job.status;
  const step = next[job.status];
  if (step) {
    const button = el("button", { type: "button", className: `step ${step[1]}`, textContent: step[2] });
    button.addEventListener("click", () => act(job, step[0], button, li));
    li.append(button);
  }
  return li;
}

// Jobs still to do, soonest first; the finished ones (done and not yet closed, or closed today) in their own list, newest first.
const start = (j) => (j.windowStart ? Date.parse(j.windowStart) : Infinity);
const toDo = (jobs) => jobs.filter(active).sort((a, b) => start(a) - start(b));
const done = (jobs) => jobs.filter((j) => !active(j)).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));

const showInOrder = keyedList(list, render, $("jobs-empty"));
const showDone = keyedList($("jobs-done"), render, $("jobs-done-empty"));
// A job moves between the lists as its status changes: it leaves one list before it is drawn in the other.
showInOrder.invalidate = ((invalidate) => (no) => { invalidate(no); showDone.invalidate(no); })(showInOrder.invalidate);
const show = (jobs) => {
  showInOrder(toDo(jobs));
  showDone(done(jobs));
};
const refresh = coalescedRefresh(async () => {
  const jobs = await api("GET", "/api/worker/jobs");
  if (jobs) show(jobs);
});

// Check-in and check-out may ask the worker first (too early; extras and money collected); the next step is simply sent.
async function act(job, step, button, card) {
  button.disabled = true;
  if (step === "check-in") await checkIn(job, card, text, showError);
  else if (step === "check-out") await checkOut(job, card, text, showError);
  else if (await api("POST", `/api/worker/jobs/${encodeURIComponent(job.orderNo)}/${step}`)) showError(null);
  showInOrder.invalidate(job.orderNo);
  await refresh();
}

document.addEventListener("hs:push", (e) => {
  if (e.detail.event === "order.updated" || e.detail.event === "order.gone") refresh();
});
document.addEventListener("hs:resync", refresh);
document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") refresh(); });

await refresh();
document.body.dataset.worker = "ready";
