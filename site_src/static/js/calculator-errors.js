// How the form's errors are shown: the error summary at the top of the form (a link to each
// field, as GOV.UK's error summary), the message at each field, tied to its control by
// aria-describedby and aria-invalid, and the line saying what is still to fill. Which
// problems are errors is calculator-checks.js's job.
import { checkGroup, controlFor, isAnswer, isEmpty, labelOf, SOME_FIELD } from "./calculator-form.js";
import { el, fieldLink, replaceIfChanged } from "./dom.js";

export class FormErrors {
  // form: the calculator's form, holding the summary (#error-summary); missing: the line for
  // the fields still to fill (#result-missing); checks: the FieldChecks.
  constructor(form, { missing, checks }) {
    this.form = form;
    this.checks = checks;
    this.missing = missing;
    this.summary = new ErrorSummary(form.querySelector("#error-summary"));
    this.messages = new FieldMessages(form);
  }

  // Tells the checks what the person does in the form (calculator-checks.js says what follows):
  // a choice (select, radio, checkbox) is answered when it changes, a text field when it is
  // left (a period's two base fields together), every field on 检查并计算 or Enter.
  // changed(): score the answers again; edited(): any edit; submitted(): 检查并计算.
  watch({ changed, edited, submitted }) {
    const { form, checks } = this;
    const typedIn = (control) => control.tagName === "TEXTAREA" || ["text", "search"].includes(control.type);
    const leave = (controls) => {
      checks.leave(
        controls.map((c) => ({
          name: c.name,
          empty: isEmpty(c),
          choice: ["radio", "checkbox"].includes(c.type) || c.tagName === "SELECT",
        })),
      );
      changed();
    };
    form.addEventListener("input", (event) => {
      const control = event.target;
      if (isAnswer(control)) checks.edit(control.name, typedIn(control));
      edited();
      changed();
    });
    form.addEventListener("change", (event) => {
      const control = event.target;
      if (isAnswer(control) && !typedIn(control)) leave([control]);
      else changed();
    });
    form.addEventListener("focusout", (event) => {
      const control = event.target;
      if (!isAnswer(control) || !typedIn(control)) return;
      checks.stopEditing(control.name);
      const group = checkGroup(control.name);
      const next = event.relatedTarget;
      if (next !== control && isAnswer(next) && checkGroup(next.name) === group) return; // still on the same answer
      leave([...form.querySelectorAll("[name]")].filter((c) => isAnswer(c) && checkGroup(c.name) === group));
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      checks.checkEverything();
      submitted();
    });
  }

  // problems: the engine's answer to request `number`, at the paths of the form's fields.
  // Returns the labels of the fields with errors and of those still to fill, in form order.
  show(problems, number) {
    const fieldAt = (path) => {
      const control = controlFor(this.form, path);
      return control && { control, name: control.name, empty: isEmpty(control) };
    };
    const sorted = this.checks.sort(problems, number, fieldAt);
    const errors = sorted.errors.map(({ field, message }) => ({
      control: field?.control ?? null,
      label: labelOf(field?.control) || SOME_FIELD,
      message,
    }));
    this.messages.clear();
    for (const { control, message } of errors) if (control) this.messages.mark(control, message);
    this.summary.show(errors);
    const missing = [...new Set(sorted.missing.map((field) => labelOf(field.control)))];
    this.missing.hidden = !missing.length && !problems.length;
    this.missing.textContent = missing.length ? `还需要填写：${missing.join("、")}。填好后结果会自动出现。` : "";
    // first: the field the card names as the reason it is out of date (the first error, else
    // the first field still to fill), {control, label, message}.
    const toFill = sorted.missing[0]?.control;
    const first =
      errors.find((e) => e.control) || (toFill ? { control: toFill, label: labelOf(toFill), message: "" } : null);
    return { errors: errors.map((e) => e.label), missing, first };
  }
}

class ErrorSummary {
  // root: the summary's box (#error-summary), holding its list.
  constructor(root) {
    this.root = root;
    this.list = root.querySelector("ul");
  }

  // errors: [{control (or null), label, message}], in form order.
  show(errors) {
    replaceIfChanged(
      this.list,
      errors.map(({ control, label, message }) =>
        el("li", {}, control ? fieldLink(control, `${label}：${message}`) : `${label}：${message}`),
      ),
    );
    this.root.hidden = !errors.length;
  }

  get shown() {
    return !this.root.hidden;
  }

  focus() {
    this.root.focus();
    this.root.scrollIntoView({ block: "start" });
  }
}

class FieldMessages {
  constructor(form) {
    this.form = form;
  }

  clear() {
    for (const node of this.form.querySelectorAll(".field-error")) node.remove();
    for (const field of this.form.querySelectorAll(".has-error")) field.classList.remove("has-error");
    for (const control of this.form.querySelectorAll("[aria-invalid]")) {
      control.removeAttribute("aria-invalid");
      const ids = (control.getAttribute("aria-describedby") || "")
        .split(/\s+/)
        .filter((id) => id && !id.endsWith("-error"));
      if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
      else control.removeAttribute("aria-describedby");
    }
  }

  mark(control, message) {
    const field = control.closest(".field") || control.parentElement;
    field.classList.add("has-error");
    const id = `${control.id || control.name.replace(/[^\w-]/g, "-")}-error`;
    if (!document.getElementById(id)) {
      const note = el("p", { className: "field-error", id, text: message });
      // After the field's own hint (a question's hint is inside its fieldset), else its label.
      const own = (node) => node && node.closest(".field") === field;
      const hint = field.querySelector(".hint");
      const anchor = own(hint) ? hint : field.querySelector(".label, label, legend");
      if (own(anchor)) anchor.after(note);
      else field.prepend(note);
    }
    control.setAttribute("aria-invalid", "true");
    const described = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (!described.includes(id)) control.setAttribute("aria-describedby", [...described, id].join(" "));
  }
}
