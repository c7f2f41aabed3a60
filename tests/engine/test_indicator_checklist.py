"""The checklist for adding an indicator (docs/architecture.md), walked for every entry of the
registry: each one has a rule text, a cited parameter, its interpretations, a line (or, for a
veto and the eligibility, its place in the result), a case that gives it points, and a place
on the indicator pages; and nothing names an indicator the registry lacks."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

import calculator
from calculator import rules, vocabulary
from calculator.decisions import decisions
from calculator.engine import LINE_ORDER
from calculator.indicators import BY_ID, REGISTRY, rule_source, rule_text
from calculator.rule_text import RULE_TEXTS

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).parent / "cases"
PAGES = ROOT / "site_src" / "pages"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
SCORED = ("base", "bonus", "deduction")
# Days on which some parameter changed: each indicator must read well on every one of them.
DAYS = sorted({rules.first_day(), *rules.change_days()})
IDS = [ind.id for ind in REGISTRY]


def test_ids_are_unique_and_every_group_is_named():
    assert len(IDS) == len(set(IDS)) == len(BY_ID)
    assert {ind.group for ind in REGISTRY} <= set(vocabulary.ids("groups"))


def test_the_rule_texts_are_the_registrys_in_both_directions():
    assert set(RULE_TEXTS) == set(IDS)


@pytest.mark.parametrize("indicator", REGISTRY, ids=IDS)
def test_each_indicator_reads_on_every_day_rules_changed(indicator):
    for day in DAYS:
        text = rule_text(indicator.id, day)
        assert text.strip() and "{" not in text and "None" not in text, (day, text)
        assert rule_source(indicator.id, day).strip(), day


@pytest.mark.parametrize("indicator", REGISTRY, ids=IDS)
def test_each_indicator_cites_a_parameter_and_known_interpretations(indicator):
    assert indicator.cited in {p["id"] for p in rules.parameters()}
    known = {d["id"] for d in decisions(DAYS[-1])}
    assert indicator.decisions and set(indicator.decisions) <= known
    assert indicator.label.strip() and indicator.conditions.strip()
    if indicator.cap is not None:
        assert all(isinstance(indicator.cap(day), int) for day in DAYS
                   if rules.value(indicator.cited, day) is not None)


def test_the_lines_are_the_scored_indicators_in_the_registrys_order():
    assert list(LINE_ORDER) == [ind.id for ind in REGISTRY if ind.group in SCORED]
    result = calculator.score({"birth_date": "1990-01-01", "as_of": "2026-06-01"})
    assert [(ln["id"], ln["group"], ln["label"]) for ln in result["lines"]] == [
        (ind.id, ind.group, ind.label) for ind in REGISTRY if ind.group in SCORED
    ]


def test_the_vetoes_and_the_eligibility_are_the_registrys():
    result = calculator.score({"birth_date": "1990-01-01", "as_of": "2026-06-01",
                               "serious_crime": True, "family_planning_violation": True})
    vetoes = [ind.id for ind in REGISTRY if ind.group == "veto"]
    assert [v["id"] for v in result["vetoes"]] == vetoes
    day = date.fromisoformat(result["as_of"])
    for veto in result["vetoes"]:
        assert veto["source"] == rule_source(veto["id"], day)
    assert [ind.id for ind in REGISTRY if ind.group == "eligibility"] == ["eligibility"]
    assert result["eligibility"]["source"] == rule_source("eligibility", day)


def _cases() -> list[dict]:
    return [case for path in sorted(CASES.glob("*.toml"))
            for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]]


@pytest.mark.parametrize("line_id", LINE_ORDER)
def test_each_line_has_a_case_that_gives_it_points(line_id):
    assert any(case.get("expected", {}).get(line_id) for case in _cases()), line_id


def test_every_group_has_its_indicator_table_on_the_pages_and_no_other():
    calls = set()
    for page in PAGES.rglob("*.md"):
        calls |= set(re.findall(r'indicator_table\("([a-z]+)"\)', page.read_text("utf-8")))
    shown = {ind.group for ind in REGISTRY} - {"eligibility"}  # a condition, on its own
    assert calls == shown


def test_the_architecture_checklist_names_each_place_an_indicator_lives():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    checklist = text.split("### Adding an indicator", 1)[1].split("\n#", 1)[0]
    for place in ("REGISTRY", "RULE_TEXTS", "rules.toml", "make_line", "score_profile",
                  "decisions.toml", "vocabulary.toml", "docs/profile.md", "tests/engine/cases",
                  "indicator_table", "test_indicator_checklist.py"):
        assert place in checklist, place
