// The agents' merchant lookup (加盟企业查询): search by part of a name; a merchant's own edit ("merchant.updated")
// reaches an open lookup at once, so the agent on the phone never reads yesterday's hours or districts.
import { levelSymbols } from "./credit-level.js";
import { listOf } from "./punctuation.js";
import { districtName } from "./places.js";

const $ = (id) => document.getElementById(id);
const text = JSON.parse($("lookup-text-data").textContent);
const body = $("lookup-results").querySelector("tbody");
let lastQuery = "";


function row(m) {
  const tr = document.createElement("tr");
  tr.dataset.merchant = m.merchantId;
  tr.dataset.status = m.status;
  const standing = (text[`lookup.status.${m.status}`] ?? m.status) + (m.listed ? ` · ${text[`lookup.listed.${m.listed}`] ?? m.listed}` : "");
  for (const [cls, value] of [["name", `${m.name} (${m.merchantId})`], ["status", standing], ["level", levelSymbols(m.creditLevel, "—")], ["districts", listOf(m.districts.map(districtName))],
    ["hours", m.businessHours ?? "—"], ["phone", m.phone], ["completed", String(m.completedOrders)]]) {
    const td = document.createElement("td");
    td.className = cls;
    td.textContent = value;
    tr.append(td);
  }
  // 外呼: the console's outbound panel dials the merchant (the number is looked up on the server).
  const label = document.getElementById("outbound-panel")?.dataset.callLabel;
  if (label) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary small";
    button.textContent = label;
    button.dataset.outboundTarget = "merchant";
    button.dataset.outboundId = m.merchantId;
    tr.querySelector(".phone").append(" ", button);
  }
  return tr;
}

async function search(q) {
  lastQuery = q;
  // The call center's lookup: suspended and exited merchants too, with their listing.
  const response = await fetch(`/api/merchants/all?q=${encodeURIComponent(q)}`, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  body.replaceChildren(...(await response.json()).map(row));
}

$("lookup-form").addEventListener("submit", (e) => {
  e.preventDefault();
  search($("lookup-text").value.trim());
});
document.addEventListener("hs:push", (e) => {
  if (e.detail.event === "merchant.updated") search(lastQuery);
});
document.addEventListener("hs:resync", () => search(lastQuery));
await search("");
document.getElementById("merchant-lookup").dataset.ready = "true";
