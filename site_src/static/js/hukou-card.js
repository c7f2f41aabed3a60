// The 居转户 card beside the points result: calculator.hukou's result (docs/hukou.md) drawn on
// every answer — the headline with the month the employer can file, the other routes in reach,
// what is missing, what is still to confirm, who moves with the applicant, what the employer
// files, the procedure and the status of the rules. Holds no state but the result shown.
import { el } from "./dom.js";
import { missingNow, otherRoutes, planLine, routeText } from "./hukou-words.js";

export class HukouCard {
  constructor(root) {
    const $ = (id) => root.querySelector(`#${id}`);
    // The profile keys the check reads (calculator.profile_format.HUKOU_KEYS, in the page's
    // #profile-format): an answer elsewhere (education, bonus, plan) leaves the result as it was.
    this.keys = JSON.parse(document.getElementById("profile-format").textContent).hukou_keys;
    this.asked = null;
    this.result = null;
    this.card = $("hukou-card");
    this.parts = {
      headline: $("hukou-headline"),
      others: $("hukou-others"),
      othersList: $("hukou-others-list"),
      missing: $("hukou-missing"),
      missingList: $("hukou-missing-list"),
      confirm: $("hukou-confirm"),
      confirmList: $("hukou-confirm-list"),
      familyList: $("hukou-family-list"),
      documents: $("hukou-documents"),
      documentsList: $("hukou-documents-list"),
      procedure: $("hukou-procedure"),
      status: $("hukou-status"),
      print: root.querySelector("#print-hukou"),
      plan: root.querySelector("#plan-hukou"),
    };
  }

  // target: the plan's 哪天前达到 answer as typed, if any.
  // Whether the engine must be asked again for `profile`: only when a key it reads changed
  // (otherwise `result` is still the answer).
  changed(profile) {
    const part = JSON.stringify(this.keys.map((key) => [key, profile[key] ?? null]));
    if (part === this.asked && this.result) return false;
    this.asked = part;
    return true;
  }

  // The answer asked for could not be read: ask again next time, keep the card as it is.
  forget() {
    this.asked = null;
  }

  render(result, target) {
    this.result = result;
    const p = this.parts;
    if (p.plan) {
      p.plan.textContent = planLine(result, target);
      p.plan.hidden = false;
    }
    const at = result.earliest ?? result.earliest_if_confirmed;
    this.card.dataset.month = at?.month ?? "";
    this.card.dataset.route = at?.route ?? "";
    p.headline.textContent = result.headline;
    if (p.print) p.print.textContent = `居转户：${result.headline}`;
    fill(p.others, p.othersList, otherRoutes(result).map(routeText));
    fill(p.missing, p.missingList, at?.month === monthOf(result.as_of) ? [] : missingNow(result));
    fill(
      p.confirm,
      p.confirmList,
      result.to_confirm.map((q) => `${q.question}？`),
    );
    p.familyList.replaceChildren(
      ...result.children.map((child) => el("li", { text: child.explanation })),
      el("li", { text: result.spouse.text }),
    );
    p.documentsList.replaceChildren(
      ...result.documents.map((entry) =>
        el(
          "div",
          { className: "hukou-doc", "data-document": entry.id },
          el("p", { className: "hukou-doc-purpose", text: entry.purpose }),
          el("ul", {}, ...entry.items.map((item) => el("li", { text: item }))),
        ),
      ),
    );
    p.documents.hidden = !result.documents.length;
    p.procedure.textContent = result.procedure.text;
    p.status.textContent = result.status.text;
    this.card.hidden = false;
  }

  clear() {
    this.result = null;
    this.asked = null;
    this.card.hidden = true;
    delete this.card.dataset.month;
    delete this.card.dataset.route;
    if (this.parts.print) this.parts.print.textContent = "";
    if (this.parts.plan) this.parts.plan.hidden = true;
  }
}

function monthOf(day) {
  return String(day || "").slice(0, 7);
}

function fill(section, list, texts) {
  list.replaceChildren(...texts.map((text) => el("li", { text })));
  section.hidden = !texts.length;
}

// A link or saved copy that answers a 居转户 question opens their section, so the answers
// filled in are seen; one that answers none leaves it closed.
export function openIfAnswered(form) {
  const section = form.querySelector("#group-hukou");
  if (!section) return;
  const answered = [...section.querySelectorAll("[name]")].some((control) =>
    control.type === "radio" ? control.checked : control.value.trim() !== "",
  );
  if (answered) section.open = true;
}
