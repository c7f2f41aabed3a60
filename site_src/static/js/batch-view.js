// The batch's table and printed pages drawn from the results (batch-table.js decides order,
// filter and links). Text only through dom.js, so nothing in a file is read as markup.
import { calculatorLink, matches, passWords, sorted } from "./batch-table.js";
import { el } from "./dom.js";

function list(items, className) {
  if (!items?.length) return null;
  return el("ul", { className }, ...items.map((text) => el("li", { text })));
}

function reachText(result) {
  if ((result.problems || []).length) return "—";
  if (!result.planned) return "计算中…";
  return result.reaches_on || result.reach_note || "—";
}

const hukouText = (result) => result.hukou_note || result.hukou_month || "—";

function nameCell(result) {
  const name = result.name || `第 ${result.row} 行`;
  const cell = el("th", { scope: "row" });
  if (result.profile) {
    cell.append(
      el("a", {
        href: calculatorLink(result.profile),
        target: "_blank",
        rel: "noopener",
        text: name,
        title: "在计算器里打开（新标签页）",
      }),
    );
  } else cell.append(name);
  cell.append(el("span", { className: "batch-row-number", text: `第 ${result.row} 行` }));
  return cell;
}

function tableRow(result) {
  const problem = (result.problems || []).length > 0;
  const pass = passWords(result);
  return el(
    "tr",
    { "data-state": problem ? "problem" : result.passes ? "pass" : "fail" },
    nameCell(result),
    el("td", { className: "batch-total", text: result.total ?? "—" }),
    el("td", { className: "batch-pass", text: pass }),
    el("td", { text: reachText(result) }),
    el("td", { text: hukouText(result) }),
    el("td", {}, list(result.to_confirm, "batch-confirm") || "—"),
    el("td", {}, list(result.problems, "batch-problems") || "—"),
  );
}

// Each result's row, made once: the table is drawn again as the rows come in, and a result is
// replaced (not changed) when its plan arrives.
const drawn = new WeakMap();

function rowOf(result) {
  if (!drawn.has(result)) drawn.set(result, tableRow(result));
  return drawn.get(result);
}

// Draws the rows that pass the filter, in the chosen order; returns how many are shown.
export function drawTable(table, results, { key, direction, filter }) {
  for (const th of table.querySelectorAll("th[data-key]")) {
    th.setAttribute("aria-sort", th.dataset.key === key ? direction : "none");
  }
  const rows = (key ? sorted(results, key, direction) : results).filter((r) => matches(r, filter));
  // only the rows that changed place or result are moved: the rest of the table stays laid out
  const body = table.tBodies[0];
  rows.forEach((result, i) => {
    const row = rowOf(result);
    if (body.children[i] !== row) body.insertBefore(row, body.children[i] || null);
  });
  while (body.children.length > rows.length) body.lastElementChild.remove();
  return rows.length;
}

// One printed page per person: name, total, what to confirm or correct, and the documents.
// labels: the table's column headers by result key (the engine's words).
export function drawPrintPages(box, results, labels) {
  const pages = results.map((result) => {
    const page = el("section", { className: "batch-person" }, el("h2", { text: result.name || `第 ${result.row} 行` }));
    const facts = el("dl");
    const fact = (term, text) => facts.append(el("dt", { text: term }), el("dd", { text: String(text) }));
    fact(labels.total, result.total ?? "—");
    fact(labels.passes, passWords(result));
    fact(labels.reaches_on, reachText(result));
    fact(labels.hukou_month, hukouText(result));
    page.append(facts);
    if (result.problems?.length) page.append(el("h3", { text: labels.problems }), list(result.problems));
    if (result.to_confirm?.length) page.append(el("h3", { text: labels.to_confirm }), list(result.to_confirm));
    if (result.documents?.length) {
      page.append(el("h3", { text: "要准备的材料" }));
      for (const group of result.documents) {
        page.append(el("h4", { text: group.purpose }), list(group.items));
      }
    }
    page.append(
      el("p", { className: "batch-print-note", text: `${box.dataset.site} · 积分规则 ${box.dataset.rules}` }),
    );
    return page;
  });
  box.replaceChildren(...pages);
}
