// The plan's total over time as an inline SVG drawn on the device from plan.projection
// (calculator/planner.py): one step line per series (the current course and the compared
// routes), the standard score, the deadline, and for each line a label saying when it reaches
// the standard. Lines differ by dash pattern and marker shape as well as colour; colours come
// from CSS classes (calculator-plan.css), so dark mode and print restyle them. A <table> of the
// same figures follows for screen readers and anyone who wants the numbers
// (calculator-plan-parts.js chartTable).

import { entry } from "./vocabulary.js";

const SVG = "http://www.w3.org/2000/svg";
// Per series, in projection order (0 = the current course): dash pattern and marker shape.
const DASHES = [null, "8 4", "2 3", "10 3 2 3"];
const MARKERS = ["circle", "square", "triangle", "diamond"];
const FONT = 13;
const LANE = 20;

// An SVG element; each child is an element or a string (its text).
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  node.append(...children);
  return node;
}

export function day(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

const round = (n) => Math.round(n * 10) / 10;

// A short name for a route, for labels and table headings (the card shows its full title).
export function shortName(id, title) {
  if (id === "time_only") return "照现状";
  if (id === "three_places") return "三地一致";
  if (id === "education_bachelor") return "本科学历";
  if (id === "key_area_years") return "重点区域";
  const titleLevel = /^title_(\w+)$/.exec(id)?.[1];
  if (titleLevel && entry("title_levels", titleLevel).title) return entry("title_levels", titleLevel).title;
  let match = /^skill_(\d)$/.exec(id);
  if (match) return `技能${entry("skill_levels", match[1]).name || `${match[1]}级`}`;
  match = /^base_([\d.]+)$/.exec(id);
  if (match) return `基数${match[1]}倍`;
  return title.length > 6 ? `${title.slice(0, 6)}…` : title;
}

// A step of the y axis that has the standard score as one of its ticks.
function yStep(range, standard) {
  for (const step of [10, 20, 30, 40, 60]) {
    if (standard % step === 0 && range / step <= 5) return step;
  }
  return standard;
}

function marker(shape, x, y, className) {
  const r = 4.5;
  if (shape === "circle") return svg("circle", { cx: x, cy: y, r, class: className });
  if (shape === "square") {
    return svg("rect", { x: round(x - r), y: round(y - r), width: 2 * r, height: 2 * r, class: className });
  }
  const points =
    shape === "triangle"
      ? [
          [x, y - r - 1],
          [x + r + 1, y + r],
          [x - r - 1, y + r],
        ]
      : [
          [x, y - r - 1],
          [x + r + 1, y],
          [x, y + r + 1],
          [x - r - 1, y],
        ];
  return svg("polygon", { points: points.map((p) => p.map(round).join(",")).join(" "), class: className });
}

// The series of the projection with what the chart says about each: its route entry, when it
// reaches the standard (within the chart) and its total then.
function describe(plan) {
  const entries = new Map([plan.time_only, ...plan.routes].map((e) => [e.id, e]));
  const { dates } = plan.projection;
  const last = dates[dates.length - 1];
  return plan.projection.series.map((series, index) => {
    const entry = entries.get(series.id);
    const reach = entry?.reaches_standard_on && entry.reaches_standard_on <= last ? entry.reaches_standard_on : null;
    return {
      ...series,
      index,
      entry,
      reach,
      reachTotal: reach ? entry.total : null,
      short: shortName(series.id, series.title),
      lastTotal: series.totals[series.totals.length - 1],
    };
  });
}

// A line that never reaches the standard within the plan's horizon says so with its figure
// there (the chart itself stops sooner); one that reaches it after the chart ends, with the
// chart's last figure.
function never(line) {
  return line.entry && !line.entry.reaches_standard_on;
}

function laneText(line, standard, last) {
  if (line.reach) return `${line.short}：${line.reach} 达到${standard}`;
  return never(line)
    ? `${line.short}：到${line.entry.total_on}仍未达到（${line.entry.total}分）`
    : `${line.short}：到${last}未达到（${line.lastTotal}分）`;
}

// The sentence a screen reader hears for the picture (the table below has every figure).
function summary(lines, plan, last) {
  const parts = lines.map((line) =>
    line.reach
      ? `${line.title}，预计${line.reach}达到${plan.standard}分`
      : never(line)
        ? `${line.title}，到${line.entry.total_on}仍达不到${plan.standard}分（届时${line.entry.total}分），图中画到${last}`
        : `${line.title}，到${last}仍达不到${plan.standard}分（届时${line.lastTotal}分）`,
  );
  const target = plan.target ? `截止日期${plan.target.date}。` : "";
  return `分数走势图：${parts.join("；")}。${target}具体数字见图下的表格。`;
}

// The vertices of a step line: each total holds until the next date; a route that reaches the
// standard between two dates of the projection steps up on its own day.
function stepPoints(line, dates, x, y) {
  const points = [];
  let previous = null;
  const reachDay = line.reach ? day(line.reach) : null;
  dates.forEach((iso, i) => {
    const at = day(iso);
    if (previous !== null && reachDay !== null && reachDay > day(dates[i - 1]) && reachDay < at) {
      points.push([x(reachDay), y(previous)], [x(reachDay), y(line.reachTotal)]);
      previous = line.reachTotal;
    }
    if (previous !== null) points.push([x(at), y(previous)]);
    points.push([x(at), y(line.totals[i])]);
    previous = line.totals[i];
  });
  return points.map((p) => p.map(round).join(",")).join(" ");
}

// The chart's geometry, from the figures alone (no DOM; tests/js/chart.test.mjs): the
// picture's size for `width` px with `lanes` label lanes above the plot, the plot's box, the
// y axis (from y0 to y1 in steps of `step`, the standard always a tick) and the two scales,
// x(day number) and y(total).
export function scales({ first, last, values, standard, lanes, width }) {
  const W = Math.round(Math.max(280, Math.min(720, width)));
  const plotH = Math.round(Math.max(150, Math.min(260, W * 0.5)));
  const box = { left: 38, right: W - 12, top: 12 + lanes * LANE + 8, bottom: 0 };
  box.bottom = box.top + plotH;
  const H = box.bottom + 26;
  const all = [...values, standard];
  const step = yStep(Math.max(...all) - Math.min(...all), standard);
  const y0 = Math.floor(Math.min(...all) / step) * step;
  let y1 = Math.ceil(Math.max(...all) / step) * step;
  if (y1 === y0) y1 = y0 + step;
  const t0 = day(first);
  const t1 = Math.max(day(last), t0 + 1);
  const pad = 4; // keeps a line on the top or bottom value clear of the frame
  const x = (t) => box.left + ((t - t0) / (t1 - t0)) * (box.right - box.left);
  const y = (v) => box.bottom - pad - ((v - y0) / (y1 - y0)) * (plotH - 2 * pad);
  return { W, H, plotH, box, pad, step, y0, y1, x, y };
}

export function drawChart(plan, width) {
  const { dates } = plan.projection;
  const standard = plan.standard;
  const first = dates[0];
  const last = dates[dates.length - 1];
  const lines = describe(plan);
  const lanes = lines.length + (plan.target ? 1 : 0);
  const values = lines.flatMap((l) => l.totals);
  const { W, H, box, pad, step, y0, y1, x, y } = scales({ first, last, values, standard, lanes, width });

  const chart = svg("svg", {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    role: "img",
    class: "plan-chart-svg",
    "aria-label": summary(lines, plan, last),
    "font-size": FONT,
    "data-x0": first,
    "data-x1": last,
    "data-y0": y0,
    "data-y1": y1,
    "data-plot": [box.left, box.top + pad, box.right, box.bottom - pad].join(" "),
  });

  // grid and y axis: the standard score is always a tick, drawn stronger
  const grid = svg("g", { class: "plan-chart-grid" });
  for (let v = y0; v <= y1; v += step) {
    const at = round(y(v));
    const strong = v === standard;
    grid.append(
      svg("line", {
        x1: box.left,
        x2: box.right,
        y1: at,
        y2: at,
        class: strong ? "plan-chart-standard" : "plan-chart-gridline",
      }),
    );
    grid.append(
      svg(
        "text",
        {
          x: box.left - 5,
          y: at + 4,
          "text-anchor": "end",
          class: strong ? "plan-chart-label plan-chart-label-strong" : "plan-chart-label",
        },
        String(v),
      ),
    );
  }
  // x axis: 1 January of the years in view, as many as fit
  const firstYear = Number(first.slice(0, 4)) + 1;
  const lastYear = Number(last.slice(0, 4));
  const fit = Math.max(1, Math.floor((box.right - box.left) / 52));
  const every = Math.max(1, Math.ceil((lastYear - firstYear + 1) / fit));
  for (let year = firstYear; year <= lastYear; year += every) {
    const at = round(x(day(`${year}-01-01`)));
    grid.append(svg("line", { x1: at, x2: at, y1: box.top, y2: box.bottom + 4, class: "plan-chart-gridline" }));
    grid.append(
      svg("text", { x: at, y: box.bottom + 18, "text-anchor": "middle", class: "plan-chart-label" }, String(year)),
    );
  }
  grid.append(svg("line", { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom, class: "plan-chart-axis" }));
  chart.append(grid);

  // the deadline (named in the labels above the plot)
  if (plan.target) {
    const at = round(x(day(plan.target.date)));
    chart.append(
      svg(
        "g",
        { class: "plan-chart-deadline", "data-date": plan.target.date },
        svg("line", { x1: at, x2: at, y1: box.top, y2: box.bottom, "stroke-dasharray": "5 3" }),
      ),
    );
  }

  // the lines, the current course last so it stays on top
  for (const line of [...lines].reverse()) {
    const group = svg("g", { class: `plan-chart-series series-${line.index}`, "data-series": line.id });
    group.append(
      svg("polyline", {
        points: stepPoints(line, dates, x, y),
        fill: "none",
        class: "plan-chart-line",
        "stroke-dasharray": DASHES[line.index],
        "data-totals": line.totals.join(","),
        "data-reach": line.reach || "",
      }),
    );
    if (line.reach) {
      group.append(marker(MARKERS[line.index], round(x(day(line.reach))), round(y(standard)), "plan-chart-marker"));
    }
    chart.append(group);
  }

  // a label per line, above the plot, soonest first: its pattern, its marker and its date
  const order = [...lines].sort((a, b) => (a.reach || "9999").localeCompare(b.reach || "9999") || a.index - b.index);
  order.forEach((line, row) => {
    const at = 12 + row * LANE + 4;
    chart.append(
      svg(
        "g",
        { class: `plan-chart-lane series-${line.index}`, "data-series": line.id },
        svg("line", {
          x1: 2,
          x2: 26,
          y1: at,
          y2: at,
          class: "plan-chart-line",
          "stroke-dasharray": DASHES[line.index],
        }),
        marker(MARKERS[line.index], 14, at, "plan-chart-marker"),
        svg("text", { x: 32, y: at + 4, class: "plan-chart-label" }, laneText(line, standard, last)),
      ),
    );
  });
  if (plan.target) {
    const at = 12 + lines.length * LANE + 4;
    chart.append(
      svg(
        "g",
        { class: "plan-chart-deadline plan-chart-lane" },
        svg("line", { x1: 14, x2: 14, y1: at - 7, y2: at + 7, "stroke-dasharray": "5 3" }),
        svg("text", { x: 32, y: at + 4 }, `截止日期：${plan.target.date}`),
      ),
    );
  }
  return chart;
}
