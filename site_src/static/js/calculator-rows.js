// Repeated groups of fields (social-insurance periods, credentials, deduction events).
// A <div data-repeat="insurance"> holds rows and a <template> whose names use "#" for the index;
// rows are numbered 0..n-1 and renumbered after a removal so that names stay profile paths.

const ATTRS = [
  "name",
  "id",
  "for",
  "aria-describedby",
  "aria-controls",
  "data-when",
  "aria-labelledby",
  "href",
  "data-row-label",
];

const PLACEHOLDER = /#(?![A-Za-z])/;

function containers(form) {
  return new Map([...form.querySelectorAll("[data-repeat]")].map((c) => [c.dataset.repeat, c]));
}

function rowsOf(container) {
  return [...container.querySelector(".rows").children];
}

function numbered(fragment, index) {
  for (const node of fragment.querySelectorAll("*")) {
    // (data-row-label shows the 1-based number; everything else uses the index.)
    for (const attr of ATTRS) {
      const value = node.getAttribute(attr);
      // (A "#" before a letter is a link's fragment, "#verify-skill", not the index.)
      if (!value || !PLACEHOLDER.test(value)) continue;
      const shown = attr === "data-row-label" ? index + 1 : index;
      node.setAttribute(attr, value.replace(new RegExp(PLACEHOLDER, "g"), String(shown)));
    }
    if (node.dataset.rowNumber !== undefined) node.textContent = String(index + 1);
  }
  return fragment;
}

function addRow(container) {
  const template = container.querySelector("template");
  const index = rowsOf(container).length;
  const fragment = numbered(template.content.cloneNode(true), index);
  container.querySelector(".rows").append(fragment);
  return rowsOf(container)[index];
}

export function ensureRows(form, name, count) {
  const container = containers(form).get(name);
  if (!container) return;
  while (rowsOf(container).length < count) addRow(container);
}

function valuesOf(row) {
  return [...row.querySelectorAll("[name]")].map((c) =>
    c.type === "checkbox" || c.type === "radio" ? c.checked : c.value,
  );
}

function restore(row, values) {
  [...row.querySelectorAll("[name]")].forEach((c, i) => {
    if (c.type === "checkbox" || c.type === "radio") c.checked = values[i];
    else c.value = values[i];
  });
}

function removeRow(container, row) {
  const kept = rowsOf(container)
    .filter((r) => r !== row)
    .map(valuesOf);
  container.querySelector(".rows").replaceChildren();
  const minimum = Number(container.dataset.minRows || 0);
  for (let i = 0; i < Math.max(kept.length, minimum); i++) {
    const fresh = addRow(container);
    if (kept[i]) restore(fresh, kept[i]);
  }
}

// Back to the rows the page started with (empty).
export function resetRows(form) {
  for (const container of containers(form).values()) {
    container.querySelector(".rows").replaceChildren();
    const minimum = Number(container.dataset.minRows || 0);
    for (let i = 0; i < minimum; i++) addRow(container);
  }
}

export function wire(form, onChange) {
  form.addEventListener("click", (event) => {
    const add = event.target.closest("[data-add-row]");
    if (add) {
      const container = containers(form).get(add.dataset.addRow);
      const row = addRow(container);
      row.querySelector("input, select")?.focus();
      onChange();
      return;
    }
    const remove = event.target.closest("[data-remove-row]");
    if (remove) {
      const container = remove.closest("[data-repeat]");
      removeRow(container, remove.closest(".row"));
      container.querySelector("[data-add-row]")?.focus();
      onChange();
    }
  });
}
