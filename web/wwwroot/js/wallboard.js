// The wallboard (班长监控墙), live: queue.changed updates a queue's waiting calls and longest wait in place;
// agent.status re-reads the board (agents by status, each queue's staffing); kpi.updated moves the service levels.
// Waits tick every second between pushes. After a reconnect the whole board is read again.
const text = JSON.parse(document.getElementById("wallboard-text").textContent);
const board = document.getElementById("wallboard");
const $ = (selector, root = document) => root.querySelector(selector);
const wait = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
const percent = (value) => (value == null ? "—" : `${Math.round(value)}%`);

function setWait(strong, seconds) {
  strong.dataset.seconds = String(seconds);
  strong.textContent = wait(seconds);
}

function totals() {
  const cards = [...board.querySelectorAll(".wb-queue")];
  $("#wb-waiting .wb-big").textContent = String(cards.reduce((n, c) => n + Number($(".wb-waiting .wb-big", c).textContent), 0));
  setWait($("#wb-longest .wb-big"), Math.max(0, ...cards.map((c) => Number($(".wb-longest strong", c).dataset.seconds))));
}

function queue(q) {
  const card = board.querySelector(`.wb-queue[data-queue-id="${CSS.escape(q.queueId)}"]`);
  if (!card) return;
  $(".wb-waiting .wb-big", card).textContent = String(q.waiting);
  card.classList.toggle("wb-busy", q.waiting > 0);
  setWait($(".wb-longest strong", card), q.longestWaitSeconds);
  if (q.agentsStaffed !== undefined) {
    $(".wb-staffed", card).textContent = text.available.replace("{0}", q.agentsAvailable).replace("{1}", q.agentsStaffed);
  }
  totals();
}

function agents(list) {
  for (const box of board.querySelectorAll(".wb-status")) {
    const these = list.filter((a) => a.status === box.dataset.status);
    $(".wb-count", box).textContent = String(these.length);
    $("ul", box).replaceChildren(...these.map((a) => {
      const li = document.createElement("li");
      li.dataset.agentId = a.agentId;
      li.textContent = a.name;
      return li;
    }));
  }
}

function kpis(live) {
  if (live.version <= Number(board.dataset.version)) return;
  board.dataset.version = String(live.version);
  for (const q of live.queues) {
    const card = board.querySelector(`.wb-queue[data-queue-id="${CSS.escape(q.queueId)}"]`);
    if (!card) continue;
    const strong = $(".wb-sl strong", card);
    strong.textContent = percent(q.rolling15m.serviceLevel);
    strong.classList.toggle("wb-bad", q.rolling15m.serviceLevel != null && q.rolling15m.serviceLevel < q.serviceLevelTarget);
  }
  const center = $("#wb-sl .wb-big");
  center.textContent = percent(live.center.rolling15m.serviceLevel);
  center.classList.toggle("wb-bad", live.center.rolling15m.serviceLevel != null && live.center.rolling15m.serviceLevel < live.center.serviceLevelTarget);
  $("#wb-sl .wb-sl-today").textContent = percent(live.center.today.serviceLevel);
}

let reading = null;
let again = false;
async function refresh() {
  if (reading) { again = true; return; }
  reading = (async () => {
    const response = await fetch("/wallboard?handler=Board", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const data = await response.json();
    data.queues.forEach(queue);
    agents(data.agents);
    kpis(data.kpis);
  })();
  await reading;
  reading = null;
  if (again) { again = false; await refresh(); }
}

document.addEventListener("hs:push", (e) => {
  const { event, payload } = e.detail;
  if (event === "queue.changed") queue(payload);
  if (event === "agent.status") refresh();
  if (event === "kpi.updated") kpis(payload);
  $("#wb-at").textContent = new Date().toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });
});
document.addEventListener("hs:resync", refresh);

// A caller still waiting waits a second longer every second.
setInterval(() => {
  for (const card of board.querySelectorAll(".wb-queue")) {
    if (Number($(".wb-waiting .wb-big", card).textContent) === 0) continue;
    const strong = $(".wb-longest strong", card);
    setWait(strong, Number(strong.dataset.seconds) + 1);
  }
  totals();
}, 1000);

document.getElementById("wb-fullscreen").addEventListener("click", () => {
  if (document.fullscreenElement) document.exitFullscreen();
  else board.requestFullscreen?.();
});
