// The quick insurance fill's reading of its two answers (site_src/static/js/calculator-quick.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { quickPeriod } from "../../site_src/static/js/calculator-quick.js";

const today = new Date(2026, 11, 6); // 6 December 2026

test("years and a multiple become one period from that many years ago", () => {
  assert.deepEqual(quickPeriod("5", "1", 3, today), { from: "2021-12", multiple: 1 });
  assert.deepEqual(quickPeriod("1", "0.8", 3, today), { from: "2025-12", multiple: 0.8 });
});

test("typed as the engine reads them: full-width digits, units, a full stop for a point", () => {
  assert.deepEqual(quickPeriod("５年", "０。８倍", 3, today), { from: "2021-12", multiple: 0.8 });
  assert.deepEqual(quickPeriod(" 10 年 ", " 3 倍", 3, today), { from: "2016-12", multiple: 3 });
});

test("years must be a whole number from 1 to 50", () => {
  for (const years of ["", "0", "51", "2.5", "五"]) {
    assert.equal(quickPeriod(years, "1", 3, today).field, "years", years);
  }
  assert.match(quickPeriod("0", "1", 3, today).message, /1 至 50 的整数/);
});

test("the multiple must be above 0 and at most the ceiling's, which the message names", () => {
  for (const multiple of ["", "0", "-1", "3.01", "很多"]) {
    assert.equal(quickPeriod("5", multiple, 3, today).field, "multiple", multiple);
  }
  assert.match(quickPeriod("5", "4", 3, today).message, /不超过 3 的数（3 倍即缴费上限）/);
  assert.equal(quickPeriod("5", "4", 4, today).multiple, 4);
});
