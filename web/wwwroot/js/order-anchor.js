// An order number the merchant can click to find that order on its desk: the row in the open offers and orders, else the
// row in 服务订单及评定查询 (a rated or closed order). The desk has no page per order, so the link leads to the row, which
// is scrolled into view, outlined for a moment and focused. An order no longer on the page (an offer refused or passed on)
// says so beside the link instead of jumping nowhere.
const LISTS = ["#merchant-orders", "#report-orders"];

function rowOf(orderNo) {
  for (const list of LISTS) {
    const row = document.querySelector(`${list} tbody tr[data-order="${CSS.escape(orderNo)}"]`);
    if (row) return row;
  }
  return null;
}

function locate(link, goneText) {
  const row = rowOf(link.dataset.order);
  link.parentElement.querySelector(".order-gone")?.remove();
  if (!row) {
    link.after(Object.assign(document.createElement("small"), { className: "order-gone", textContent: ` ${goneText}` }));
    return;
  }
  row.tabIndex = -1;
  row.scrollIntoView({ block: "center" });
  row.focus({ preventScroll: true });
  row.classList.add("located");
  setTimeout(() => row.classList.remove("located"), 4000);
}

export function orderLink(orderNo, goneText) {
  const link = Object.assign(document.createElement("a"), { className: "order-link", href: `#order-${orderNo}`, textContent: orderNo });
  link.dataset.order = orderNo;
  link.addEventListener("click", (e) => {
    e.preventDefault();
    locate(link, goneText);
  });
  return link;
}
