// How every page writes a date or a time, as the server's BeijingTime does: Beijing time, ISO 8601 order, a 24-hour clock,
// the same in both languages.
const format = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
});

const parts = (at) => Object.fromEntries(format.formatToParts(at instanceof Date ? at : new Date(at)).map((p) => [p.type, p.value]));

/** 2026-12-06 */
export const date = (at) => { const p = parts(at); return `${p.year}-${p.month}-${p.day}`; };
/** 2026-12-06 14:05 */
export const minute = (at) => { const p = parts(at); return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`; };
/** 2026-12-06 14:05:09 */
export const second = (at) => { const p = parts(at); return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`; };
/** 14:05 */
export const clock = (at) => { const p = parts(at); return `${p.hour}:${p.minute}`; };
/** 14:05:09 */
export const clockSeconds = (at) => { const p = parts(at); return `${p.hour}:${p.minute}:${p.second}`; };
/** Today's date in Beijing, 2026-12-06: what date inputs and "is it expired" checks compare with. */
export const today = () => date(new Date());
/** A value for an <input type="datetime-local">, in Beijing time: 2026-12-06T14:05 */
export const localInput = (at) => minute(at).replace(" ", "T");
/** A day heading: "2026-12-06 周日" / "2026-12-06 Sun" */
export const day = (at, english) => `${date(at)} ${new Date(at).toLocaleDateString(english ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", weekday: "short" })}`;
/** Like the helpers above, but "—" for a missing value. */
export const orDash = (fn) => (at) => (at ? fn(at) : "—");
