// A website callback request's place in the queue, refreshed every few seconds while it waits (the page needs no
// sign-in, so it asks rather than listening on the live hub); it stops once an agent is calling or the call is done.
const box = document.getElementById("callback-status");
const text = JSON.parse(document.getElementById("callback-text").textContent);
const fill = (template, value) => template.replace("{0}", value);

function show(status) {
  box.dataset.state = status.state;
  const lines = [];
  if (status.state === "waiting") {
    const p = document.createElement("p");
    p.className = "position";
    const [before, after] = text.position.split("{0}");
    p.append(before, Object.assign(document.createElement("strong"), { id: "callback-position", textContent: String(status.position) }), after ?? "");
    const wait = Object.assign(document.createElement("p"), { className: "muted", id: "callback-wait",
      textContent: fill(text.wait, Math.max(1, Math.ceil((status.estimatedWaitSeconds ?? 0) / 60))) });
    lines.push(p, wait);
  } else {
    lines.push(Object.assign(document.createElement("p"), { className: "position", id: status.state === "calling" ? "callback-calling" : "callback-done",
      textContent: status.state === "calling" ? text.calling : text.done }));
  }
  box.replaceChildren(...lines, box.querySelector("p.muted:last-child") ?? "");
}

async function poll() {
  try {
    const response = await fetch(`/api/callbacks/${encodeURIComponent(box.dataset.id)}`, { headers: { Accept: "application/json" } });
    if (response.ok) show(await response.json());
  } catch { /* offline for a moment: the next poll tries again */ }
  if (box.dataset.state !== "done") setTimeout(poll, 3000);
}
setTimeout(poll, 3000);
