// The member's own profile on /member: name, service addresses (add and remove rows) and contact preferences, read from
// and saved to /api/member/profile. Field problems of an address row ("addresses[1].district") appear in that row.
import { clearProblem, showProblem } from "./form-problems.js";

const text = JSON.parse(document.getElementById("member-profile-data").textContent).text;
const $ = (id) => document.getElementById(id);
const form = $("profile-form");
const list = $("profile-addresses");
const saved = $("profile-saved");

function addRow(address = { label: "", district: "", address: "" }) {
  const row = $("profile-address-row").content.firstElementChild.cloneNode(true);
  row.querySelector(".address-label").value = address.label;
  const district = row.querySelector(".address-district");
  // A district typed before the list existed stays as it was, shown as its own choice, until the member picks one.
  if (address.district && ![...district.options].some((o) => o.value === address.district)) {
    district.append(Object.assign(document.createElement("option"), { value: address.district, textContent: address.district }));
  }
  district.value = address.district;
  row.querySelector(".address-address").value = address.address;
  row.querySelector(".address-remove").addEventListener("click", () => row.remove());
  list.append(row);
  return row;
}

function show(profile) {
  $("profile-phone").textContent = profile.phone;
  $("profile-member-id").textContent = profile.memberId;
  form.name.value = profile.name;
  list.replaceChildren();
  for (const a of profile.addresses) addRow(a);
  $("profile-sms").checked = profile.preferences.sms;
  $("profile-in-app").checked = profile.preferences.inApp;
}

function rowErrors(problem) {
  const rest = {};
  const rows = [...list.children];
  for (const [name, messages] of Object.entries(problem?.errors ?? {})) {
    const m = /^addresses\[(\d+)\]\.(\w+)$/.exec(name);
    const p = m && rows[Number(m[1])]?.querySelector(`.field-error[data-part="${m[2]}"]`);
    if (!p) {
      rest[name] = messages;
      continue;
    }
    p.textContent = messages.join(" ");
    p.hidden = false;
  }
  return problem?.errors ? { ...problem, errors: rest } : problem;
}

async function load() {
  const response = await fetch("/api/member/profile", { headers: { Accept: "application/json" } });
  if (response.ok) show(await response.json());
}

$("profile-add-address").addEventListener("click", () => addRow().querySelector(".address-label").focus());

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearProblem(form);
  saved.textContent = "";
  const body = {
    name: form.name.value,
    addresses: [...list.children].map((row) => ({
      label: row.querySelector(".address-label").value,
      district: row.querySelector(".address-district").value,
      address: row.querySelector(".address-address").value,
    })),
    preferences: { sms: $("profile-sms").checked, inApp: $("profile-in-app").checked },
  };
  const button = $("profile-save");
  button.disabled = true;
  try {
    const response = await fetch("/api/member/profile", {
      method: "PUT",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => null);
    if (!response.ok) {
      showProblem(form, rowErrors(answer), text["member.failed"]);
      return;
    }
    show(answer);
    saved.textContent = text["member.profile.saved"];
  } catch {
    showProblem(form, null, text["member.failed"]);
  } finally {
    button.disabled = false;
  }
});

load();
