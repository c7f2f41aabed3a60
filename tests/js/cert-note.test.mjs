// What a certificate of a level that needs the base test gives at the person's base.
import assert from "node:assert/strict";
import { test } from "node:test";
import { certNote } from "../../site_src/static/js/calculator-cert-note.js";

const points = { 1: 140, 2: 100, 3: 60, 4: 30, 5: 15 };
const base = {
  level: 2,
  name: "二级（技师）",
  points,
  baseTest: "近 12 个月中至少有 6 个月社保基数不低于社平工资 1 倍",
};

test("nothing to say when the level gives all it can", () => {
  assert.equal(certNote({ ...base, line: { points: 100, explanation: "" }, lower: null }), "");
});

test("the engine's reason, what the level gives once met, and the lower certificate's total", () => {
  const line = { points: 0, explanation: "技能二级：有0个月基数不低于社平工资1倍（须6个月），计0分。" };
  const alone = certNote({ ...base, line, lower: null });
  assert.match(alone, /^技能二级：有0个月/);
  assert.match(alone, /二级（技师）须近 12 个月中至少有 6 个月.*满足后本项可计 100 分。$/);
  const both = certNote({ ...base, line, lower: { level: 3, name: "三级（高级工）", total: 111 } });
  assert.match(both, /如果你也有三级（高级工）证书.*现在总分可到 111 分。$/);
});
