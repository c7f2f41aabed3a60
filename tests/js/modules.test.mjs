// Every name a browser module imports from another of the site's modules is exported by it: a
// missing export stops the whole page's script in the browser, and the build cannot see it.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

const DIR = new URL("../../site_src/static/js/", import.meta.url);
const modules = readdirSync(DIR).filter((name) => name.endsWith(".js"));
const source = (name) => readFileSync(new URL(name, DIR), "utf-8");

function exported(text) {
  const names = new Set();
  for (const [, name] of text.matchAll(/^export\s+(?:async\s+)?(?:function\*?|class|const|let|var)\s+([\w$]+)/gm)) {
    names.add(name);
  }
  for (const [, list] of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of list.split(","))
      names.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      );
  }
  return names;
}

function imported(text) {
  const found = [];
  for (const [, list, from] of text.matchAll(/^import\s*\{([^}]*)\}\s*from\s*"\.\/([^"]+)"/gm)) {
    for (const part of list
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      found.push({ name: part.split(/\s+as\s+/)[0], from });
    }
  }
  return found;
}

test("the modules are found", () => {
  assert.ok(modules.includes("calculator.js") && modules.includes("names.js"));
});

for (const name of modules) {
  test(`${name} imports only names its modules export`, () => {
    for (const { name: wanted, from } of imported(source(name))) {
      if (!modules.includes(from)) continue; // vendored by the build (qr.js)
      assert.ok(exported(source(from)).has(wanted), `${name} imports ${wanted} from ${from}, which does not export it`);
    }
  });
}
