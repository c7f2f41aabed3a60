// What the picker's card says a skill level gives: at the person's own base once the engine has
// said, with its condition until then.
import assert from "node:assert/strict";
import { test } from "node:test";
import { levelWorth } from "../../site_src/static/js/calculator-picker-card.js";

const points = {
  skill: { 1: 140, 2: 100, 3: 60, 4: 30, 5: 15 },
  skill_base_test_levels: [2, 1],
  skill_catalogue: "三级及以上",
  base_test: "近 12 个月中至少有 6 个月社保基数不低于社平工资 1 倍",
};

test("a level without the base test gives its points", () => {
  assert.equal(levelWorth(points, "3", undefined), "按你选的等级可计 60 分。");
});

test("a level with the base test: its condition until the engine has said", () => {
  assert.equal(levelWorth(points, "2", undefined), `按你选的等级，${points.base_test}时可计 100 分。`);
  // What the engine said about another level is not this one's.
  assert.equal(levelWorth(points, "2", JSON.stringify({ level: 1, points: 0 })), levelWorth(points, "2", undefined));
});

test("at the person's own base: what it gives now and once the test is met", () => {
  assert.equal(
    levelWorth(points, "2", JSON.stringify({ level: 2, points: 0 })),
    `按你选的等级，以你现在的缴费基数计 0 分：须${points.base_test}，满足后可计 100 分。`,
  );
  assert.equal(
    levelWorth(points, "2", JSON.stringify({ level: 2, points: 100 })),
    "按你选的等级，以你现在的缴费基数可计 100 分。",
  );
});

test("no level chosen: where the catalogue counts", () => {
  assert.equal(levelWorth(points, "", undefined), "在目录中，三级及以上可计分。");
});
