// Matching certificate names as the engine does (site_src/static/js/names.js). Every name of
// the real catalogues is compared with the engine's ranking by test_names_match_engine.py.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Names, normalName, searchKey, targets } from "../../site_src/static/js/names.js";

const data = {
  skills: [
    { name: "电工", alt_names: [], everyday_names: ["电工证书"] },
    { name: "维修电工", alt_names: [], everyday_names: [] },
  ],
  qualifications: [
    { name: "注册会计师", alt_names: [], everyday_names: ["CPA"] },
    { name: "注册土木工程师(水利水电工程)", alt_names: [], everyday_names: [] },
  ],
  titles: [{ name: "中级职称", names: ["中级职称", "工程师"] }],
  not_counted: [{ name: "特种作业操作证", names: ["特种作业操作证", "电工证"], catalogue: "skill" }],
  level_words: [
    ["3", ["三级", "高级工", "高级"]],
    ["2", ["二级", "技师"]],
    ["1", ["一级", "高级技师"]],
  ],
  words: { "注册土木工程师(水利水电工程)": "注册 土木 工程师 (水利 水电 工程)" },
};
const names = new Names(data);
const all = targets(data);
const ranked = (text) => names.rank(text, all).map((s) => s.target.entry.name);

test("width, case, spaces, brackets and separators do not matter", () => {
  assert.equal(normalName("Ｃ Ｐ Ａ（一）"), "cpa(一)");
  assert.equal(searchKey("注册土木工程师（水利·水电）"), "注册土木工程师水利水电");
  assert.equal(searchKey(null), "");
});

test("an exact name first, then an everyday name, then names starting with the text, then containing it", () => {
  assert.deepEqual(ranked("cpa"), ["注册会计师"]);
  assert.deepEqual(ranked("电工"), ["电工", "特种作业操作证", "维修电工"]);
});

test("inside a name given with its words, only where a word starts", () => {
  assert.ok(!ranked("电工").includes("注册土木工程师(水利水电工程)"));
  assert.ok(ranked("水电").includes("注册土木工程师(水利水电工程)"));
});

test("a level word before or after an occupation is matched without it, with the level", () => {
  assert.deepEqual(names.splitLevel("维修电工三级"), ["维修电工", 3]);
  assert.deepEqual(names.splitLevel("高级电工"), ["电工", 3]);
  assert.deepEqual(names.splitLevel("电工技师证书"), ["电工", 2]);
  assert.deepEqual(names.splitLevel("高级技师"), ["高级技师", null]);
  const [first] = names.rank("维修电工三级", all);
  assert.equal(first.target.entry.name, "维修电工");
  assert.equal(first.skillLevel, 3);
  // Only skill-like targets are matched without the word.
  assert.ok(!ranked("注册会计师三级").includes("注册会计师"));
});

test("nothing typed matches nothing", () => {
  assert.deepEqual(ranked(" （） "), []);
});
