// Registration (/member/register) and password reset (/member/reset) by SMS code: "send code" asks the API for a code of the
// page's purpose and counts down until another may be sent (the API's wait when it refuses one); the form goes to the
// page's endpoint and field problems appear next to their fields.
import { clearProblem, showProblem } from "./form-problems.js";

const data = JSON.parse(document.getElementById("member-account-data").textContent);
const text = data.text;
const $ = (id) => document.getElementById(id);
const form = $("member-account-form");
const sendButton = $("member-send-code");
const status = $("member-code-status");
const fill = (template, ...values) => template.replace(/\{(\d+)\}/g, (_, i) => values[Number(i)] ?? "");
let timer = null;

function countDown(seconds) {
  clearInterval(timer);
  let left = seconds;
  const tick = () => {
    if (left <= 0) {
      clearInterval(timer);
      sendButton.disabled = false;
      sendButton.textContent = text["member.code.send"];
      return;
    }
    sendButton.disabled = true;
    sendButton.textContent = fill(text["member.code.resend"], left);
    left -= 1;
  };
  tick();
  timer = setInterval(tick, 1000);
}

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  return { response, answer };
}

sendButton.addEventListener("click", async () => {
  clearProblem(form);
  status.textContent = "";
  sendButton.disabled = true;
  try {
    const { response, answer } = await post("/api/member/verification-codes", { phone: form.phone.value, purpose: data.purpose });
    if (response.ok) {
      status.textContent = fill(text["member.code.sent"], Math.round(answer.expiresInSeconds / 60));
      countDown(answer.resendAfterSeconds);
      form.code.focus();
      return;
    }
    if (response.status === 429 && answer?.retryAfterSeconds) countDown(answer.retryAfterSeconds);
    else sendButton.disabled = false;
    showProblem(form, answer, text["member.failed"]);
  } catch {
    sendButton.disabled = false;
    showProblem(form, null, text["member.failed"]);
  }
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearProblem(form);
  const body = Object.fromEntries(new FormData(form));
  const submit = $("member-submit");
  submit.disabled = true;
  try {
    const { response, answer } = await post(data.submit, body);
    if (!response.ok) {
      showProblem(form, answer, text["member.failed"]);
      return;
    }
    if (data.purpose === "register") {
      location.assign(answer?.landingPage ?? "/member");
      return;
    }
    form.hidden = true;
    $("member-reset-done").hidden = false;
  } catch {
    showProblem(form, null, text["member.failed"]);
  } finally {
    submit.disabled = false;
  }
});
