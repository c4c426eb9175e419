// Keyboard shortcuts of the call bar: A accepts, H holds or takes back, X hangs up. Each button that has one names it
// in its title and carries it as data-key; a key works only while its button is on screen, and never while the agent
// is typing (an order's address must be able to contain an "a").
const typing = (target) => target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

document.addEventListener("keydown", (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey || e.repeat || typing(e.target)) return;
  const key = e.key.toLowerCase();
  if (!/^[a-z]$/.test(key)) return;
  const button = [...document.querySelectorAll(`button[data-key="${key}"]`)].find((b) => b.getClientRects().length > 0 && !b.disabled);
  if (!button) return;
  e.preventDefault();
  button.click();
});
