// When the form shows a field's problems (site_src/static/js/calculator-checks.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { FieldChecks } from "../../site_src/static/js/calculator-checks.js";

// The form: field name -> {empty}; a problem's path is its field's name.
const form = (fields) => (path) => (path in fields ? { name: path, ...fields[path] } : null);
const problem = (path, zh = `${path} 不对`) => ({ path, zh });
const messages = ({ errors }) => errors.map((e) => e.message);
const missingNames = ({ missing }) => missing.map((f) => f.name);

test("a problem at a field nobody has left is not an error: an empty field is still to fill", () => {
  const checks = new FieldChecks();
  const fields = form({ birth_date: { empty: true }, "education.level": { empty: false } });
  const sorted = checks.sort([problem("birth_date"), problem("education.level")], checks.request(), fields);
  assert.deepEqual(messages(sorted), []);
  assert.deepEqual(missingNames(sorted), ["birth_date"]);
});

test("a field left after typing in it shows its problem once the answer to a later request comes", () => {
  const checks = new FieldChecks();
  const fields = form({ birth_date: { empty: false } });
  checks.edit("birth_date", true);
  const before = checks.request(); // made while typing
  checks.stopEditing("birth_date");
  checks.leave([{ name: "birth_date", empty: false, choice: false }]);
  const after = checks.request();
  // Another field is being typed in: the answer to the earlier request shows nothing yet.
  checks.edit("other", true);
  assert.deepEqual(messages(checks.sort([problem("birth_date")], before, fields)), []);
  assert.deepEqual(messages(checks.sort([problem("birth_date")], after, fields)), ["birth_date 不对"]);
});

test("an empty field left without typing is not checked; a choice is, even when empty", () => {
  const checks = new FieldChecks();
  checks.leave([
    { name: "birth_date", empty: true, choice: false },
    { name: "education.level", empty: true, choice: true },
  ]);
  assert.equal(checks.checked.has("birth_date"), false);
  assert.equal(checks.checked.has("education.level"), true);
});

test("while a field is typed in, its message stays as it was and nothing new appears there", () => {
  const checks = new FieldChecks();
  const fields = form({ birth_date: { empty: false } });
  checks.checkEverything();
  const first = checks.sort([problem("birth_date", "旧的说法")], checks.request(), fields);
  assert.deepEqual(messages(first), ["旧的说法"]);
  checks.edit("birth_date", true);
  const typing = checks.sort([problem("birth_date", "新的说法")], checks.request(), fields);
  assert.deepEqual(messages(typing), ["旧的说法"]);
  // Valid now: the message goes at once.
  assert.deepEqual(messages(checks.sort([], checks.request(), fields)), []);
  assert.deepEqual(messages(checks.sort([problem("birth_date", "新的说法")], checks.request(), fields)), []);
});

test("检查并计算 shows every field's problem, empty ones too", () => {
  const checks = new FieldChecks();
  checks.checkEverything();
  const sorted = checks.sort([problem("birth_date")], checks.request(), form({ birth_date: { empty: true } }));
  assert.deepEqual(messages(sorted), ["birth_date 不对"]);
  assert.deepEqual(missingNames(sorted), []);
});

test("a link's problems come first and stay until their field is edited; one no field names is an error", () => {
  const checks = new FieldChecks();
  const fields = form({ birth_date: { empty: false } });
  checks.linkProblems = [problem("birth_date", "链接中的值无法识别")];
  const sorted = checks.sort([problem("nowhere", "别处的问题")], checks.request(), fields);
  assert.deepEqual(messages(sorted), ["链接中的值无法识别", "别处的问题"]);
  assert.equal(sorted.errors[1].field, null);
  checks.edit("birth_date", true);
  assert.deepEqual(checks.linkProblems, []);
});

test("reset forgets everything the person did, not the request count", () => {
  const checks = new FieldChecks();
  checks.checkEverything();
  checks.edit("birth_date", true);
  const number = checks.request();
  checks.reset();
  assert.equal(checks.checkAll, false);
  assert.equal(checks.editing, null);
  assert.equal(checks.edited.size, 0);
  assert.equal(checks.request(), number + 1);
});
