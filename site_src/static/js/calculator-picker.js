// Credential picker: a combobox on the qualification-name and occupation fields that searches
// the two catalogues (name, alternative names, equivalent title) rendered into the page, and
// a card saying what the chosen entry is worth and which conditions apply.
import { el } from "./calculator-result.js";

const MAX_OPTIONS = 12;

let data = null;
function catalogues() {
  if (data) return data;
  try {
    data = JSON.parse(document.getElementById("catalogue-data")?.textContent || "{}");
  } catch {
    data = {};
  }
  data.qualifications ??= [];
  data.skills ??= [];
  data.points ??= {};
  return data;
}

const fold = (text) => String(text || "").normalize("NFKC").replace(/\s+/g, "").toLowerCase();

function entriesFor(kind) {
  const list = kind === "qualification" ? catalogues().qualifications : catalogues().skills;
  return list.map((entry) => ({
    entry,
    names: [entry.name, ...(entry.alt_names || [])],
    haystack: fold([entry.name, ...(entry.alt_names || []), entry.equivalent_title || ""].join("|")),
  }));
}

function search(kind, query) {
  const q = fold(query);
  const all = entriesFor(kind);
  if (!q) return all.slice(0, MAX_OPTIONS);
  const starts = all.filter((e) => e.names.some((n) => fold(n).startsWith(q)));
  const contains = all.filter((e) => !starts.includes(e) && e.haystack.includes(q));
  return [...starts, ...contains].slice(0, MAX_OPTIONS);
}

function exact(kind, text) {
  const q = fold(text);
  if (!q) return null;
  return entriesFor(kind).find((e) => e.names.some((n) => fold(n) === q))?.entry || null;
}

function card(kind, entry, text, row) {
  const points = catalogues().points;
  if (!text.trim()) return [];
  if (!entry) {
    if (kind !== "qualification") {
      return [el("p", { text: "这个职业不在高技能人才职业目录中：技能三级及以上按规则不计分（四级、五级不受影响）。" })];
    }
    // The overseas recognition list is not in this site's data: point to its own type.
    const toOverseas = el("button", { type: "button", className: "secondary", "data-to-overseas": true, text: "改按境外职业资格填写" });
    return [
      el("p", { text: "这个名称不在专业技术类职业资格目录中，按规则不计分。请从搜索结果中选择，或核对证书上的名称。" }),
      el("p", { text: "如果这是境外取得的职业资格证书，请在“证书类别”中选“境外职业资格（认可清单）”，按认可清单填写类别和对应的职称等级。" }),
      el("div", { className: "button-row" }, toOverseas),
    ];
  }
  if (kind === "qualification") {
    const lines = [
      el("p", {}, el("strong", { text: entry.name }), document.createTextNode(` · 目录第 ${entry.no} 项`)),
      el("p", { text: `相当于中级职称（${entry.equivalent_title || "中级"}），可计 ${points.qualification ?? ""} 分。` }),
      el("p", { text: "条件：证书与受聘岗位相符；近 12 个月中至少 6 个月社保基数不低于社平工资。" }),
    ];
    if (entry.registration_required) lines.push(el("p", { text: "这项资格须注册，注册有效期内才计分。" }));
    return lines;
  }
  const level = row?.querySelector('select[name$=".level"][data-kind="int"]')?.value;
  const worth = level && points.skill ? points.skill[level] : null;
  return [
    el("p", {}, el("strong", { text: entry.name }), document.createTextNode(` · 目录第 ${entry.no} 项`)),
    el("p", { text: worth ? `按你选的等级可计 ${worth} 分。` : "在目录中，三级及以上可计分。" }),
    el("p", { text: "条件：与受聘岗位相符；二级、一级还须近 12 个月中至少 6 个月社保基数不低于社平工资；外省市取得的须经本市核验。" }),
  ];
}

// Turns a credential row into an overseas one, keeping the name typed as the certificate's.
function switchToOverseas(row, name) {
  const type = row?.querySelector('select[name$=".type"]');
  if (!type) return;
  type.value = "overseas";
  const overseasName = row.querySelector('[data-when$=".type=overseas"] input[name$=".name"]');
  if (overseasName && !overseasName.value.trim()) overseasName.value = name.trim();
  type.dispatchEvent(new Event("change", { bubbles: true }));
  row.querySelector('[data-when$=".type=overseas"] select')?.focus();
}

function setup(field) {
  if (field.dataset.pickerReady) return;
  field.dataset.pickerReady = "1";
  const kind = field.dataset.picker;
  const input = field.querySelector("input");
  const list = field.querySelector('[role="listbox"]');
  const info = field.querySelector(".picker-card");
  let options = [];
  let active = -1;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function showCard() {
    const children = card(kind, exact(kind, input.value), input.value, field.closest(".row"));
    // Unchanged cards stay as they are, so a press on the card's button (which blurs the
    // input, whose change shows the card again) still reaches that button.
    const same = children.length === info.children.length
      && children.map((child) => child.textContent).join("") === info.textContent;
    if (!same) info.replaceChildren(...children);
    info.hidden = !children.length;
  }

  function open() {
    options = search(kind, input.value);
    list.replaceChildren(
      ...options.map((option, i) => {
        const alt = option.entry.alt_names?.length ? `又称 ${option.entry.alt_names.join("、")}` : "";
        const meta = [alt, option.entry.equivalent_title ? `相当于${option.entry.equivalent_title}` : ""].filter(Boolean).join(" · ");
        return el("li", { id: `${input.id}-option-${i}`, role: "option", "aria-selected": "false" },
          el("span", { text: option.entry.name }),
          meta ? el("span", { className: "option-meta", text: meta }) : null);
      }),
    );
    list.hidden = !options.length;
    input.setAttribute("aria-expanded", options.length ? "true" : "false");
    active = -1;
  }

  function highlight(index) {
    const items = [...list.children];
    items.forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
    active = index;
    if (items[index]) {
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    }
  }

  function choose(index) {
    const option = options[index];
    if (!option) return;
    input.value = option.entry.name;
    close();
    showCard();
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  input.addEventListener("input", (event) => {
    if (event.isTrusted) open();
    showCard();
  });
  input.addEventListener("focus", open);
  input.addEventListener("blur", () => setTimeout(close, 150));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (list.hidden) open();
      highlight(Math.min(active + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      close();
    }
  });
  info.addEventListener("click", (event) => {
    if (!event.target.closest("[data-to-overseas]")) return;
    switchToOverseas(field.closest(".row"), input.value);
  });
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const item = event.target.closest('[role="option"]');
    if (item) choose([...list.children].indexOf(item));
  });
  field.closest(".row")?.addEventListener("change", showCard);
  showCard();
}

export function refresh() {
  for (const field of document.querySelectorAll("[data-picker]")) {
    setup(field);
    field.querySelector("input").dispatchEvent(new Event("input"));
  }
}

// Rows added later get their picker through this observer.
export function watch(form) {
  refresh();
  new MutationObserver(() => {
    for (const field of form.querySelectorAll("[data-picker]:not([data-picker-ready])")) setup(field);
  }).observe(form, { childList: true, subtree: true });
}
