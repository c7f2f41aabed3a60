// The 倍数⇄元 line beside a period's base fields (calculator-base-line.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { baseLine, readMonth, yearFor } from "../../site_src/static/js/calculator-base-line.js";

const YEARS = [
  { from: "2019-11", to: "2020-06", average_cny: 8211, floor_cny: 4927, ceiling_cny: 24633 },
  { from: "2020-07", to: "2021-06", average_cny: 10338, floor_cny: 5975, ceiling_cny: 31014 },
];

test("months as people type them", () => {
  assert.deepEqual(readMonth("2019-07"), [2019, 7]);
  assert.deepEqual(readMonth("201907"), [2019, 7]);
  assert.deepEqual(readMonth("2019年7月"), [2019, 7]);
  assert.deepEqual(readMonth("２０１９－０７"), [2019, 7]);
  assert.equal(readMonth("2019-13"), null);
  assert.equal(readMonth("最近"), null);
});

test("a month converts with its own year, the newest after it, none before the first", () => {
  assert.equal(yearFor(YEARS, [2020, 7]).year.average_cny, 10338);
  assert.equal(yearFor(YEARS, [2020, 6]).year.average_cny, 8211);
  assert.deepEqual(yearFor(YEARS, [2023, 1]), { year: YEARS[1], estimated: true });
  assert.equal(yearFor(YEARS, [2018, 1]), null);
});

test("a multiple in yuan, yuan as a multiple, the floor and ceiling words, percentages", () => {
  assert.match(baseLine(YEARS, "2020-08", "0.6", ""), /0\.6 倍约为 6,203 元\/月/);
  assert.match(baseLine(YEARS, "2020-08", "", "1.2万"), /12,000 元约为 1\.16 倍/);
  assert.match(baseLine(YEARS, "2020-08", "最低", ""), /下限为 5,975 元/);
  assert.match(baseLine(YEARS, "2020-08", "", "上限"), /上限为 31,014 元/);
  assert.match(baseLine(YEARS, "2020-08", "60%", ""), /0\.6 倍约为 6,203 元/);
  assert.match(baseLine(YEARS, "2020-08", "", ""), /1 倍为 10,338 元\/月/);
  assert.match(baseLine(YEARS, "2024-01", "1", ""), /尚未公布/);
  assert.equal(baseLine(YEARS, "20", "1", ""), "");
});
