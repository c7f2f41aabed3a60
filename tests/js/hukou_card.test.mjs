// The 居转户 card's words that need no page (hukou-words.js): the month in words, the other
// routes in reach, and what the headline's route lacks — on a result of calculator.hukou.
import assert from "node:assert/strict";
import { test } from "node:test";
import { missingNow, otherRoutes, planLine, routeText } from "../../site_src/static/js/hukou-words.js";

const RESULT = {
  earliest: {
    route: "base_2x",
    month: "2027-03",
    name: "缴费基数2倍（不要求职称）",
  },
  earliest_if_confirmed: {
    route: "lingang_5",
    month: "2026-11",
    name: "临港新片区（5年）",
    condition: "若已取得临港新片区的单位推荐",
  },
  routes: [
    {
      id: "title",
      name: "中级职称或技师",
      earliest_month: null,
      if_confirmed_month: "2027-03",
      if_confirmed: "若已聘任到与中级职称相符的岗位",
      missing: ["持证期间正常缴纳社保累计80个月，还差4个月（须84个月，补缴、不计入的月份和不在持证期间的月份不算）"],
    },
    {
      id: "base_2x",
      name: "缴费基数2倍（不要求职称）",
      earliest_month: "2027-03",
      if_confirmed_month: null,
      if_confirmed: null,
      missing: ["持证期间正常缴纳社保累计80个月，还差4个月（须84个月，补缴、不计入的月份和不在持证期间的月份不算）"],
    },
    {
      id: "senior",
      name: "高级职称、高级技师或省部级以上表彰",
      earliest_month: null,
      if_confirmed_month: null,
      if_confirmed: null,
      missing: ["没有与所聘岗位相符并已聘任的高级职称或高级技师（一级）证书"],
    },
    {
      id: "lingang_5",
      name: "临港新片区（5年）",
      earliest_month: null,
      if_confirmed_month: "2026-11",
      if_confirmed: "若已取得临港新片区的单位推荐",
      missing: [],
    },
  ],
};

test("a route in a line: its month in words, or the answer it waits on", () => {
  assert.equal(routeText(RESULT.routes[1]), `${RESULT.routes[1].name}：最早2027年3月`);
  const waiting = RESULT.routes[3];
  assert.equal(routeText(waiting), `${waiting.name}：${waiting.if_confirmed}，最早2026年11月`);
});

test("the other routes are those in reach, the headline's left out", () => {
  const ids = otherRoutes(RESULT).map((route) => route.id);
  assert.deepEqual(ids, ["title", "lingang_5"]);
});

test("what is missing is the headline route's, else the standard route's", () => {
  assert.deepEqual(missingNow(RESULT), RESULT.routes[1].missing);
  const none = { ...RESULT, earliest: null, earliest_if_confirmed: null };
  assert.deepEqual(missingNow(none), RESULT.routes[0].missing);
});

test("beside the plan: the month, and whether it comes before the day typed", () => {
  assert.match(planLine(RESULT, "20290301"), /早于你填的日期2029-03-01。$/);
  assert.match(planLine(RESULT, "2029年3月1日"), /早于你填的日期2029-03-01。$/);
  assert.match(planLine(RESULT, "下个月"), /（缴费基数2倍，不要求职称）。$/);
  const line = planLine(RESULT, "2026-12-31");
  assert.match(line, /^居转户：最早2027年3月可由单位申报/);
  assert.match(line, /晚于你填的日期2026-12-31。$/);
  assert.match(planLine(RESULT, "2029-03-01"), /早于你填的日期2029-03-01。$/);
  const none = { ...RESULT, earliest: null, earliest_if_confirmed: null, horizon: "2041-11" };
  assert.equal(planLine(none), "居转户：按现在的情况继续，到2041年11月还不能申请。");
});
