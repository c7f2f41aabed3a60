// Profile -> form: puts the answers of a link or a saved copy into the form's controls (each
// control's `name` is its profile path, calculator-form.js), and empties the form.
import { applies } from "./calculator-form.js";

// Leaves of a profile as [path, value]; arrays of objects become "name[i].key".
function flatten(value, prefix = "", out = []) {
  if (Array.isArray(value) && value.every((item) => item && typeof item === "object")) {
    value.forEach((item, i) => {
      flatten(item, `${prefix}[${i}]`, out);
    });
  } else if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.push([prefix, value]);
  }
  return out;
}

export function clearForm(form) {
  for (const control of form.elements) {
    if (!control.name || control.dataset.local !== undefined) continue;
    if (control.type === "checkbox" || control.type === "radio") {
      control.checked = control.defaultChecked;
    } else if (control.tagName === "SELECT") {
      const preset = [...control.options].find((o) => o.defaultSelected);
      control.value = preset ? preset.value : (control.options[0]?.value ?? "");
    } else {
      control.value = control.defaultValue;
    }
  }
}

// Puts a profile into the form. Returns {unknown: [paths], invalid: [{path, message}]}.
// `ensureRows(name, count)` creates repeated rows (periods) before they are filled. `unsure`:
// the paths answered 「不确定」 (calculator-share.js), shown as such where the form offers it
// for the value the profile holds.
export function fillForm(form, profile, ensureRows, unsure = []) {
  clearForm(form);
  const unknown = [];
  const invalid = [];
  for (const [name, count] of Object.entries(profile)) {
    if (Array.isArray(count)) ensureRows(name, count.length);
  }
  const leaves = flatten(profile);
  const first = leaves.filter(([path]) => /(^|\.)(type|area|full_time|obtained_in_shanghai)$/.test(path));
  for (const [path, value] of [...first, ...leaves.filter((leaf) => !first.includes(leaf))]) {
    let controls = [...form.querySelectorAll(`[name="${CSS.escape(path)}"]`)];
    if (!controls.length || controls[0].dataset.local !== undefined) {
      unknown.push(path);
      continue;
    }
    const applicable = controls.filter((c) => applies(c, form));
    if (applicable.length) controls = applicable;
    const message = put(controls, value);
    if (message) invalid.push({ path, message });
  }
  for (const path of unsure) {
    for (const select of form.querySelectorAll(`select[data-unsure][name="${CSS.escape(path)}"]`)) {
      if (select.value === select.dataset.unsure) select.value = "unsure";
    }
  }
  return { unknown, invalid };
}

function put(controls, value) {
  const first = controls[0];
  if (value === null) return null;
  if (first.type === "checkbox") {
    if (typeof value !== "boolean") return "这一项应为“是”或“否”，链接中的值无法识别。";
    first.checked = first.dataset.negate !== undefined ? !value : value;
    return null;
  }
  const kind = first.dataset.kind;
  if (kind === "date-list") {
    if (!Array.isArray(value) || value.some((d) => typeof d !== "string")) {
      return "这一项应为日期列表，链接中的值无法识别。";
    }
    first.value = value.join("、");
    return null;
  }
  if (value !== null && typeof value === "object") return "链接中这一项的格式不对。";
  if (kind === "percent" && typeof value === "number") {
    first.value = String(Math.round(value * 1e8) / 1e6);
    return null;
  }
  const text = String(value);
  if (first.type === "radio") {
    const match = controls.find((c) => c.value === text);
    if (!match) return `链接中的“${text.slice(0, 40)}”不是这一项的可选值。`;
    match.checked = true;
    return null;
  }
  if (first.tagName === "SELECT") {
    if (![...first.options].some((o) => o.value === text)) {
      return `链接中的“${text.slice(0, 40)}”不是这一项的可选值。`;
    }
    first.value = text;
    return null;
  }
  first.value = text;
  return null;
}
