// Credential picker: a combobox on the qualification-name and occupation fields that suggests
// catalogue entries by the names people use (official and alternative names, everyday names
// such as 中级会计 or 一建), names that are really titles (工程师 → 职称·中级) and common
// certificates in neither catalogue with the reason (电工证); and a card saying what the name
// typed is worth and which conditions apply. What is suggested is calculator-picker-match.js's,
// what the list and the card say calculator-picker-card.js's.

import { card, optionContent, switchToKind, switchToOverseas, switchToTitle } from "./calculator-picker-card.js";
import { PickerCatalogue } from "./calculator-picker-match.js";
import { el } from "./dom.js";

class Picker {
  // root: a [data-picker="qualification" | "skill"] field, holding the input, the listbox and
  // the card.
  constructor(root, catalogue = PickerCatalogue.fromPage()) {
    this.root = root;
    this.catalogue = catalogue;
    this.kind = root.dataset.picker;
    this.input = root.querySelector("input");
    this.list = root.querySelector('[role="listbox"]');
    this.info = root.querySelector(".picker-card");
    this.options = [];
    this.active = -1;
    this.typing = false; // typed since the list was last closed by the person
    root.dataset.pickerReady = "1";
    this.listen();
    this.showCard();
  }

  get row() {
    return this.root.closest(".row");
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  }

  // The person is done choosing: the list closes and the card says what the text is.
  settle() {
    this.typing = false;
    this.close();
    this.showCard();
  }

  showCard() {
    const { info, input, kind, row } = this;
    const children = card(this.catalogue, kind, input.value, this.typing || !this.list.hidden, row);
    // Unchanged cards stay as they are, so a press on the card's button (which blurs the
    // input, whose change shows the card again) still reaches that button.
    const same =
      children.length === info.children.length &&
      children.map((child) => child.textContent).join("") === info.textContent;
    if (!same) info.replaceChildren(...children);
    info.hidden = !children.length;
    // 已注册 is asked only for a qualification that must be registered.
    const registration = row?.querySelector("[data-registration]");
    if (registration && kind === "qualification") {
      const exact = this.catalogue.exactMatch(kind, input.value);
      registration.hidden = !(
        exact &&
        exact.target.kind === "qualification" &&
        exact.target.entry.registration_required
      );
    }
  }

  open() {
    const { input, list } = this;
    this.options = this.catalogue.suggest(this.kind, input.value);
    list.replaceChildren(
      ...this.options.map((option, i) =>
        el(
          "li",
          {
            id: `${input.id}-option-${i}`,
            role: "option",
            "aria-selected": "false",
            "data-kind": option.target.kind,
            "data-name": option.target.entry.name,
          },
          ...optionContent(option, input.value),
        ),
      ),
    );
    list.hidden = !this.options.length;
    input.setAttribute("aria-expanded", this.options.length ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
    this.active = -1;
  }

  highlight(index) {
    const items = [...this.list.children];
    items.forEach((item, i) => {
      item.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    this.active = index;
    if (items[index]) {
      this.input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    }
  }

  // A catalogue entry puts its official name in the field; a title or a not-counted
  // certificate the name the person knows it by, and the card then says what to do.
  choose(index) {
    const option = this.options[index];
    if (!option) return;
    if (option.other) {
      this.settle();
      switchToKind(this.row, option.target.kind, option.target.entry.name);
      return;
    }
    const catalogueEntry = option.target.kind === "skill" || option.target.kind === "qualification";
    this.input.value = catalogueEntry ? option.target.entry.name : option.matched;
    this.settle();
    this.input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  listen() {
    const { input, list, info } = this;
    input.addEventListener("input", (event) => {
      if (event.isTrusted) {
        this.typing = true;
        this.open();
      }
      this.showCard();
    });
    input.addEventListener("focus", () => {
      this.open();
      this.showCard();
    });
    input.addEventListener("blur", () =>
      setTimeout(() => {
        if (document.activeElement !== input) this.settle();
      }, 150),
    );
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden) this.open();
        this.highlight(Math.min(this.active + 1, this.options.length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        this.highlight(Math.max(this.active - 1, 0));
      } else if (event.key === "Enter" && !list.hidden) {
        // With an option highlighted Enter chooses it; otherwise it closes the list (a second
        // Enter then submits the form).
        event.preventDefault();
        if (this.active >= 0) this.choose(this.active);
        else this.settle();
      } else if (event.key === "Escape") {
        if (!list.hidden || this.typing) event.preventDefault();
        this.settle();
      }
    });
    info.addEventListener("click", (event) => {
      const row = this.row;
      const button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.toOverseas !== undefined) switchToOverseas(row, input.value);
      else if (button.dataset.toTitle) switchToTitle(row, button.dataset.toTitle);
      else if (button.dataset.toKind) switchToKind(row, button.dataset.toKind, button.dataset.name);
      else if (button.dataset.useName) {
        input.value = button.dataset.useName;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.focus();
        this.close();
      }
    });
    list.addEventListener("mousedown", (event) => event.preventDefault());
    list.addEventListener("click", (event) => {
      const item = event.target.closest('[role="option"]');
      if (item) this.choose([...list.children].indexOf(item));
    });
    this.row?.addEventListener("change", () => this.showCard());
    // The engine has said what the level gives at the person's own base (CertificateNotes).
    this.row?.addEventListener("level-worth", () => this.showCard());
  }
}

export function refresh() {
  for (const field of document.querySelectorAll("[data-picker]")) {
    if (!field.dataset.pickerReady) new Picker(field);
    field.querySelector("input").dispatchEvent(new Event("input"));
  }
}

// Rows added later get their picker through this observer.
export function watch(form) {
  refresh();
  new MutationObserver(() => {
    for (const field of form.querySelectorAll("[data-picker]:not([data-picker-ready])")) new Picker(field);
  }).observe(form, { childList: true, subtree: true });
}
