// Keeps the broadcast list current: pushes add and remove items; a resync reloads the list.
import { clock } from "./beijing-time.js";
const list = document.getElementById("broadcasts");

const timeOf = clock;

function render(b) {
  const li = document.createElement("li");
  li.dataset.id = b.id;
  const text = document.createElement("span");
  text.className = "text";
  text.textContent = b.text;
  const meta = document.createElement("small");
  meta.textContent = ` — ${b.author} · ${list.dataset.expires} ${timeOf(b.expiresAt)}`;
  li.append(text, " ", meta);
  return li;
}

function upsert(b) {
  list.querySelector(`li[data-id="${b.id}"]`)?.remove();
  list.prepend(render(b));
}

if (list) {
  document.addEventListener("hs:push", (e) => {
    const { event, payload } = e.detail;
    if (event === "broadcast.posted") upsert(payload);
    if (event === "broadcast.ended") list.querySelector(`li[data-id="${payload.id}"]`)?.remove();
  });
  document.addEventListener("hs:resync", async () => {
    const response = await fetch("/api/broadcasts", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    list.replaceChildren(...(await response.json()).map(render));
  });
}
