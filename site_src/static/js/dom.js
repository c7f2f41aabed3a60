// The browser code's one way of making elements: attributes set one by one, text only ever
// through textContent, so nothing a person typed or a link carried is read as markup.

// el("p", {className: "hint", text: "…"}, child, …): `text` and `className` set those
// properties; true sets an empty attribute; undefined, null and false leave it out.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
