// The plan section's content, drawn from the planner's answer (calculator/planner.py
// plan_profile) and the person's own planning answers, holding no state: the summary, the
// deadline box, the chart with its table, the comparison, the current course and the route cards
// (calculator-plan-routes.js), and where the documents are. The section itself is calculator-plan.js. Text only ever goes
// in through textContent.

import { drawChart, shortName } from "./calculator-plan-chart.js";
import { courseCard, routesSection } from "./calculator-plan-routes.js";
import { el } from "./dom.js";

// Everything the section shows for `plan`: width(), the chart's width in px (asked only when
// there is a chart: it makes the browser lay the page out); expected, the
// person's dates by route id; known, route id -> title of every route listed so far (a route
// the person's date moved off the list keeps its editable date).
export function planParts(plan, { width, expected, known }) {
  const parts = [el("p", { className: "plan-summary", text: plan.summary })];
  if (plan.target) parts.push(targetBox(plan));
  if (!plan.current.passes && !plan.current.vetoed) {
    parts.push(chartSection(plan, width));
    if (plan.projection.series.length > 1) parts.push(compareSection(plan));
    parts.push(
      el("h3", { text: "照现在的情况继续" }),
      el("ul", { className: "plan-changes plan-course" }, courseCard(plan)),
    );
    parts.push(...routesSection(plan, { expected, known }));
    parts.push(
      el("p", { className: "assumption", text: `测算到 ${plan.horizon} 为止；这些是按规则推算的情形，不是承诺。` }),
    );
  }
  if (!plan.current.vetoed) parts.push(documentsNote(plan));
  return parts;
}

function verdictText(meets) {
  return meets ? "✓ 来得及" : "✗ 来不及";
}

// The deadline: the one binding latest day to apply (the engine's latest_note, its day in bold),
// why to apply early for someone at the standard today, and whether the current course and
// each route make it.
function targetBox(plan) {
  const target = plan.target;
  const course = plan.time_only;
  const box = el("section", {
    className: "plan-target",
    "aria-labelledby": "plan-target-title",
    "data-makes": String(target.current_course_makes_it || target.routes_that_make_it.length > 0),
  });
  box.append(el("h3", { id: "plan-target-title", text: `截止日期 ${target.date}` }), leadLine(target));
  if (target.early_note) box.append(el("p", { className: "plan-early", text: target.early_note }));
  box.append(
    el("p", {
      className: "hint",
      text: `受理后约需 ${target.processing_working_days} 个工作日出结果（按工作日推算，没有算法定节假日，日期是估计）。单位提交、补材料也要时间，请尽量提前。`,
    }),
  );
  if (plan.current.passes) {
    box.append(
      el("p", {
        className: "plan-verdict",
        "data-meets": String(course.meets_target),
        text: course.meets_target
          ? `${verdictText(true)}：现在已达到标准分值。`
          : "✗ 现在已达到标准分值，但来不及在截止日期前拿到结果。",
      }),
    );
    return box;
  }
  // a first stretch at the standard that does not last is said in the engine's words
  const when =
    course.reach_note ||
    (course.reaches_standard_on ? `预计 ${course.reaches_standard_on} 达到` : `到 ${course.total_on} 仍达不到`);
  box.append(
    el(
      "p",
      { className: "plan-verdict", "data-meets": String(course.meets_target) },
      el("strong", { text: `${verdictText(course.meets_target)}：` }),
      `按现在的情况继续（${when}）。`,
    ),
  );
  if (!course.meets_target) {
    // a route that needs something first says what, after its title
    const titles = plan.routes
      .filter((r) => r.meets_target)
      .map((r) => (r.out_of_reach ? `${r.title}（${r.out_of_reach.first}）` : r.title));
    box.append(
      el("p", {
        className: "plan-verdict-routes",
        text: titles.length
          ? `来得及的办法：${titles.join("；")}（见下方各办法的最迟日期）。`
          : "本站列出的办法都来不及；可以向受理机构咨询，或考虑其他安排。",
      }),
    );
  }
  return box;
}

// The box's lead: the engine's sentence, the one binding latest day in it in bold (the day to
// apply by when nothing makes it; no day once the day to apply by has passed).
function leadLine(target) {
  const day = target.apply_by_passed ? null : target.latest_day || target.apply_by;
  const note = target.latest_note;
  const at = day ? note.indexOf(day) : -1;
  const line = el("p", { className: "plan-apply-by", "data-latest-day": target.latest_day });
  if (at < 0) {
    line.textContent = note;
    return line;
  }
  line.append(note.slice(0, at), el("strong", { "data-apply-by": day, text: day }), note.slice(at + day.length));
  return line;
}

function chartSection(plan, width) {
  const details = el(
    "details",
    { className: "plan-chart-data" },
    el("summary", { text: "查看图中的数字（表格）" }),
    el("div", { className: "table-scroll" }, chartTable(plan)),
  );
  const figure = el(
    "figure",
    { className: "plan-chart", "aria-labelledby": "plan-chart-title" },
    el("div", { className: "plan-chart-box" }, drawChart(plan, width())),
    el("figcaption", {
      className: "hint",
      text: `每条线是一种做法下总分的变化；粗横线是 ${plan.standard} 分${plan.target ? "，竖虚线是截止日期" : ""}。勾选下方办法的“在图表中对比”可以换线（最多 ${plan.max_compared} 个）。`,
    }),
    details,
  );
  return el("section", { className: "plan-block" }, el("h3", { id: "plan-chart-title", text: "分数走势" }), figure);
}

// The compared routes side by side: when each reaches the standard, its total then, whether it
// makes the deadline, and each indicator's points on that day.
function compareSection(plan) {
  const entries = new Map([plan.time_only, ...plan.routes].map((e) => [e.id, e]));
  const columns = plan.projection.series.map((s) => entries.get(s.id)).filter(Boolean);
  const head = el(
    "tr",
    {},
    el("th", { scope: "col", text: "项目" }),
    ...columns.map((e) => el("th", { scope: "col", "data-series": e.id, text: shortName(e.id, e.title) })),
  );
  // A cell's text; on a narrow screen a date may wrap after its year, a verdict after its mark.
  const cell = (text) => {
    const date = /^(\d{4}-)(\d{2}-\d{2})$/.exec(text);
    if (date) return el("td", {}, date[1], el("wbr"), date[2]);
    const verdict = /^([✓✗]) (.+)$/.exec(text);
    if (verdict) return el("td", {}, `${verdict[1]} `, el("span", { className: "nowrap", text: verdict[2] }));
    return el("td", { text });
  };
  const row = (key, label, cells) =>
    el("tr", { "data-row": key }, el("th", { scope: "row", text: label }), ...cells.map(cell));
  const rows = [
    row(
      "reach",
      `达到${plan.standard}分`,
      columns.map((e) => e.reaches_standard_on || `${plan.horizon_years}年内达不到`),
    ),
    row(
      "total",
      "届时总分",
      columns.map((e) => String(e.total)),
    ),
  ];
  if (plan.target)
    rows.push(
      row(
        "meets",
        "赶得上截止日期",
        columns.map((e) => verdictText(e.meets_target)),
      ),
    );
  for (const [id, label] of Object.entries(plan.line_labels)) {
    const points = columns.map((e) => e.lines[id]);
    if (points.every((p) => p === 0)) continue;
    rows.push(row(`line-${id}`, label, points.map(String)));
  }
  const table = el(
    "table",
    { className: "plan-table plan-compare" },
    el("caption", { text: `各自达到 ${plan.standard} 分那天的各项分数` }),
    el("thead", {}, head),
    el("tbody", {}, ...rows),
  );
  const names = columns.map((e) => `${shortName(e.id, e.title)}：${e.title}`);
  const never = columns
    .filter((e) => !e.reaches_standard_on)
    .map((e) => `${shortName(e.id, e.title)}在 ${e.total_on} 前达不到 ${plan.standard} 分，它的一列是那天的分数`);
  return el(
    "section",
    { className: "plan-block" },
    el("h3", { id: "plan-compare-title", text: "并排对比" }),
    el(
      "div",
      { className: "table-scroll", role: "region", "aria-labelledby": "plan-compare-title", tabindex: "0" },
      table,
    ),
    el("p", { className: "hint", text: `${[...names, ...never].join("；")}。` }),
  );
}

// The documents: the card lists those for today's lines (#documents) and, once the standard is
// reached, the next steps (#next-steps); the routes name what they add.
function documentsNote(plan) {
  const here = (id) => document.getElementById(id);
  const link = (id, fallback, text) => el("a", { href: here(id) ? `#${id}` : fallback, text });
  if (plan.current.passes) {
    return el(
      "p",
      { className: "plan-documents" },
      "已达到标准分值：接下来怎么办见",
      link("next-steps", "/apply/#process", "下一步"),
      "，要准备的材料见",
      link("documents", "/apply/#materials", "材料清单"),
      "。",
    );
  }
  return el(
    "p",
    { className: "plan-documents" },
    "现在得分的各项要准备哪些材料，见",
    link("documents", "/apply/#materials", "要准备的材料"),
    "；按上面的办法还要准备的，写在各办法里。办理步骤见",
    el("a", { href: "/apply/#process", text: "怎么申请" }),
    "。",
  );
}

// The same figures as a table: the dates on which any line changes, with the first and last.
function chartTable(plan) {
  const { dates, series } = plan.projection;
  const keep = dates.map(
    (_, i) => i === 0 || i === dates.length - 1 || series.some((s) => s.totals[i] !== s.totals[i - 1]),
  );
  const table = document.createElement("table");
  table.className = "plan-table plan-chart-table";
  const caption = document.createElement("caption");
  caption.textContent = "图中各条线的总分（只列出分数有变化的日期）";
  table.append(caption);
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.scope = "col";
  corner.textContent = "日期";
  head.append(corner);
  for (const s of series) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = shortName(s.id, s.title);
    head.append(th);
  }
  const body = table.createTBody();
  dates.forEach((iso, i) => {
    if (!keep[i]) return;
    const row = body.insertRow();
    row.dataset.date = iso;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = iso;
    row.append(th);
    for (const s of series) row.insertCell().textContent = String(s.totals[i]);
  });
  return table;
}
