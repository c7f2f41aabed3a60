// The plan's routes: the current course and each way to reach the standard sooner, as cards
// saying when, what it needs, its deadline, the documents it adds, the date the person
// expects (editable) and whether it is compared in the chart. Holds no state.
import { el } from "./dom.js";

// Routes whose start is a day the person expects (a certificate, a title, a degree).
const EXPECTABLE = new Set(["skill", "title", "education"]);

// The routes compared in the chart (the current course is always in it).
export function compared(plan) {
  return plan.projection.series.map((s) => s.id).filter((id) => id !== "time_only");
}

// When a route reaches the standard: the day it stays there, and a first stretch that does not
// last said in the engine's words (reach_note).
export function whenText(entry, standard) {
  if (entry.reach_note) return `${entry.reach_note}（届时 ${entry.total} 分）`;
  return entry.reaches_standard_on
    ? `预计 ${entry.reaches_standard_on} 达到（届时 ${entry.total} 分）`
    : `到 ${entry.total_on} 仍达不到 ${standard} 分（届时 ${entry.total} 分）`;
}

export function courseCard(plan) {
  const course = plan.time_only;
  const card = el(
    "li",
    { className: "route-card route-course", "data-course": course.id },
    el("h4", { text: course.title }),
    el("p", { className: "route-when", text: `${whenText(course, plan.standard)}。` }),
  );
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
    line.append(
      "；",
      el("span", { className: "route-deadline", "data-apply-until": route.apply_until, text: route.deadline_note }),
    );
  }
  return line;
}

function expectedField(id, value, { error = "", reset = false } = {}) {
  const input = el("input", {
    type: "text",
    id: `plan-expected-${id}`,
    name: `plan.expected.${id}`,
    "data-expected": id,
    inputmode: "numeric",
    autocomplete: "off",
    spellcheck: "false",
    className: "short",
    "aria-describedby": `plan-expected-${id}-hint`,
  });
  input.value = value;
  const field = el(
    "div",
    { className: "field route-expected" },
    el("label", { for: input.id, text: "预计取得日期" }),
    el("span", {
      className: "hint",
      id: `plan-expected-${id}-hint`,
      text: "改成你预计拿到的日子（如 20270630），会重新测算；清空则用默认估计",
    }),
    input,
  );
  if (error) field.classList.add("has-error");
  if (reset) {
    field.append(
      el("button", { type: "button", className: "secondary", "data-expected-reset": id, text: "改回默认估计" }),
    );
  }
  return field;
}

function compareBox(route, plan) {
  const now = compared(plan);
  const on = now.includes(route.id);
  const full = !on && now.length >= plan.max_compared;
  const id = `plan-compare-${route.id}`;
  const box = el(
    "div",
    { className: "check route-compare" },
    el("input", {
      type: "checkbox",
      id,
      "data-compare": route.id,
      checked: on,
      disabled: full,
      "aria-describedby": full ? `${id}-note` : null,
    }),
    el("label", { for: id, text: "在图表中对比" }),
  );
  const wrap = el("div", { className: "route-compare-wrap" }, box);
  if (full)
    wrap.append(
      el("p", {
        className: "hint",
        id: `${id}-note`,
        text: `最多同时对比 ${plan.max_compared} 个办法：先取消一个，再选这个。`,
      }),
    );
  return wrap;
}

// What a route adds to the documents to prepare (the entries of its new lines), folded.
function documentsLine(documents) {
  return el(
    "details",
    { className: "route-documents" },
    el("summary", { text: `还要准备的材料：${documents.map((d) => d.purpose).join("、")}` }),
    el("ul", {}, ...documents.flatMap((d) => d.items.map((item) => el("li", { text: item })))),
  );
}

// What a route out of reach needs first and why, in the engine's words, with its sources.
function reachLine(reach) {
  const links = reach.sources.flatMap((s, i) => [i ? "、" : "（", el("a", { href: s.url, text: s.title })]);
  if (links.length) links.push("）");
  return el("p", { className: "route-reach" }, el("strong", { text: `${reach.first}。` }), reach.why, ...links);
}

// The route's needs, the site's interpretation a higher base's wage rests on (本站解释D26)
// linked to where it is explained.
function needsLine(route) {
  const line = el("p", { className: "route-needs" }, el("strong", { text: "需要：" }));
  const cited = route.wage ? `本站解释${route.wage.decision}` : "";
  const at = cited ? route.needs.lastIndexOf(cited) : -1;
  if (at < 0) {
    line.append(route.needs);
    return line;
  }
  const link = el("a", { href: `/about/#decision-${route.wage.decision}`, text: cited });
  line.append(route.needs.slice(0, at), link, route.needs.slice(at + cited.length));
  return line;
}

function routeCard(route, plan, expected) {
  const card = el(
    "li",
    { className: "route-card", "data-route": route.id, "data-out-of-reach": route.out_of_reach ? "true" : null },
    el("h4", { text: route.title }),
    el("p", { className: "route-when", text: `${whenText(route, plan.standard)}。` }),
  );
  if (route.out_of_reach) card.append(reachLine(route.out_of_reach));
  if (plan.target) card.append(targetLine(route));
  card.append(needsLine(route));
  if (route.documents.length) card.append(documentsLine(route.documents));
  if (EXPECTABLE.has(route.kind)) {
    card.append(expectedField(route.id, route.starts_on, { reset: Boolean(expected[route.id]) }));
  }
  card.append(el("p", { className: "assumption", text: `假设：${route.assumption}` }));
  card.append(compareBox(route, plan));
  return card;
}

export function routesSection(plan, { expected, known }) {
  const parts = [];
  if (plan.routes.length) {
    parts.push(
      el("h3", { text: "更快达标的办法（按达标日期排序，要先具备条件的排在后面）" }),
      el("p", {
        className: "hint",
        text: `每个办法都可以勾选“在图表中对比”，最多 ${plan.max_compared} 个，和“照现在的情况继续”一起画在上面的图中、列在对比表里（都不选时显示最快的一个）。`,
      }),
      el("ol", { className: "plan-changes plan-routes" }, ...plan.routes.map((r) => routeCard(r, plan, expected))),
    );
  }
  // A route the person's own date made no sooner than the current course: its date stays
  // editable here, so the answer never disappears with the card.
  const listed = new Set(plan.routes.map((r) => r.id));
  const moved = Object.keys(expected).filter((id) => !listed.has(id) && known.has(id));
  if (moved.length) {
    parts.push(
      el(
        "ul",
        { className: "plan-changes plan-moved" },
        ...moved.map((id) =>
          el(
            "li",
            {
              className: "route-card route-out",
              "data-route-out": id,
            },
            el("h4", { text: known.get(id) }),
            el("p", {
              text: `按你填的预计取得日期（${expected[id]}），这个办法不会比“照现在的情况继续”更早达到 ${plan.standard} 分，所以没有列在上面。`,
            }),
            expectedField(id, expected[id], { reset: true }),
          ),
        ),
      ),
    );
  }
  return parts;
}
