// The form's answers in and out: reading them (with the plan's own), their share link, keeping
// them in this tab (sessionStorage), and filling the form from a share link, a catalogue
// entry's link, this tab's copy or a copy saved on this device, saying where they came from.

import { applies, isAnswer, isEmpty, readProfile, syncVisibility } from "./calculator-form.js";
import { fillForm } from "./calculator-form-fill.js";
import { linkNotice, savedNotice, sessionNotice, unknownKeysMessage } from "./calculator-notices.js";
import { refresh as refreshPicker } from "./calculator-picker.js";
import { ensureRows, resetRows } from "./calculator-rows.js";
import {
  currentFields,
  profileFromHash,
  session,
  shareURL,
  storage,
  unsurePaths,
  versionProblem,
} from "./calculator-share.js";
import { openIfAnswered } from "./hukou-card.js";

export class Answers {
  // root: the calculator (#calculator). loaded(): the form now holds other answers (score them).
  constructor(root, { form, plan, card, checks, loaded }) {
    Object.assign(this, { form, plan, card, checks, loaded });
    this.linkMessage = root.querySelector("#link-message");
    this.notice = root.querySelector("#calc-notice");
    this.name = () => ""; // the name typed for these answers (KeepAnswers), set by the page
    // The person has answered something (typed, chosen, or filled from a link or a saved copy):
    // only then are the answers kept in this tab.
    this.touched = false;
    // Kept once the start has filled the form from a link, this tab's copy or a saved one:
    // before, the form holds nothing of the person's yet.
    this.keeping = false;
  }

  // {profile, rows, unsure} (calculator-form.js readProfile), the plan's answers in the profile.
  read() {
    const { profile, rows, unsure } = readProfile(this.form);
    return { profile: this.plan.profile(profile), rows, unsure };
  }

  // What a share link or a saved copy holds: {profile, unsure}.
  saved() {
    const { profile, unsure } = this.read();
    return { profile, unsure };
  }

  link() {
    return shareURL(this.saved());
  }

  keepInTab() {
    if (!this.keeping || !this.touched) return;
    const saved = this.saved();
    const { version, plan, ...typed } = saved.profile;
    if (Object.keys(typed).length || this.name()) session.save(saved, this.name());
    else session.clear();
  }

  startKeeping() {
    this.keeping = true;
    this.keepInTab();
  }

  // Fills the form with `saved` ({profile, unsure}); returns false (and says why, leaving the
  // form as it was) for a profile of another format. checks: which fields' problems show at
  // once: "all" the fields that apply (a share link: the person who made it typed them),
  // "filled" those holding a value (a copy saved here), "none" (a link from a catalogue page:
  // the person has not typed anything yet).
  load({ profile, unsure }, { checks: checking = "filled" } = {}) {
    const problem = versionProblem(profile);
    if (problem) {
      this.linkMessage.textContent = problem;
      return false;
    }
    const { form, card, checks } = this;
    this.touched = true;
    // Other answers now: the last result on the card was someone else's and never comes back.
    card.forget();
    if (card.hasResult) card.showEmpty();
    resetRows(form);
    const { plan: planned, ...fields } = currentFields(profile, { asked: checking !== "none" });
    this.plan.set(planned);
    const filled = fillForm(form, fields, (name, count) => ensureRows(form, name, count), unsurePaths(unsure));
    refreshPicker();
    checks.reset();
    syncVisibility(form);
    openIfAnswered(form);
    for (const control of form.querySelectorAll("[name]")) {
      if (!isAnswer(control) || !applies(control, form)) continue;
      if (checking === "all" || (checking === "filled" && !isEmpty(control))) checks.check(control.name);
    }
    checks.linkProblems = filled.invalid.map((p) => ({ path: p.path, zh: p.message }));
    if (filled.unknown.length) this.linkMessage.textContent = unknownKeysMessage(filled.unknown.length);
    this.loaded();
    return true;
  }

  say(text) {
    this.notice.textContent = text;
    this.notice.hidden = !text;
  }

  // The answers of the address's #profile= part, if any: returns whether there was one.
  readHash() {
    this.linkMessage.textContent = "";
    const found = profileFromHash(location.hash);
    if (!found) return false;
    if (found.error) {
      this.linkMessage.textContent = `${found.error}表单仍可正常填写。`;
      return true;
    }
    // A catalogue entry's 用此证书计算 (#profile=…&from=catalogue) fills its certificate and
    // waits for the person; a share link is someone's answers, checked as they are.
    const fromCatalogue = found.from === "catalogue";
    if (this.load(found, { checks: fromCatalogue ? "none" : "all" }))
      this.say(linkNotice(found.profile, fromCatalogue));
    return true;
  }

  // This tab's answers (the person left the page and came back), else the copy saved last.
  // Returns the record filled in ({profile, unsure, name}) or null.
  restoreSaved() {
    const kept = session.load();
    if (kept && this.load(kept)) {
      this.say(sessionNotice());
      return { ...kept, fromTab: true };
    }
    const saved = storage.load();
    if (!saved || !this.load(saved)) return null;
    this.say(savedNotice(saved));
    return saved;
  }

  clearMessages() {
    this.linkMessage.textContent = "";
    this.say("");
  }
}
