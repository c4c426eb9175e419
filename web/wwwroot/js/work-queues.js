// The console's work queues as tabs: manual dispatch, follow-ups, complaints. Each tab's count stays current while another
// tab is open, so the agent sees new work arrive without looking.
import { ready as manual } from "./manual-dispatch.js";
import { ready as followUps } from "./follow-ups.js";
import { ready as complaints } from "./complaint-desk.js";

const tabs = [...document.querySelectorAll("#work-queues [role=tab]")];

function open(tab) {
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute("aria-selected", String(selected));
    t.tabIndex = selected ? 0 : -1;
    document.getElementById(t.getAttribute("aria-controls")).hidden = !selected;
  }
}

tabs.forEach((tab, i) => {
  tab.addEventListener("click", () => open(tab));
  // Arrow keys move between tabs, as in any tab list.
  tab.addEventListener("keydown", (e) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = tabs[(i + step + tabs.length) % tabs.length];
    open(next);
    next.focus();
  });
});

await Promise.all([manual, followUps, complaints]);
document.getElementById("work-queues").dataset.ready = "true";
