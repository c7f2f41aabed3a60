// The plan section of the calculator (#plan-section): the road to the standard score as the
// planner (calculator/planner.py plan_profile) gives it. The person's own planning answers,
// the profile's `plan` object (docs/profile.md §3: target_date, expected, compare), live here
// and travel with the profile, so share links and saved copies keep them. Text only ever goes
// in through textContent.
import { el } from "./calculator-result.js";
import { chartTable, drawChart, shortName } from "./calculator-plan-chart.js";

const MAX_COMPARED = 3;
// Routes whose start is a day the person expects (a certificate, a title, a degree).
const EXPECTABLE = new Set(["skill", "title", "education"]);

const state = { target: "", expected: {}, compare: null };
const known = new Map(); // route id -> title, for a route the person's date moved off the list
let view = null;
let shown = null; // the plan on screen
let replan = () => {};
let said = ""; // what to announce once the next plan is drawn
let drawnWidth = 0;

// ---- the profile's plan object -------------------------------------------------------------
// `profile` with the person's planning answers as its `plan` object (none when there are none).
export function planProfile(profile) {
  const plan = {};
  const target = state.target.trim();
  if (target) plan.target_date = target;
  const expected = Object.entries(state.expected).filter(([, day]) => day.trim());
  if (expected.length) plan.expected = Object.fromEntries(expected.map(([id, day]) => [id, day.trim()]));
  if (state.compare && state.compare.length) plan.compare = [...state.compare];
  return Object.keys(plan).length ? { ...profile, plan } : profile;
}

// The `plan` object of a profile being loaded (share link, saved copy); what is not of its
// format is left out.
export function setPlan(raw) {
  const plan = raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {};
  state.target = typeof plan.target_date === "string" ? plan.target_date : "";
  state.expected = {};
  if (plan.expected && typeof plan.expected === "object") {
    for (const [id, day] of Object.entries(plan.expected)) {
      if (typeof day === "string") state.expected[id] = day;
    }
  }
  state.compare = Array.isArray(plan.compare)
    ? plan.compare.filter((id) => typeof id === "string").slice(0, MAX_COMPARED)
    : null;
  if (view) {
    view.target.value = state.target;
    markTarget("");
  }
}

export function clearPlan() {
  setPlan(null);
  known.clear();
  shown = null;
  if (view) {
    view.plan.replaceChildren();
    view.status.textContent = "";
  }
}

// ---- wiring --------------------------------------------------------------------------------
// `onChange()`: plan again with the answers as they are now (calculator.js scores, then plans).
export function watchPlan(root, onChange) {
  view = {
    plan: root.querySelector("#plan"),
    target: root.querySelector("#plan-target"),
    targetField: root.querySelector("#plan-target-field"),
    status: root.querySelector("#plan-status"),
  };
  replan = onChange;
  view.target.value = state.target;
  const complete = (text) => !text.trim() || /^\s*\d{4}\D+\d{1,2}\D+\d{1,2}\D*\s*$|^\s*\d{8}\s*$/.test(text);
  view.target.addEventListener("input", () => {
    state.target = view.target.value;
    if (complete(view.target.value)) replan(); // a half-typed date waits for the field to be left
  });
  view.target.addEventListener("change", () => {
    state.target = view.target.value;
    replan();
  });
  view.plan.addEventListener("change", (event) => {
    const input = event.target;
    if (input.dataset.compare) toggleCompare(input.dataset.compare, input.checked);
    else if (input.dataset.expected) setExpected(input.dataset.expected, input.value);
  });
  view.plan.addEventListener("keydown", (event) => {
    const input = event.target;
    if (event.key === "Enter" && input.dataset.expected) {
      event.preventDefault();
      setExpected(input.dataset.expected, input.value);
    }
  });
  view.plan.addEventListener("click", (event) => {
    const button = event.target.closest("[data-expected-reset]");
    if (!button) return;
    const id = button.dataset.expectedReset;
    delete state.expected[id];
    said = `已改回默认估计的日期：${known.get(id) || id}。`;
    replan();
  });
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(() => {
      if (shown && Math.abs(chartWidth() - drawnWidth) >= 16) redrawChart();
    }).observe(view.plan);
  }
}

function setExpected(id, text) {
  const typed = text.trim();
  const route = shown?.routes.find((r) => r.id === id);
  const before = state.expected[id] || "";
  if (typed === before || (!before && route && typed === route.starts_on)) return;
  if (typed) state.expected[id] = typed;
  else delete state.expected[id];
  said = `已按新的预计取得日期重新测算：${known.get(id) || id}。`;
  replan();
}

function compared(plan) {
  return plan.projection.series.map((s) => s.id).filter((id) => id !== "time_only");
}

function toggleCompare(id, on) {
  if (!shown) return;
  const now = compared(shown).filter((other) => other !== id);
  state.compare = (on ? [...now, id] : now).slice(0, MAX_COMPARED);
  const title = known.get(id) || id;
  said = on ? `已加入对比：${title}。图表和对比表已更新。` : `已取消对比：${title}。图表和对比表已更新。`;
  replan();
}

// ---- answers from the engine ----------------------------------------------------------------
// `reply`: the worker's answer to a plan request ({ok, result} or {ok: false, problems}).
export function showPlan(reply) {
  if (!reply || !view) return;
  if (!reply.ok) {
    showProblems(reply.problems || []);
    return;
  }
  markTarget("");
  render(reply.result);
  if (said) view.status.textContent = said;
  said = "";
}

function markTarget(message) {
  const field = view.targetField;
  field.querySelector(".field-error")?.remove();
  field.classList.toggle("has-error", Boolean(message));
  if (message) {
    field.querySelector(".hint").after(el("p", { className: "field-error", id: "plan-target-error", text: message }));
    view.target.setAttribute("aria-invalid", "true");
    view.target.setAttribute("aria-describedby", "plan-target-hint plan-target-error");
  } else {
    view.target.removeAttribute("aria-invalid");
    view.target.setAttribute("aria-describedby", "plan-target-hint");
  }
}

// Problems with the planning answers: shown at their field; the plan on screen stays, marked
// as not yet following the new answers.
function showProblems(problems) {
  const mine = problems.filter((p) => p.path.startsWith("plan"));
  if (!mine.length) return;
  markTarget(mine.find((p) => p.path === "plan.target_date")?.zh || "");
  for (const problem of mine) {
    const id = /^plan\.expected\.(.+)$/.exec(problem.path)?.[1];
    if (!id) continue;
    const input = view.plan.querySelector(`[data-expected="${CSS.escape(id)}"]`);
    if (!input) continue;
    const field = input.closest(".field");
    field.querySelector(".field-error")?.remove();
    field.classList.add("has-error");
    const note = el("p", { className: "field-error", id: `${input.id}-error`, text: problem.zh });
    field.querySelector(".hint").after(note);
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${input.id}-hint ${note.id}`);
  }
  if (!view.plan.dataset.stale && view.plan.firstChild) {
    view.plan.prepend(el("p", { className: "plan-stale-note", text: "下面仍按修改前的日期测算；改好日期后会自动更新。" }));
  }
  view.plan.dataset.stale = "true";
}

// ---- drawing --------------------------------------------------------------------------------
function chartWidth() {
  return view.plan.clientWidth || 320;
}

function redrawChart() {
  const box = view.plan.querySelector(".plan-chart-box");
  if (!box) return;
  drawnWidth = chartWidth();
  box.replaceChildren(drawChart(shown, drawnWidth));
}

function render(plan) {
  shown = plan;
  delete view.plan.dataset.stale;
  for (const route of plan.routes) known.set(route.id, route.title);
  const focused = view.plan.contains(document.activeElement) ? document.activeElement.id : "";
  const parts = [el("p", { className: "plan-summary", text: plan.summary })];
  if (plan.target) parts.push(targetBox(plan));
  if (!plan.current.passes && !plan.current.vetoed) {
    parts.push(chartSection(plan));
    if (plan.projection.series.length > 1) parts.push(compareSection(plan));
    parts.push(el("h3", { text: "照现在的情况继续" }),
      el("ul", { className: "plan-changes plan-course" }, courseCard(plan)));
    parts.push(...routesSection(plan));
    parts.push(el("p", { className: "assumption", text: `测算到 ${plan.horizon} 为止；这些是按规则推算的情形，不是承诺。` }));
  }
  if (!plan.current.vetoed) parts.push(documentsNote(plan));
  view.plan.replaceChildren(...parts);
  if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
}

function verdictText(meets) {
  return meets ? "✓ 来得及" : "✗ 来不及";
}

// The deadline: the day to apply by, and whether the current course and each route make it.
function targetBox(plan) {
  const target = plan.target;
  const course = plan.time_only;
  const box = el("section", {
    className: "plan-target", "aria-labelledby": "plan-target-title",
    "data-makes": String(target.current_course_makes_it || target.routes_that_make_it.length > 0),
  });
  box.append(el("h3", { id: "plan-target-title", text: `截止日期 ${target.date}` }));
  if (target.apply_by_passed) {
    box.append(el("p", { className: "plan-apply-by", text: target.date < plan.as_of
      ? `截止日期 ${target.date} 已经过去。`
      : `按受理后约 ${target.processing_working_days} 个工作日推算，最迟的申请日已经过去：现在提出申请也来不及在 ${target.date} 前拿到结果。` }));
  } else {
    box.append(el("p", { className: "plan-apply-by" }, "最迟约在 ", el("strong", { "data-apply-by": target.apply_by, text: target.apply_by }), " 前提出申请"));
  }
  box.append(el("p", { className: "hint", text: `受理后约需 ${target.processing_working_days} 个工作日出结果（按工作日推算，没有算法定节假日，日期是估计）。单位提交、补材料也要时间，请尽量提前。` }));
  if (plan.current.passes) {
    box.append(el("p", { className: "plan-verdict", "data-meets": String(course.meets_target), text: course.meets_target
      ? `✓ 现在已达到标准分值：${course.deadline_note}。`
      : "✗ 现在已达到标准分值，但来不及在截止日期前拿到结果。" }));
    return box;
  }
  const when = course.reaches_standard_on ? `预计 ${course.reaches_standard_on} 达到` : `到 ${course.total_on} 仍达不到`;
  box.append(el("p", { className: "plan-verdict", "data-meets": String(course.meets_target) },
    el("strong", { text: `${verdictText(course.meets_target)}：` }), `按现在的情况继续（${when}）。`));
  if (!course.meets_target) {
    const titles = plan.routes.filter((r) => r.meets_target).map((r) => r.title);
    box.append(el("p", { className: "plan-verdict-routes", text: titles.length
      ? `来得及的办法：${titles.join("；")}（见下方各办法的最迟日期）。`
      : "本站列出的办法都来不及；可以向受理机构咨询，或考虑其他安排。" }));
  }
  return box;
}

function chartSection(plan) {
  drawnWidth = chartWidth();
  const details = el("details", { className: "plan-chart-data" },
    el("summary", { text: "查看图中的数字（表格）" }),
    el("div", { className: "table-scroll" }, chartTable(plan)));
  const figure = el("figure", { className: "plan-chart", "aria-labelledby": "plan-chart-title" },
    el("div", { className: "plan-chart-box" }, drawChart(plan, drawnWidth)),
    el("figcaption", { className: "hint", text: `每条线是一种做法下总分的变化；粗横线是 ${plan.standard} 分${plan.target ? "，竖虚线是截止日期" : ""}。勾选下方办法的“在图表中对比”可以换线（最多 ${MAX_COMPARED} 个）。` }),
    details);
  return el("section", { className: "plan-block" }, el("h3", { id: "plan-chart-title", text: "分数走势" }), figure);
}

// The compared routes side by side: when each reaches the standard, its total then, whether it
// makes the deadline, and each indicator's points on that day.
function compareSection(plan) {
  const entries = new Map([plan.time_only, ...plan.routes].map((e) => [e.id, e]));
  const columns = plan.projection.series.map((s) => entries.get(s.id)).filter(Boolean);
  const head = el("tr", {}, el("th", { scope: "col", text: "项目" }),
    ...columns.map((e) => el("th", { scope: "col", "data-series": e.id, text: shortName(e.id, e.title) })));
  // A cell's text; on a narrow screen a date may wrap after its year, a verdict after its mark.
  const cell = (text) => {
    const date = /^(\d{4}-)(\d{2}-\d{2})$/.exec(text);
    if (date) return el("td", {}, date[1], el("wbr"), date[2]);
    const verdict = /^([✓✗]) (.+)$/.exec(text);
    if (verdict) return el("td", {}, `${verdict[1]} `, el("span", { className: "nowrap", text: verdict[2] }));
    return el("td", { text });
  };
  const row = (key, label, cells) => el("tr", { "data-row": key },
    el("th", { scope: "row", text: label }), ...cells.map(cell));
  const rows = [
    row("reach", `达到${plan.standard}分`, columns.map((e) => e.reaches_standard_on || "15年内达不到")),
    row("total", "届时总分", columns.map((e) => String(e.total))),
  ];
  if (plan.target) rows.push(row("meets", "赶得上截止日期", columns.map((e) => verdictText(e.meets_target))));
  for (const [id, label] of Object.entries(plan.line_labels)) {
    const points = columns.map((e) => e.lines[id]);
    if (points.every((p) => p === 0)) continue;
    rows.push(row(`line-${id}`, label, points.map(String)));
  }
  const table = el("table", { className: "plan-table plan-compare" },
    el("caption", { text: `各自达到 ${plan.standard} 分那天的各项分数` }),
    el("thead", {}, head), el("tbody", {}, ...rows));
  const names = columns.map((e) => `${shortName(e.id, e.title)}：${e.title}`);
  const never = columns.filter((e) => !e.reaches_standard_on)
    .map((e) => `${shortName(e.id, e.title)}在 ${e.total_on} 前达不到 ${plan.standard} 分，它的一列是那天的分数`);
  return el("section", { className: "plan-block" },
    el("h3", { id: "plan-compare-title", text: "并排对比" }),
    el("div", { className: "table-scroll", role: "region", "aria-labelledby": "plan-compare-title", tabindex: "0" }, table),
    el("p", { className: "hint", text: `${[...names, ...never].join("；")}。` }));
}

function whenText(entry, standard) {
  return entry.reaches_standard_on
    ? `预计 ${entry.reaches_standard_on} 达到（届时 ${entry.total} 分）`
    : `到 ${entry.total_on} 仍达不到 ${standard} 分（届时 ${entry.total} 分）`;
}

function courseCard(plan) {
  const course = plan.time_only;
  const card = el("li", { className: "route-card route-course", "data-course": course.id },
    el("h4", { text: course.title }),
    el("p", { className: "route-when", text: `${whenText(course, plan.standard)}。` }));
  if (plan.target) card.append(targetLine(course));
  card.append(el("p", { className: "assumption", text: `假设：${course.assumption}` }));
  return card;
}

// Whether the route makes the deadline, then the engine's words: the latest day (or month of a
// higher base) it must start, and the last day to apply.
function targetLine(route) {
  const line = el("p", { className: "route-target", "data-meets": String(route.meets_target) });
  line.append(el("strong", { text: route.meets_target ? "✓ 赶得上截止日期" : "✗ 赶不上截止日期" }));
  if (route.deadline_note) {
    line.append("；", el("span", { className: "route-deadline", "data-apply-until": route.apply_until, text: route.deadline_note }));
  }
  return line;
}

function expectedField(id, value, { error = "", reset = false } = {}) {
  const input = el("input", {
    type: "text", id: `plan-expected-${id}`, name: `plan.expected.${id}`, "data-expected": id,
    inputmode: "numeric", autocomplete: "off", spellcheck: "false", className: "short",
    "aria-describedby": `plan-expected-${id}-hint`,
  });
  input.value = value;
  const field = el("div", { className: "field route-expected" },
    el("label", { for: input.id, text: "预计取得日期" }),
    el("span", { className: "hint", id: `plan-expected-${id}-hint`, text: "改成你预计拿到的日子（如 20270630），会重新测算；清空则用默认估计" }),
    input);
  if (error) field.classList.add("has-error");
  if (reset) {
    field.append(el("button", { type: "button", className: "secondary", "data-expected-reset": id, text: "改回默认估计" }));
  }
  return field;
}

function compareBox(route, plan) {
  const now = compared(plan);
  const on = now.includes(route.id);
  const full = !on && now.length >= MAX_COMPARED;
  const id = `plan-compare-${route.id}`;
  const box = el("div", { className: "check route-compare" },
    el("input", { type: "checkbox", id, "data-compare": route.id, checked: on, disabled: full,
      "aria-describedby": full ? `${id}-note` : null }),
    el("label", { for: id, text: "在图表中对比" }));
  const wrap = el("div", { className: "route-compare-wrap" }, box);
  if (full) wrap.append(el("p", { className: "hint", id: `${id}-note`, text: `最多同时对比 ${MAX_COMPARED} 个办法：先取消一个，再选这个。` }));
  return wrap;
}

// What a route adds to the documents to prepare (the entries of its new lines), folded.
function documentsLine(documents) {
  return el("details", { className: "route-documents" },
    el("summary", { text: `还要准备的材料：${documents.map((d) => d.purpose).join("、")}` }),
    el("ul", {}, ...documents.flatMap((d) => d.items.map((item) => el("li", { text: item })))));
}

function routeCard(route, plan) {
  const card = el("li", { className: "route-card", "data-route": route.id },
    el("h4", { text: route.title }),
    el("p", { className: "route-when", text: `${whenText(route, plan.standard)}。` }));
  if (plan.target) card.append(targetLine(route));
  card.append(el("p", { className: "route-needs" }, el("strong", { text: "需要：" }), route.needs));
  if (route.documents.length) card.append(documentsLine(route.documents));
  if (EXPECTABLE.has(route.kind)) {
    card.append(expectedField(route.id, route.starts_on,
      { reset: Boolean(state.expected[route.id]) }));
  }
  card.append(el("p", { className: "assumption", text: `假设：${route.assumption}` }));
  card.append(compareBox(route, plan));
  return card;
}

function routesSection(plan) {
  const parts = [];
  if (plan.routes.length) {
    parts.push(el("h3", { text: "更快达标的办法（按达标日期排序）" }),
      el("p", { className: "hint", text: `每个办法都可以勾选“在图表中对比”，最多 ${MAX_COMPARED} 个，和“照现在的情况继续”一起画在上面的图中、列在对比表里（都不选时显示最快的一个）。` }),
      el("ol", { className: "plan-changes plan-routes" }, ...plan.routes.map((r) => routeCard(r, plan))));
  }
  // A route the person's own date made no sooner than the current course: its date stays
  // editable here, so the answer never disappears with the card.
  const listed = new Set(plan.routes.map((r) => r.id));
  const moved = Object.keys(state.expected).filter((id) => !listed.has(id) && known.has(id));
  if (moved.length) {
    parts.push(el("ul", { className: "plan-changes plan-moved" }, ...moved.map((id) => el("li", {
      className: "route-card route-out", "data-route-out": id,
    }, el("h4", { text: known.get(id) }),
    el("p", { text: `按你填的预计取得日期（${state.expected[id]}），这个办法不会比“照现在的情况继续”更早达到 ${plan.standard} 分，所以没有列在上面。` }),
    expectedField(id, state.expected[id], { reset: true })))));
  }
  return parts;
}

// The documents: the card lists those for today's lines (#documents) and, once the standard is
// reached, the next steps (#next-steps); the routes name what they add.
function documentsNote(plan) {
  const here = (id) => document.getElementById(id);
  const link = (id, fallback, text) => el("a", { href: here(id) ? `#${id}` : fallback, text });
  if (plan.current.passes) {
    return el("p", { className: "plan-documents" }, "已达到标准分值：接下来怎么办见",
      link("next-steps", "/apply/#process", "下一步"), "，要准备的材料见", link("documents", "/apply/#materials", "材料清单"), "。");
  }
  return el("p", { className: "plan-documents" }, "现在得分的各项要准备哪些材料，见",
    link("documents", "/apply/#materials", "要准备的材料"), "；按上面的办法还要准备的，写在各办法里。办理步骤见",
    el("a", { href: "/apply/#process", text: "怎么申请" }), "。");
}
