// Lists and labels as the page's language writes them, as the server's UiText.List and UiText.Label do.
const english = document.documentElement.lang === "en";

/** "金水区、二七区" or "Jinshui, Erqi" */
export const listOf = (items) => items.join(english ? ", " : "、");

/** "商家：安心家政" or "Merchant: Anxin" */
export const labelled = (label, value) => (english ? `${label}: ${value}` : `${label}：${value}`);
