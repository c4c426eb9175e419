// Shared by the merchant portal and the worker page: a list kept in step with the server without flicker.

// Shows items in order, keyed by orderNo. An item whose data did not change keeps its element, so a half-typed
// reason or a chosen worker in it survives a refresh; items that are gone are removed.
export function keyedList(container, render, emptyElement) {
  const entries = new Map();
  function show(items) {
    const seen = new Set();
    items.forEach((item, i) => {
      const key = JSON.stringify(item);
      let entry = entries.get(item.orderNo);
      if (!entry || entry.key !== key) {
        const el = render(item);
        if (entry) entry.el.replaceWith(el);
        entry = { key, el };
        entries.set(item.orderNo, entry);
      }
      seen.add(item.orderNo);
      if (container.children[i] !== entry.el) container.insertBefore(entry.el, container.children[i] ?? null);
    });
    for (const [no, entry] of entries) {
      if (!seen.has(no)) {
        entry.el.remove();
        entries.delete(no);
      }
    }
    if (emptyElement) emptyElement.hidden = items.length > 0;
  }
  // After an action the item is drawn afresh from the server's answer, whatever happened.
  show.invalidate = (orderNo) => {
    const entry = entries.get(orderNo);
    if (entry) entry.key = "";
  };
  return show;
}

// One fetch at a time; pushes that arrive meanwhile ask for one more, so the last answer is never older than the last push.
export function coalescedRefresh(load) {
  let loading = null;
  let again = false;
  return function refresh() {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        await load();
      } while (again);
      loading = null;
    })();
    return loading;
  };
}

// The element of an item currently shown, for actions that disable its controls.
export function elementOf(container, orderNo) {
  return [...container.children].find((el) => el.dataset.order === orderNo) ?? null;
}

// A JSON call to our API: the parsed answer, or null after reporting the problem's field errors or title.
export function jsonApi(showError) {
  return async function api(method, path, payload) {
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
    } catch (error) {
      showError(error.message);
      return null;
    }
    const result = await response.json().catch(() => null);
    if (!response.ok) {
      showError(result?.errors ? Object.values(result.errors).flat().join(" ") : result?.title ?? response.statusText);
      return null;
    }
    return result;
  };
}
