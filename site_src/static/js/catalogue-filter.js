// Instant filter for a catalogue table: every word typed must be in a row's data-search
// (names, other names, everyday names, equivalent title), compared as the engine compares
// names (names.js searchKey: width, case, spaces, brackets and separators do not matter). The
// list of common certificates that are not in the catalogue ([data-not-counted]) is filtered
// the same way, so typing 电工证 shows why it does not count. Works without the calculator
// engine.
import { searchKey } from "./names.js";

class CatalogueFilter {
  // root: the filter's box ([data-catalogue-filter], naming the table's id).
  constructor(root) {
    this.root = root;
    this.input = root.querySelector("input");
    this.count = root.querySelector("[data-total]");
    this.noMatch = document.querySelector("[data-no-match]");
    this.elsewhere = document.querySelector("[data-not-counted-match]");
    this.section = document.querySelector("[data-not-counted]");
    const table = document.getElementById(root.dataset.catalogueFilter);
    const searchable = (row) => ({ row, text: searchKey(row.dataset.search) });
    this.rows = [...table.tBodies[0].rows].map(searchable);
    this.others = [...(this.section?.querySelectorAll("[data-search]") || [])].map(searchable);
    let timer;
    this.input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.apply(), 60);
    });
    root.hidden = false;
    const initial = new URLSearchParams(location.search).get("q");
    if (initial) {
      this.input.value = initial;
      this.apply();
    }
  }

  apply() {
    const terms = this.input.value
      .normalize("NFKC")
      .split(/[\s,，、]+/)
      .map(searchKey)
      .filter(Boolean);
    const shown = filter(this.rows, terms);
    const shownOthers = filter(this.others, terms);
    const total = this.rows.length;
    this.count.textContent = terms.length ? `找到 ${shown} 项（共 ${total} 项）` : `共 ${total} 项`;
    this.noMatch.hidden = shown > 0 || shownOthers > 0;
    if (this.elsewhere) this.elsewhere.hidden = shown > 0 || shownOthers === 0;
    if (this.section) this.section.hidden = terms.length > 0 && shownOthers === 0;
    for (const group of this.section?.querySelectorAll("[data-group]") || []) {
      group.hidden = ![...group.querySelectorAll("[data-search]")].some((row) => !row.hidden);
    }
  }
}

// Shows the rows holding every term; returns how many.
function filter(list, terms) {
  let shown = 0;
  for (const { row, text } of list) {
    const match = terms.every((term) => text.includes(term));
    row.hidden = !match;
    if (match) shown += 1;
  }
  return shown;
}

const box = document.querySelector("[data-catalogue-filter]");
if (box) new CatalogueFilter(box);
