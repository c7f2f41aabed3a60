// When a field's problems are shown: what the person has done with each field, and the
// engine's problems sorted into errors to show and fields still to fill. No DOM: the page
// says what happened and how to find a problem's field, so this is unit-tested under Node
// (tests/js/checks.test.mjs).
//
// A field is checked when the person leaves it (a text field they typed in or that holds a
// value; a period's two base fields count as one) or changes a choice, and every field when
// they press 检查并计算 or Enter. Its problems then stay until it is valid. While a field is
// typed in, nothing new is shown anywhere: a message already shown at that field stays (as it
// was) until the engine finds the field valid, when it goes at once.
export class FieldChecks {
  constructor() {
    this.requests = 0; // scoring requests made
    this.reset();
  }

  // New answers in the form (filled from a link or a saved copy, or cleared).
  reset() {
    this.checked = new Set(); // field names whose problems are shown
    this.checkAll = false; // 检查并计算 pressed: every field is checked, empty ones too
    this.edited = new Set(); // fields the person has changed since the form was (re)filled
    this.editing = null; // the text field being typed in
    this.shown = new Map(); // field name -> the message shown at it
    this.leftAt = new Map(); // field name -> number of the first request made after leaving it
    this.linkProblems = []; // [{path, zh}] found while reading a link, until the field is edited
  }

  // A scoring request is made: its number, for sort().
  request() {
    this.requests += 1;
    return this.requests;
  }

  check(name) {
    this.checked.add(name);
  }

  // 检查并计算 or Enter: every field is checked now.
  checkEverything() {
    this.checkAll = true;
    this.editing = null;
  }

  // The person changed field `name`; `typed`: by typing in it.
  edit(name, typed) {
    this.edited.add(name);
    if (typed) this.editing = name;
    this.linkProblems = this.linkProblems.filter((p) => p.path !== name);
  }

  stopEditing(name) {
    if (this.editing === name) this.editing = null;
  }

  // The person left these fields ([{name, empty, choice}]; choice: a select, box or radio):
  // those they answered (typed in, or holding a value, or a choice) are checked.
  leave(fields) {
    for (const { name, empty, choice } of fields) {
      if (!this.edited.has(name) && empty && !choice) continue;
      this.checked.add(name);
      this.leftAt.set(name, this.requests + 1);
    }
  }

  // A checked field's problems may be shown once the answer to a request made after the
  // person left it has come; while another field is typed in, only those.
  mayShow(name, number) {
    if (!this.checkAll && !this.checked.has(name)) return false;
    if (this.editing === null) return true;
    const after = this.leftAt.get(name);
    return after !== undefined && number >= after;
  }

  // The problems of the answer to request `number` ([{path, zh}], paths of the form), with the
  // link's problems first. fieldAt(path) -> {name, empty, …} (the field the problem is shown
  // at) or null. Returns {errors: [{field, message}], missing: [field]}: a problem at a field
  // not checked yet is not an error: an empty one is still to fill, a typed one waits until
  // the person leaves it. field is what fieldAt returned, null for a problem no field names.
  sort(problems, number, fieldAt) {
    const errors = [];
    const missing = [];
    const now = new Map();
    const fromLink = this.linkProblems.map((p) => ({ ...p, fromLink: true }));
    for (const problem of [...fromLink, ...problems]) {
      const field = fieldAt(problem.path);
      if (!field) {
        errors.push({ field: null, message: problem.zh });
        continue;
      }
      const { name } = field;
      if (name === this.editing && !problem.fromLink) {
        // Being typed in: an error already shown stays as it was; nothing new appears.
        if (this.shown.has(name) && !now.has(name)) {
          now.set(name, this.shown.get(name));
          errors.push({ field, message: this.shown.get(name) });
        } else if (!this.shown.has(name) && field.empty) {
          missing.push(field);
        }
        continue;
      }
      if (problem.fromLink || this.shown.has(name) || this.mayShow(name, number)) {
        if (!now.has(name)) now.set(name, problem.zh);
        errors.push({ field, message: problem.zh });
      } else if (field.empty) {
        missing.push(field);
      }
    }
    this.shown = now;
    for (const [name, after] of this.leftAt) if (number >= after) this.leftAt.delete(name);
    return { errors, missing };
  }
}
