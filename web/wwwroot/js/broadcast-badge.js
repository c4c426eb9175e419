// The console's call bar says how many broadcasts arrived since the agent last looked (新通知 2), since the list itself sits
// at the bottom of the desk. It watches the list that broadcasts.js keeps (pushes and a reconnect's reload alike): an item
// not seen before counts, one that ends before the agent looks no longer does. A click takes the agent to the list and
// clears the count.
const button = document.getElementById("broadcasts-new");
const count = document.getElementById("broadcasts-new-count");
const list = document.getElementById("broadcasts");
const panel = document.getElementById("broadcasts-panel");

if (button && list && panel) {
  const ids = () => [...list.querySelectorAll("li[data-id]")].map((li) => li.dataset.id);
  const seen = new Set(ids()); // what the page showed when it opened
  const unseen = new Set();

  const show = () => {
    const n = unseen.size;
    count.textContent = String(n);
    count.hidden = n === 0;
    button.classList.toggle("has-new", n > 0);
    const template = n === 1 ? button.dataset.newOne : button.dataset.new;
    button.setAttribute("aria-label", n === 0 ? button.dataset.label : template.replace("{0}", String(n)));
  };

  new MutationObserver(() => {
    const now = new Set(ids());
    for (const id of now) if (!seen.has(id)) { seen.add(id); unseen.add(id); }
    for (const id of unseen) if (!now.has(id)) unseen.delete(id);
    show();
  }).observe(list, { childList: true });

  button.addEventListener("click", () => {
    panel.scrollIntoView({ block: "center" });
    panel.focus({ preventScroll: true });
    unseen.clear();
    show();
  });
  show();
}
