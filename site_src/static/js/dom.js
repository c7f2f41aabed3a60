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

// Puts `children` in `parent` unless what is there reads the same (the same markup). A part
// redrawn on every reply then keeps its nodes while nothing changed, so a link pressed while a
// reply arrives is still there when the button comes up (pressing it leaves a field, which
// asks the engine again; a link replaced between mousedown and mouseup gets no click).
export function replaceIfChanged(parent, children) {
  const markup = (nodes) =>
    nodes.map((node) => (typeof node === "string" ? node : (node.outerHTML ?? node.textContent))).join("\u0000");
  if (markup([...parent.childNodes]) !== markup(children)) parent.replaceChildren(...children);
}

// Takes the person to a form field: opens its folded section, brings it to the middle of the
// screen and focuses it.
export function goToField(control) {
  control.closest("details")?.setAttribute("open", "");
  control.scrollIntoView({ block: "center" });
  control.focus();
}

// A link to a form field, as GOV.UK's error summary has (goToField). The field is looked up by
// id when the link is followed, so a link kept across redraws reaches the field as it is then.
export function fieldLink(control, text, className) {
  const link = el("a", { href: `#${control.id}`, className, text });
  link.addEventListener("click", (event) => {
    event.preventDefault();
    goToField(document.getElementById(control.id) || control);
  });
  return link;
}
