// Building elements in the pages' scripts: el("p", { className: "muted", textContent: "…" }, child, …). Properties, not
// markup, so text from the server is never parsed as HTML. null, undefined and false children are left out, so a
// child may be written as `cond && el(…)`.
export function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}
