// What the calculator says about where the answers came from (calculator-notices.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  chineseDate,
  linkNotice,
  savedNotice,
  unknownKeysMessage,
} from "../../site_src/static/js/calculator-notices.js";

test("dates in Chinese, with the time when asked", () => {
  const date = new Date(2026, 2, 8, 9, 5);
  assert.equal(chineseDate(date), "2026年3月8日");
  assert.equal(chineseDate(date, { time: true }), "2026年3月8日 09:05");
});

test("a catalogue link names its certificate; a share link asks to check the answers", () => {
  const profile = { credentials: [{ type: "qualification", name: " 注册会计师 " }] };
  assert.match(linkNotice(profile, true), /证书（注册会计师）填好/);
  assert.match(linkNotice({ credentials: "x" }, true), /选的证书填好/);
  assert.equal(linkNotice(profile, false), "已按分享链接填入内容。请核对后再看结果。");
});

test("unknown keys are counted, not named", () => {
  assert.match(unknownKeysMessage(2), /^链接中有 2 项内容本计算器不认识/);
});

test("a saved copy says when it was saved, if it knows", () => {
  assert.match(savedNotice({ saved_at: new Date(2026, 0, 2, 3, 4).toISOString() }), /（保存于 2026年1月2日 03:04）/);
  assert.doesNotMatch(savedNotice({ saved_at: "not a date" }), /保存于/);
  assert.doesNotMatch(savedNotice({}), /保存于/);
});
