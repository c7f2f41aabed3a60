// What a route card says of when the standard is reached: the day the total stays at or above
// it, and a first stretch that does not last in the engine's words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { whenText } from "../../site_src/static/js/calculator-plan-routes.js";

test("a route that reaches the standard and stays", () => {
  const entry = { reaches_standard_on: "2028-12-01", total: 177, reach_note: null };
  assert.equal(whenText(entry, 120), "预计 2028-12-01 达到（届时 177 分）");
});

test("a route whose first stretch at the standard does not last says so", () => {
  const note = "2033-03-01至03-09短暂达到，之后又低于120分；稳定达到120分：2035-03-01";
  const entry = { reaches_standard_on: "2035-03-01", total: 121, reach_note: note };
  assert.equal(whenText(entry, 120), `${note}（届时 121 分）`);
});

test("a route that never reaches the standard", () => {
  const entry = { reaches_standard_on: null, total_on: "2041-12-06", total: 81, reach_note: null };
  assert.equal(whenText(entry, 120), "到 2041-12-06 仍达不到 120 分（届时 81 分）");
});
