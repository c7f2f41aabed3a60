// The batch table's order, filters and calculator links (site_src/static/js/batch-table.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { calculatorLink, matches, passWords, sorted } from "../../site_src/static/js/batch-table.js";

const pass = { name: "王芳", total: 130, passes: true, problems: [], to_confirm: ["a"], hukou_month: "2027-03" };
const fail = { name: "陈静", total: 90, passes: false, problems: [], to_confirm: [], hukou_month: null };
const bad = { name: "赵磊", total: null, passes: null, problems: ["出生日期：没有13月"], to_confirm: [] };
const all = [pass, bad, fail];

test("the filters split 达标, 未达标 and 有问题 without overlap", () => {
  assert.deepEqual(
    all.filter((r) => matches(r, "pass")),
    [pass],
  );
  assert.deepEqual(
    all.filter((r) => matches(r, "fail")),
    [fail],
  );
  assert.deepEqual(
    all.filter((r) => matches(r, "problem")),
    [bad],
  );
  assert.equal(all.filter((r) => matches(r, "all")).length, 3);
});

test("a column sorts both ways and a row without its value stays last", () => {
  assert.deepEqual(sorted(all, "total", "ascending"), [fail, pass, bad]);
  assert.deepEqual(sorted(all, "total", "descending"), [pass, fail, bad]);
  assert.deepEqual(sorted(all, "hukou_month", "descending"), [pass, bad, fail]);
  assert.deepEqual(sorted(all, "problems", "ascending"), [bad, pass, fail]);
});

test("the calculator link is the share link's #profile= base64url JSON", () => {
  const profile = { version: 3, birth_date: "1990-05-12", note: "上海?+/" };
  const link = calculatorLink(profile);
  assert.match(link, /^\/calculator\/#profile=[A-Za-z0-9_-]+$/);
  const encoded = link.split("=")[1].replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  assert.deepEqual(JSON.parse(new TextDecoder().decode(bytes)), profile);
});

test("达标 words", () => {
  assert.equal(passWords(pass), "达标");
  assert.equal(passWords(fail), "未达标");
  assert.equal(passWords(bad), "—");
});
