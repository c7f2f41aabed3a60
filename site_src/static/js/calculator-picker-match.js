// What the credential picker knows of the catalogues (#catalogue-data, written by the build):
// which suggestions a field offers and what a text names exactly. The ranking itself is
// names.js's (the engine's calculator.catalogues.suggest).
import { EXACT_EVERYDAY, Names, PREFIX, searchKey, targets } from "./names.js";

const MAX_OPTIONS = 12;
// Which kinds each field offers: the qualification field qualifications, titles and
// not-counted certificates one would look for there; the occupation field skills and theirs.
// A name of the other catalogue (维修电工 typed as a qualification, CPA as an occupation) is
// offered too when it matches exactly or from its start, to move the row to that type.
export const OTHER = { qualification: "skill", skill: "qualification" };
const OFFERED = {
  qualification: (t) =>
    t.kind === "qualification" ||
    t.kind === "title" ||
    (t.kind === "not_counted" && ["qualification", "other"].includes(t.entry.catalogue)),
  skill: (t) => t.kind === "skill" || (t.kind === "not_counted" && ["skill", "other"].includes(t.entry.catalogue)),
};

export class PickerCatalogue {
  // data: #catalogue-data ({qualifications, skills, titles, not_counted, level_words, words,
  // points}).
  constructor(data) {
    for (const key of ["qualifications", "skills", "titles", "not_counted"]) data[key] ??= [];
    data.points ??= {};
    this.points = data.points;
    this.names = new Names(data);
    this.targets = targets(data);
  }

  // The page's data, read once.
  static fromPage() {
    if (!PickerCatalogue.page) {
      let data = {};
      try {
        data = JSON.parse(document.getElementById("catalogue-data")?.textContent || "{}");
      } catch {
        // no data: nothing is suggested
      }
      PickerCatalogue.page = new PickerCatalogue(data);
    }
    return PickerCatalogue.page;
  }

  // Ranked suggestions for what was typed in a field of `kind` ("qualification" or "skill"):
  // [{target, rank, matched, other}], one per entry, at most MAX_OPTIONS. An exact not-counted
  // name is always among them, whichever catalogue one would look for it in.
  suggest(kind, text) {
    const found = [];
    for (const suggestion of this.names.rank(text, this.targets)) {
      const { target, rank } = suggestion;
      const exactNotCounted = target.kind === "not_counted" && rank <= EXACT_EVERYDAY;
      const other = target.kind === OTHER[kind];
      if (other ? rank > PREFIX : !OFFERED[kind](target) && !exactNotCounted) continue;
      found.push({ ...suggestion, other });
      if (found.length === MAX_OPTIONS) break;
    }
    return found;
  }

  // What a text names exactly, for the card: the field's own catalogue entry first, then a
  // title (qualification field), then an entry of the other catalogue, then a not-counted
  // certificate; or null.
  exactMatch(kind, text) {
    const exact = this.suggest(kind, text).filter((s) => s.rank <= EXACT_EVERYDAY);
    return (
      exact.find((s) => s.target.kind === kind) ||
      exact.find((s) => s.target.kind === "title" && kind === "qualification") ||
      exact.find((s) => s.target.kind === OTHER[kind]) ||
      exact.find((s) => s.target.kind === "not_counted") ||
      null
    );
  }

  // The engine finds an entry by its name, alternative or everyday names compared with
  // search_key (brackets and separators do not matter), an occupation also without a level word
  // before or after it (calculator.catalogues.find_skill): does it find `entry` for `text`?
  engineFinds(kind, entry, text) {
    const keys = [entry.name, ...(entry.alt_names || []), ...(entry.everyday_names || [])].map(searchKey);
    const [rest, level] = kind === "skill" ? this.names.splitLevel(text) : ["", null];
    return keys.includes(searchKey(text)) || (level !== null && keys.includes(rest));
  }
}
