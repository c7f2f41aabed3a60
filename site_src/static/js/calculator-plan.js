// The plan section of the calculator (#plan-section): the road to the standard score as the
// planner (calculator/planner.py plan_profile) gives it. The person's own planning answers,
// the profile's `plan` object (docs/profile.md §3: target_date, expected, compare), live here
// and travel with the profile, so share links and saved copies keep them. What it shows is
// drawn by calculator-plan-parts.js. Text only ever goes in through textContent.

import { drawChart } from "./calculator-plan-chart.js";
import { planParts } from "./calculator-plan-parts.js";
import { compared } from "./calculator-plan-routes.js";
import { el } from "./dom.js";

export class Plan {
  // root: the calculator (#calculator). onChange(): plan again with the answers as they are
  // now (calculator.js scores, then plans).
  constructor(root, { onChange }) {
    this.view = {
      plan: root.querySelector("#plan"),
      target: root.querySelector("#plan-target"),
      targetField: root.querySelector("#plan-target-field"),
      status: root.querySelector("#plan-status"),
    };
    this.replan = onChange;
    this.answers = { target: "", expected: {}, compare: null };
    this.known = new Map(); // route id -> title, for a route the person's date moved off the list
    this.shown = null; // the plan on screen
    this.said = ""; // what to announce once the next plan is drawn
    this.drawnWidth = 0;
  }

  // Listens to the deadline field, the expected dates, the compare boxes (each re-plans) and
  // the section's width (the chart is redrawn to fit).
  watch() {
    const { view, answers } = this;
    view.target.value = answers.target;
    const complete = (text) => !text.trim() || /^\s*\d{4}\D+\d{1,2}\D+\d{1,2}\D*\s*$|^\s*\d{8}\s*$/.test(text);
    view.target.addEventListener("input", () => {
      answers.target = view.target.value;
      if (complete(view.target.value)) this.replan(); // a half-typed date waits for the field to be left
    });
    view.target.addEventListener("change", () => {
      answers.target = view.target.value;
      this.replan();
    });
    view.plan.addEventListener("change", (event) => {
      const input = event.target;
      if (input.dataset.compare) this.toggleCompare(input.dataset.compare, input.checked);
      else if (input.dataset.expected) this.setExpected(input.dataset.expected, input.value);
    });
    view.plan.addEventListener("keydown", (event) => {
      const input = event.target;
      if (event.key === "Enter" && input.dataset.expected) {
        event.preventDefault();
        this.setExpected(input.dataset.expected, input.value);
      }
    });
    view.plan.addEventListener("click", (event) => {
      const button = event.target.closest("[data-expected-reset]");
      if (!button) return;
      const id = button.dataset.expectedReset;
      delete answers.expected[id];
      this.said = `已改回默认估计的日期：${this.known.get(id) || id}。`;
      this.replan();
    });
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(() => {
        if (this.shown && Math.abs(this.chartWidth() - this.drawnWidth) >= 16) this.redrawChart();
      }).observe(view.plan);
    }
  }

  // ---- the profile's plan object -----------------------------------------------------------
  // `profile` with the person's planning answers as its `plan` object (none when there are none).
  profile(profile) {
    const { answers } = this;
    const plan = {};
    const target = answers.target.trim();
    if (target) plan.target_date = target;
    const expected = Object.entries(answers.expected).filter(([, day]) => day.trim());
    if (expected.length) plan.expected = Object.fromEntries(expected.map(([id, day]) => [id, day.trim()]));
    if (answers.compare?.length) plan.compare = [...answers.compare];
    return Object.keys(plan).length ? { ...profile, plan } : profile;
  }

  // The `plan` object of a profile being loaded (share link, saved copy); what is not of its
  // format is left out.
  set(raw) {
    const { answers } = this;
    const plan = raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {};
    answers.target = typeof plan.target_date === "string" ? plan.target_date : "";
    answers.expected = {};
    if (plan.expected && typeof plan.expected === "object") {
      for (const [id, day] of Object.entries(plan.expected)) {
        if (typeof day === "string") answers.expected[id] = day;
      }
    }
    // as many as given: the engine charts at most the plan's max_compared of them
    answers.compare = Array.isArray(plan.compare) ? plan.compare.filter((id) => typeof id === "string") : null;
    this.view.target.value = answers.target;
    this.markTarget("");
  }

  clear() {
    this.set(null);
    this.known.clear();
    this.shown = null;
    this.view.plan.replaceChildren();
    this.view.status.textContent = "";
  }

  setExpected(id, text) {
    const { answers } = this;
    const typed = text.trim();
    const route = this.shown?.routes.find((r) => r.id === id);
    const before = answers.expected[id] || "";
    if (typed === before || (!before && route && typed === route.starts_on)) return;
    if (typed) answers.expected[id] = typed;
    else delete answers.expected[id];
    this.said = `已按新的预计取得日期重新测算：${this.known.get(id) || id}。`;
    this.replan();
  }

  toggleCompare(id, on) {
    if (!this.shown) return;
    const now = compared(this.shown).filter((other) => other !== id);
    this.answers.compare = (on ? [...now, id] : now).slice(0, this.shown.max_compared);
    const title = this.known.get(id) || id;
    this.said = on ? `已加入对比：${title}。图表和对比表已更新。` : `已取消对比：${title}。图表和对比表已更新。`;
    this.replan();
  }

  // ---- answers from the engine -------------------------------------------------------------
  // `reply`: the worker's answer to a plan request ({ok, result} or {ok: false, problems}).
  show(reply) {
    if (!reply) return;
    if (!reply.ok) {
      this.showProblems(reply.problems || []);
      return;
    }
    this.markTarget("");
    this.render(reply.result);
    if (this.said) this.view.status.textContent = this.said;
    this.said = "";
  }

  markTarget(message) {
    const { view } = this;
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
  showProblems(problems) {
    const { view } = this;
    const mine = problems.filter((p) => p.path.startsWith("plan"));
    if (!mine.length) return;
    this.markTarget(mine.find((p) => p.path === "plan.target_date")?.zh || "");
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
      view.plan.prepend(
        el("p", { className: "plan-stale-note", text: "下面仍按修改前的日期测算；改好日期后会自动更新。" }),
      );
    }
    view.plan.dataset.stale = "true";
  }

  // ---- drawing -----------------------------------------------------------------------------
  chartWidth() {
    return this.view.plan.clientWidth || 320;
  }

  redrawChart() {
    const box = this.view.plan.querySelector(".plan-chart-box");
    if (!box) return;
    this.drawnWidth = this.chartWidth();
    box.replaceChildren(drawChart(this.shown, this.drawnWidth));
  }

  render(plan) {
    const { view, known } = this;
    this.shown = plan;
    delete view.plan.dataset.stale;
    for (const route of plan.routes) known.set(route.id, route.title);
    const active = view.plan.contains(document.activeElement) ? document.activeElement : null;
    // a date being typed (the form re-scores, and so re-plans, on every key) is kept as typed
    // until it is the person's answer (Enter, or leaving the field)
    const id = active?.dataset.expected;
    const typing =
      id && active.value.trim() !== (this.answers.expected[id] ?? null)
        ? { value: active.value, at: active.selectionStart }
        : null;
    const width = () => {
      this.drawnWidth = this.chartWidth();
      return this.drawnWidth;
    };
    view.plan.replaceChildren(...planParts(plan, { width, expected: this.answers.expected, known }));
    const again = active?.id ? document.getElementById(active.id) : null;
    if (again && typing) {
      again.value = typing.value;
      again.setSelectionRange(typing.at, typing.at);
    }
    again?.focus({ preventScroll: true });
  }
}
