"""The browser's name matching (site_src/static/js/names.js, run under Node) ranks every
catalogue entry's names, every everyday name and typed variants of them exactly as the
engine's calculator.catalogues.suggest() does."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from calculator import catalogues
from sitebuild.catalogue import name_matching

ROOT = Path(__file__).resolve().parents[2]


def _queries(data: dict) -> list[str]:
    names = []
    for entry in data["skills"] + data["qualifications"]:
        names += [entry["name"], *entry["alt_names"], *entry["everyday_names"]]
    for group in data["titles"] + data["not_counted"]:
        names += group["names"]
    level_words = [word for _, words in data["level_words"] for word in words]
    queries = set(names) | set(level_words)
    for name in names:
        key = catalogues.search_key(name)
        queries |= {key[:1], key[:2], key[1:3], key[-2:], f" {name.upper()} "}
    for entry in data["skills"][:40]:
        for word in level_words:
            queries |= {entry["name"] + word, word + entry["name"], f"{entry['name']}{word}证书"}
    return sorted(q for q in queries if q.strip())


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_the_browser_ranks_every_name_as_the_engine_does():
    data = {
        "skills": catalogues.skill_occupations(),
        "qualifications": catalogues.qualifications(),
        "titles": catalogues.title_hints(),
        "not_counted": catalogues.not_counted(),
        **name_matching(),
    }
    queries = _queries(data)
    run = subprocess.run(
        ["node", str(ROOT / "tests" / "js" / "rank_names.mjs")],
        input=json.dumps({"data": data, "queries": queries}), capture_output=True, text=True,
        encoding="utf-8", check=True, cwd=ROOT,
    )
    browser = json.loads(run.stdout)
    differ = []
    for query, ranked in zip(queries, browser, strict=True):
        engine = [[s["kind"], s["name"], s["matched"], s["match"], s.get("skill_level")]
                  for s in catalogues.suggest(query, limit=None)]
        if ranked != engine:
            differ.append((query, engine[:3], ranked[:3]))
    assert len(queries) > 1000
    assert not differ, f"{len(differ)} of {len(queries)} ranked otherwise, e.g. {differ[:3]}"
