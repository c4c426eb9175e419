// IVR campaigns, live: each campaign.updated push (status, counts, and the numbers that changed) redraws the list row
// or the campaign's own status, buttons and number rows. Pushes older than what is drawn are dropped; after a
// reconnect the page is read again, since pushes missed meanwhile carried rows of their own.
const text = JSON.parse(document.getElementById("campaign-text").textContent);
const panel = document.getElementById("campaign");
const seen = new Map();

function outcome(t) {
  if (t.inFlight) return text["outcome.calling"];
  return t.lastOutcome ? text[`outcome.${t.lastOutcome}`] ?? t.lastOutcome : "—";
}

function drawCampaign(p) {
  panel.dataset.status = p.status;
  panel.querySelector(".status").textContent = text[`status.${p.status}`] ?? p.status;
  document.getElementById("start-campaign").hidden = !(p.status === "Draft" || p.status === "Paused");
  document.getElementById("pause-campaign").hidden = p.status !== "Running";
  for (const t of p.changed) {
    const row = document.querySelector(`#campaign-targets tr[data-target="${t.targetNo}"]`);
    if (!row) continue;
    row.querySelector(".attempts").textContent = `${t.attempts} / ${panel.dataset.maxAttempts}`;
    row.querySelector(".last").textContent = outcome(t);
    row.querySelector(".result").textContent = t.result ? text[`outcome.${t.result}`] ?? t.result : "—";
    row.querySelector(".key").textContent = t.digits ?? "—";
  }
}

function drawListRow(p) {
  const row = document.querySelector(`#campaigns tr[data-campaign-id="${p.campaignId}"]`);
  if (!row) return;
  row.dataset.status = p.status;
  row.querySelector(".status").textContent = text[`status.${p.status}`] ?? p.status;
  row.querySelector(".progress").textContent = `${p.finished} / ${p.targets}`;
  row.querySelector(".answered").textContent = String(p.answered);
}

document.addEventListener("hs:push", (e) => {
  const { event, version, payload } = e.detail;
  if (event !== "campaign.updated") return;
  if (version <= (seen.get(payload.campaignId) ?? 0)) return;
  seen.set(payload.campaignId, version);
  if (panel && panel.dataset.campaignId === payload.campaignId) drawCampaign(payload);
  else if (!panel) drawListRow(payload);
});
document.addEventListener("hs:resync", () => location.reload());
