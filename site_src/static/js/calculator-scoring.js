// Scoring the answers: each edit is sent to the engine worker at once (then planned, and checked
// for 居转户); the answer goes to the result card, the confirmations, the certificate notes, the
// plan and the 居转户 card, or to the fields' errors with the card marked out of date and why.

import { renderToConfirm } from "./calculator-confirm.js";
import { applies, controlFor, fieldPath, formPath, labelOf } from "./calculator-form.js";
import { shareURL } from "./calculator-share.js";

const PLAN_DELAY_MS = 150;

export class Scoring {
  // root: the calculator (#calculator); the rest are its components and the engine.
  constructor(root, { form, engine, card, plan, hukouCard, certNotes, checks, formErrors }) {
    Object.assign(this, { form, engine, card, plan, hukouCard, certNotes, checks, formErrors });
    this.confirmView = { section: root.querySelector("#to-confirm"), list: root.querySelector("#to-confirm-list") };
    this.title = root.querySelector("#result-title");
    // Bumped when the answers are replaced or cleared: a reply to a request made before belongs
    // to answers that are gone and is dropped.
    this.generation = 0;
    this.planTimer = 0;
    this.focusAfterCheck = false; // move to the errors or the result when the next reply comes
  }

  forget() {
    this.generation += 1;
    clearTimeout(this.planTimer);
  }

  // answers: {profile, rows, unsure} (calculator-answers.js read).
  score(answers) {
    const { profile, rows } = answers;
    const asked = this.generation;
    const number = this.checks.request();
    this.engine.latest("score", "score", profile).then((reply) => {
      if (!reply || asked !== this.generation) return;
      if (reply.ok) {
        this.showProblems([], number);
        this.card.render(reply.result, { shareURL: shareURL(answers) });
        renderToConfirm(this.confirmView, reply.result, (path) => this.confirmControl(formPath(path, rows)));
        this.certNotes.update(profile, rows, reply.result);
        this.planLater(profile);
      } else {
        this.showProblems(
          reply.problems.map((p) => ({ ...p, path: fieldPath(p, rows) })),
          number,
        );
      }
      if (this.focusAfterCheck) this.afterCheck();
    });
    // Asked at once: the worker checks it while the page draws the points.
    this.hukou(profile);
  }

  // The question of a confirmation: 已核验 is asked once 在上海工作期间取得 is answered 否; until
  // then the person is taken to that question.
  confirmControl(path) {
    const control = controlFor(this.form, path);
    if (control && !applies(control, this.form) && path.endsWith(".verified_in_shanghai")) {
      return controlFor(this.form, path.replace(/verified_in_shanghai$/, "obtained_in_shanghai")) || control;
    }
    return control;
  }

  // The 居转户 check of the same answers (calculator.hukou), right after the points. Answers the
  // engine cannot read leave the card as it was: their problems are shown with the points'.
  hukou(profile) {
    const card = this.hukouCard;
    if (!card.changed(profile)) {
      card.render(card.result, profile.plan?.target_date);
      return;
    }
    const asked = this.generation;
    this.engine.latest("hukou", "hukou", profile).then((reply) => {
      if (!reply || asked !== this.generation) return;
      if (reply.ok) card.render(reply.result, profile.plan?.target_date);
      else card.forget();
    });
  }

  planLater(profile) {
    clearTimeout(this.planTimer);
    const asked = this.generation;
    this.planTimer = setTimeout(() => {
      this.engine.latest("plan", "plan", profile).then((reply) => {
        if (reply && asked === this.generation) this.plan.show(reply);
      });
    }, PLAN_DELAY_MS);
  }

  // problems: the engine's, at the paths of the form's fields.
  showProblems(problems, number = this.checks.requests) {
    const { card, checks } = this;
    const { errors, missing, first } = this.formErrors.show(problems, number);
    // The card: while a field is being fixed, or a value typed is not checked yet, the last valid
    // result stays, marked out of date (markStale); otherwise what to fix, or what to fill first.
    // Never a previous person's total or headline.
    if (!problems.length && !checks.linkProblems.length) return;
    if ((checks.editing !== null || !errors.length) && card.markStale(true)) {
      card.staleBecause(this.staleReason(problems, first));
      return;
    }
    if (errors.length) card.showInputErrors(errors);
    else card.showEmpty(missing);
  }

  // Why the card is out of date, at the field to look at: its error, or the field being typed
  // in, or one still to fill, or a value not checked yet. {text, control} or null.
  staleReason(problems, first) {
    const { form, checks } = this;
    const editing = checks.editing && form.querySelector(`[name="${CSS.escape(checks.editing)}"]`);
    if (first?.message) return { text: `“${first.label}”：${first.message}`, control: first.control };
    if (editing) return { text: `正在填写“${labelOf(editing)}”，离开这一项后更新。`, control: editing };
    if (first) return { text: `还需要填写“${first.label}”。`, control: first.control };
    const waiting = problems.map((p) => controlFor(form, p.path)).find(Boolean);
    return waiting ? { text: `“${labelOf(waiting)}”的内容还要检查，离开这一项后更新。`, control: waiting } : null;
  }

  // After 检查并计算: to the list of errors, or (on a phone, where it is below the form) to the
  // result.
  afterCheck() {
    this.focusAfterCheck = false;
    const summary = this.formErrors.summary;
    if (summary.shown) {
      summary.focus();
      return;
    }
    const title = this.title;
    if (title.getBoundingClientRect().top > window.innerHeight) {
      title.setAttribute("tabindex", "-1");
      title.focus();
      title.scrollIntoView({ block: "start" });
    }
  }
}
