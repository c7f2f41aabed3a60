// Form <-> profile. Every control's `name` is its profile path ("education.level",
// "insurance[0].from"); `data-kind` says how its text becomes a JSON value. Values the
// engine must judge are passed on as typed, so the engine's own messages name the problem.
import { PROFILE_VERSION } from "./calculator-share.js";

function parsePath(path) {
  const keys = [];
  for (const piece of path.split(".")) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(piece);
    if (!match) return null;
    keys.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

function setPath(target, path, value) {
  const keys = parsePath(path);
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined) node[key] = typeof keys[i + 1] === "number" ? [] : {};
    node = node[key];
  });
}

// Leaves of a profile as [path, value]; arrays of objects become "name[i].key".
function flatten(value, prefix = "", out = []) {
  if (Array.isArray(value) && value.every((item) => item && typeof item === "object")) {
    value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out));
  } else if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.push([prefix, value]);
  }
  return out;
}

// "1990-5-12", "1990.05.12", "1990年5月12日", "19900512" -> "1990-05-12" (else unchanged).
export function normaliseDate(text, withDay) {
  const trimmed = text.trim();
  let groups = trimmed.match(/\d+/g) || [];
  if (groups.length === 1 && groups[0].length === (withDay ? 8 : 6)) {
    const digits = groups[0];
    groups = withDay
      ? [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6)]
      : [digits.slice(0, 4), digits.slice(4)];
  }
  const wanted = withDay ? 3 : 2;
  if (groups.length !== wanted || groups[0].length !== 4) return trimmed;
  if (groups.slice(1).some((g) => g.length > 2)) return trimmed;
  const leftover = trimmed.replace(/\d+/g, "").replace(/[-./年月日\s]/g, "");
  if (leftover) return trimmed;
  return groups.map((g, i) => (i ? g.padStart(2, "0") : g)).join("-");
}

function numberOrText(text, integer) {
  const cleaned = text.trim().replace(/[,，\s]/g, "").replace(/[．。]/g, ".");
  const pattern = integer ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)$/;
  return pattern.test(cleaned) ? Number(cleaned) : text.trim();
}

// Containers with data-when="path=value" apply only while that control has that value.
export function applies(control, form) {
  for (let node = control.closest("[data-when]"); node; node = node.parentElement?.closest("[data-when]")) {
    const match = /^(.*?)(!?)=(.*)$/.exec(node.dataset.when);
    if (!match) continue;
    const [, path, negate, wanted] = match;
    const equal = wanted.split("|").includes(controlValue(form, path) ?? "");
    if (negate ? equal : !equal) return false;
  }
  return true;
}

// Shows only the questions that apply to the answers given so far.
export function syncVisibility(form) {
  for (const node of form.querySelectorAll("[data-when]")) {
    const match = /^(.*?)(!?)=(.*)$/.exec(node.dataset.when);
    if (!match) continue;
    const [, path, negate, wanted] = match;
    const equal = wanted.split("|").includes(controlValue(form, path) ?? "");
    node.hidden = negate ? equal : !equal;
  }
}

function controlValue(form, path) {
  const controls = [...form.querySelectorAll(`[name="${CSS.escape(path)}"]`)];
  if (!controls.length) return undefined;
  const first = controls[0];
  if (first.type === "radio") return controls.find((c) => c.checked)?.value ?? "";
  if (first.type === "checkbox") {
    const yes = first.dataset.negate !== undefined ? !first.checked : first.checked;
    return yes ? "true" : "false";
  }
  return first.value;
}

function valueOf(control) {
  const kind = control.dataset.kind || "text";
  if (control.type === "checkbox") {
    // data-negate: the box asks the opposite of the field, which is true unless ticked
    if (control.dataset.negate !== undefined) return control.checked ? false : undefined;
    if (control.dataset.explicit !== undefined) return control.checked;
    return control.checked ? true : undefined;
  }
  if (control.type === "radio" && !control.checked) return undefined;
  const text = control.value;
  if (text.trim() === "") return undefined;
  if (kind === "date") return normaliseDate(text, true);
  if (kind === "month") return normaliseDate(text, false);
  if (kind === "int") return numberOrText(text, true);
  if (kind === "number") return numberOrText(text, false);
  if (kind === "percent") {
    const number = numberOrText(text, false);
    return typeof number === "number" ? Math.round(number * 1e6) / 1e8 : number;
  }
  if (kind === "date-list") {
    return text.split(/[,，、;；\s]+/).filter(Boolean).map((d) => normaliseDate(d, true));
  }
  if (kind === "bool") return text === "true" ? true : text === "false" ? false : text;
  return text.trim();
}

const ROW_STARTED = {
  insurance: (p) => ["from", "to", "base_multiple", "base_cny"].some((k) => p[k] !== undefined),
  credentials: (c) => c.type !== undefined,
};
let indexMaps = {};

// "insurance[1].from" in the profile sent -> the path of the form row it came from.
export function formPath(path) {
  return path.replace(/^(\w+)\[(\d+)\]/, (whole, name, index) => {
    const map = indexMaps[name];
    return map && map[Number(index)] !== undefined ? `${name}[${map[Number(index)]}]` : whole;
  });
}

// Always in today's format ("version", docs/profile.md), whatever was loaded into the form.
export function readProfile(form) {
  const profile = { version: PROFILE_VERSION };
  for (const control of form.elements) {
    if (!control.name || control.disabled || control.dataset.local !== undefined) continue;
    if (!applies(control, form)) continue;
    const value = valueOf(control);
    if (value !== undefined) setPath(profile, control.name, value);
  }
  // Rows nobody has started (an empty period, a credential of no type) are left out; the
  // map from profile index back to form row lets the engine's messages find their field.
  indexMaps = {};
  for (const [name, started] of Object.entries(ROW_STARTED)) {
    if (!Array.isArray(profile[name])) continue;
    const kept = [];
    const map = [];
    profile[name].forEach((row, i) => {
      if (row && started(row)) {
        kept.push(row);
        map.push(i);
      }
    });
    indexMaps[name] = map;
    if (kept.length) profile[name] = kept;
    else delete profile[name];
  }
  return profile;
}

export function clearForm(form) {
  for (const control of form.elements) {
    if (!control.name || control.dataset.local !== undefined) continue;
    if (control.type === "checkbox" || control.type === "radio") {
      control.checked = control.defaultChecked;
    } else if (control.tagName === "SELECT") {
      const preset = [...control.options].find((o) => o.defaultSelected);
      control.value = preset ? preset.value : control.options[0]?.value ?? "";
    } else {
      control.value = control.defaultValue;
    }
  }
}

// Puts a profile into the form. Returns {unknown: [paths], invalid: [{path, message}]}.
// `ensureRows(name, count)` creates repeated rows (periods) before they are filled.
export function fillForm(form, profile, ensureRows) {
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
