// The plan chart's geometry (site_src/static/js/calculator-plan-chart.js scales, shortName).
import assert from "node:assert/strict";
import { test } from "node:test";
import { day, scales, shortName } from "../../site_src/static/js/calculator-plan-chart.js";
import { vocabulary } from "../../site_src/static/js/vocabulary.js";

const chart = (values, overrides = {}) =>
  scales({ first: "2026-01-01", last: "2029-01-01", values, standard: 120, lanes: 2, width: 600, ...overrides });

test("the standard score is always a tick of the y axis", () => {
  for (const values of [
    [0, 130],
    [95, 121],
    [40, 300],
    [119, 119],
    [-10, 20],
  ]) {
    const { y0, y1, step } = chart(values);
    assert.equal((120 - y0) % step, 0, `${values}`);
    assert.ok(y0 <= 120 && 120 <= y1, `${values}`);
  }
});

test("the axis covers every total and the standard, in at most about five steps", () => {
  const { y0, y1, step } = chart([62, 85, 131]);
  assert.ok(y0 <= 62 && y1 >= 131);
  assert.ok((y1 - y0) / step <= 6);
});

test("a flat line still has an axis of one step", () => {
  const { y0, y1 } = chart([120, 120]);
  assert.ok(y1 > y0);
});

test("x runs from the first day at the left of the plot to the last at its right", () => {
  const { x, box } = chart([100]);
  assert.equal(x(day("2026-01-01")), box.left);
  assert.equal(x(day("2029-01-01")), box.right);
});

test("y puts higher totals higher, inside the plot", () => {
  const { y, y0, y1, box } = chart([80, 140]);
  assert.ok(y(y1) < y(120) && y(120) < y(y0));
  assert.ok(y(y1) > box.top && y(y0) < box.bottom);
});

test("the picture is between 280 and 720 px wide, whatever the space", () => {
  assert.equal(chart([100], { width: 100 }).W, 280);
  assert.equal(chart([100], { width: 2000 }).W, 720);
  assert.equal(chart([100], { width: 500.4 }).W, 500);
});

test("each lane of labels moves the plot down", () => {
  assert.ok(chart([100], { lanes: 4 }).box.top > chart([100], { lanes: 1 }).box.top);
});

test("a route's short name", () => {
  assert.equal(shortName("base_1.5", "提高缴费基数"), "基数1.5倍");
  assert.equal(shortName("other", "一个很长的路线名称"), "一个很长的路…");
});

test("a title's or a skill level's short name is the vocabulary's", () => {
  vocabulary({
    title_levels: [{ id: "intermediate", name: "中级", title: "中级职称" }],
    skill_levels: [{ id: 3, name: "三级" }],
  });
  assert.equal(shortName("title_intermediate", "取得中级职称"), "中级职称");
  assert.equal(shortName("skill_3", "取得技能证书"), "技能三级");
});
