// Recording links are signed and last a few minutes (a copied link soon stops working). A player whose link has run
// out, or failed to load, asks the API for a fresh one, which checks the role and the call's ownership again, then plays.
const margin = 30_000;

async function refresh(audio) {
  const response = await fetch(audio.dataset.link, { headers: { accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) return false;
  const link = await response.json();
  audio.dataset.expires = link.expiresAt;
  audio.src = link.url;
  return true;
}

for (const audio of document.querySelectorAll("audio[data-link]")) {
  audio.addEventListener("play", async () => {
    if (Date.now() < Date.parse(audio.dataset.expires) - margin) return;
    audio.pause();
    if (await refresh(audio)) await audio.play();
  });
  // An expired link answers 404; one fresh try, not a loop.
  audio.addEventListener("error", async () => {
    if (audio.dataset.refreshed === "true") return;
    audio.dataset.refreshed = "true";
    if (await refresh(audio)) audio.load();
  });
  audio.addEventListener("loadedmetadata", () => { audio.dataset.refreshed = "false"; });
}
