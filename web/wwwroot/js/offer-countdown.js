// The time an offer has left to be answered (剩 4:32 待接单), ticking each second on the merchant desk. In its last minute it
// turns to a warning; at zero it says 已超时 until the server, which moves the offer on, pushes a list without it.
const WARN_SECONDS = 60;

function span(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

function tick(el, text) {
  const left = Math.ceil((Date.parse(el.dataset.expires) - Date.now()) / 1000);
  const expired = left <= 0;
  el.textContent = expired ? text["merchant.offer.expired"] : text["merchant.offer.left"].replace("{0}", span(left));
  el.classList.toggle("warning", !expired && left <= WARN_SECONDS);
  el.classList.toggle("expired", expired);
}

// A countdown element for an offer; role="timer" keeps screen readers from announcing every second.
export function offerCountdown(expiresAt, text) {
  const el = Object.assign(document.createElement("span"), { className: "offer-countdown" });
  el.setAttribute("role", "timer");
  el.dataset.expires = expiresAt;
  tick(el, text);
  return el;
}

// One timer for the whole list: rows kept across refreshes keep their element, so this updates them in place.
export function tickCountdowns(root, text) {
  setInterval(() => root.querySelectorAll(".offer-countdown").forEach((el) => tick(el, text)), 1000);
}
