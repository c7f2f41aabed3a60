// Form -> profile, and the form's controls for a profile path. Every control's `name` is its
// profile path ("education.level", "insurance[0].from"); `data-kind` says how its text becomes
// a JSON value. Values the engine must judge are passed on as typed, so the engine's own
// messages name the problem. Profile -> form is calculator-form-fill.js.
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

// Dates, months, amounts of yuan and multiples go to the engine as typed (trimmed): it reads
// 1995年3月8日, 201907, 1.5万 or 0.8倍 in one place (calculator/parse.py) and says in words
// what to type when it cannot. The few fields whose profile key takes only a number (whole
// years, the investment share, head counts) get a plain number turned into one here; anything
// else is passed on for the engine to name.
function plainNumber(text, integer) {
  const tidy = text.normalize("NFKC").trim();
  const pattern = integer ? /^\d+$/ : /^\d+(\.\d+)?$|^\.\d+$/;
  return pattern.test(tidy) ? Number(tidy) : text.trim();
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

// Several controls may share a path (a certificate's level: title, skill or overseas): the
// one whose question applies holds the answer.
function controlValue(form, path) {
  const controls = [...form.querySelectorAll(`[name="${CSS.escape(path)}"]`)];
  if (!controls.length) return undefined;
  const first = controls.find((c) => c.type !== "radio" && applies(c, form)) || controls[0];
  if (first.type === "radio") return controls.find((c) => c.checked)?.value ?? "";
  if (first.type === "checkbox") {
    const yes = first.dataset.negate !== undefined ? !first.checked : first.checked;
    return yes ? "true" : "false";
  }
  return first.value;
}

function readValue(control) {
  const kind = control.dataset.kind || "text";
  if (control.type === "checkbox") {
    // data-negate: the box asks the opposite of the field, which is true unless ticked
    if (control.dataset.negate !== undefined) return control.checked ? false : undefined;
    if (control.dataset.explicit !== undefined) return control.checked;
    return control.checked ? true : undefined;
  }
  if (control.type === "radio" && !control.checked) {
    // data-unanswered: what the question sends while neither 是 nor 否 is chosen.
    const unanswered = control.dataset.unanswered;
    if (unanswered === undefined || controlValue(control.form, control.name) !== "") return undefined;
    return unanswered === "true";
  }
  const text = control.value;
  if (text.trim() === "") return undefined;
  // 「不确定」: scored as the answer that gives least (data-unsure), the other shown beside it.
  if (text === "unsure" && control.dataset.unsure !== undefined) return control.dataset.unsure;
  if (kind === "int") return plainNumber(text, true);
  if (kind === "number") return plainNumber(text, false);
  if (kind === "percent") {
    const number = plainNumber(text.trim().replace(/[%％]$/, ""), false);
    return typeof number === "number" ? Math.round(number * 1e6) / 1e8 : text.trim();
  }
  // Several dates in one field: split at the separators a list is typed with (a date itself
  // has none of them), each date as typed.
  if (kind === "date-list")
    return text
      .split(/[,，、;；]+|\s{2,}|\s+(?=\d{4})/)
      .map((d) => d.trim())
      .filter(Boolean);
  if (kind === "bool") return text === "true" ? true : text === "false" ? false : text;
  return text.trim(); // date, month, amount, multiple, text
}

const ROW_STARTED = {
  insurance: (p) => ["from", "to", "base_multiple", "base_cny"].some((k) => p[k] !== undefined),
  credentials: (c) => c.type !== undefined,
  permit: (p) => p.from !== undefined || p.to !== undefined,
  children: (c) => Object.keys(c).length > 0,
};

// "insurance[1].from" in the profile sent -> the path of the form row it came from (`rows`:
// what readProfile returned with that profile).
export function formPath(path, rows = {}) {
  return path.replace(/^(\w+)\[(\d+)\]/, (whole, name, index) => {
    const map = rows[name];
    return map && map[Number(index)] !== undefined ? `${name}[${map[Number(index)]}]` : whole;
  });
}

// The form field an engine problem belongs to: the field that must change. The engine names
// it (the base 二选一 at the base field to change); a problem about a whole insurance period
// ("insurance[0]": an overlap, or a period that is not an object) goes to its start month.
export function fieldPath(problem, rows = {}) {
  const path = formPath(problem.path, rows);
  return /^insurance\[\d+\]$/.test(path) ? `${path}.from` : path;
}

// Fields checked together: a period's two base fields are one answer (二选一), so leaving
// one for the other is not leaving the answer.
export function checkGroup(name) {
  const base = /^(insurance\[\d+\])\.base_(multiple|cny)$/.exec(name || "");
  return base ? `${base[1]}.base` : name;
}

// The answers in the form: {profile, rows, unsure}. The profile is always in today's format
// ("version", docs/profile.md), whatever was loaded into the form. Rows nobody has started (an
// empty period, a credential of no type) are left out; `rows` maps each kept row's index in
// the profile back to its form row ({insurance: [0, 2]}), so the engine's messages about that
// profile find their field (formPath). `unsure`: the profile paths answered 「不确定」.
export function readProfile(form) {
  const profile = { version: PROFILE_VERSION };
  const unsureFields = [];
  for (const control of form.elements) {
    if (!control.name || control.disabled || control.dataset.local !== undefined) continue;
    if (!applies(control, form)) continue;
    const value = readValue(control);
    if (value !== undefined) setPath(profile, control.name, value);
    if (control.value === "unsure" && control.dataset.unsure !== undefined) unsureFields.push(control.name);
  }
  const rows = {};
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
    rows[name] = map;
    if (kept.length) profile[name] = kept;
    else delete profile[name];
  }
  return { profile, rows, unsure: unsureFields.map((path) => profilePath(path, rows)).filter(Boolean) };
}

// "credentials[2].category" in the form -> its path in the profile read (rows left out shift
// the index), the inverse of formPath; null for a row that was left out.
function profilePath(path, rows) {
  const match = /^(\w+)\[(\d+)\]/.exec(path);
  if (!match || !rows[match[1]]) return path;
  const index = rows[match[1]].indexOf(Number(match[2]));
  return index < 0 ? null : path.replace(match[0], `${match[1]}[${index}]`);
}

// The form's control for a profile path, else for the nearest path above it that has one (a
// whole row → its first field); a control of a question that applies before a hidden one.
export function controlFor(form, path) {
  const trailing = /(\.[^.[\]]+|\[\d+\])$/;
  for (let at = path; at; at = at.replace(trailing, "")) {
    const found = controlAt(form, at);
    if (found) return found;
    if (!trailing.test(at)) break;
  }
  return null;
}

function controlAt(form, path) {
  const named = [...form.querySelectorAll("[name]")].filter((c) => c.dataset.local === undefined);
  const exact = named.filter((c) => c.name === path);
  const inside = named.filter((c) => c.name.startsWith(`${path}.`) || c.name.startsWith(`${path}[`));
  for (const group of [exact, inside]) {
    const applicable = group.filter((c) => applies(c, form));
    if (applicable.length || group.length) return applicable[0] || group[0];
  }
  return null;
}

// What a problem is called when no field of the form names it (never its internal path).
export const SOME_FIELD = "填写内容";

// A control's name as the person sees it: its field's label, after its row's ("证书 2·").
export function labelOf(control) {
  if (!control) return "";
  const field = control.closest(".field");
  const label = field?.querySelector(".label, label, legend");
  const row = control.closest(".row");
  const rowLabel = row?.dataset.rowLabel ? `${row.dataset.rowLabel}·` : "";
  return rowLabel + (label?.textContent || control.labels?.[0]?.textContent || SOME_FIELD).trim();
}

// A control holding an answer of the profile (not one of the page's own, data-local).
export function isAnswer(control) {
  return Boolean(control?.name) && control.dataset.local === undefined;
}

// A text field or select holding nothing; a box or a radio button is never empty.
export function isEmpty(control) {
  if (!control) return true;
  if (control.type === "checkbox" || control.type === "radio") return false;
  return control.value.trim() === "";
}
