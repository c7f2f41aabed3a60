// Reads {data, queries} (JSON) on stdin and writes, for each query, the ranking names.js gives
// it: [[kind, name, matched, match, skill level or null], …]. Run by test_names_match_engine.py.
import { readFileSync } from "node:fs";
import { MATCHES, Names, targets } from "../../site_src/static/js/names.js";

const { data, queries } = JSON.parse(readFileSync(0, "utf-8"));
const names = new Names(data);
const all = targets(data);
const ranked = queries.map((query) =>
  names
    .rank(query, all)
    .map((s) => [s.target.kind, s.target.entry.name, s.matched, MATCHES[s.rank], s.skillLevel ?? null]),
);
process.stdout.write(JSON.stringify(ranked));
