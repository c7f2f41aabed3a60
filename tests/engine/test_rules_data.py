"""The rules data: every parameter present, dated, cited; lookups by date."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from calculator import rules
from calculator.rule_text import INDICATORS

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"

REQUIRED_IDS = [
    "standard_score",
    "age.max_points",
    "age.senior_points",
    "age.senior_from",
    "age.senior_to",
    "age.points_per_year",
    "age.min_age",
    "education.junior_college",
    "education.bachelor",
    "education.bachelor_with_degree",
    "education.master",
    "education.doctor",
    "credential.title_junior",
    "credential.title_intermediate",
    "credential.title_senior",
    "credential.qualification",
    "credential.skill_5",
    "credential.skill_4",
    "credential.skill_3",
    "credential.skill_2",
    "credential.skill_1",
    "credential.base_test_months",
    "credential.base_test_window",
    "credential.base_test_multiple",
    "insurance_years.points_per_year",
    "eligibility.months_required",
    "eligibility.window_months",
    "entrepreneur.points",
    "intermediary.points",
    "shortage_major.points",
    "investment.points_per_step",
    "investment.tax_step_cny",
    "investment.employees_step",
    "investment.cap",
    "insurance_base.tier_0_8",
    "insurance_base.tier_1",
    "insurance_base.tier_2",
    "insurance_base.tier_3",
    "insurance_base.window_months",
    "insurance_base.months_required",
    "insurance_base.top_window_months",
    "insurance_base.top_months_required",
    "insurance_base.cap",
    "public_service.points_per_year",
    "public_service.gate_years",
    "key_area.points_per_year",
    "key_area.cap",
    "key_area.lingang_gate_years",
    "key_area.other_gate_years",
    "fresh_graduate.points",
    "award.municipal_special",
    "award.municipal_comprehensive",
    "award.national",
    "spouse.points_per_year",
    "spouse.cap",
    "deduction.false_materials_points",
    "deduction.false_materials_years",
    "deduction.detention_points",
    "deduction.detention_years",
    "deduction.crime_points",
    "deduction.crime_years",
]


def test_every_parameter_id_of_the_interface_exists():
    ids = {p["id"] for p in rules.parameters()}
    assert set(REQUIRED_IDS) <= ids


def test_architecture_lists_no_parameter_we_lack():
    if not ARCHITECTURE.exists():
        pytest.skip("docs not available here")
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text.split("Parameter ids", 1)[1].split("### Catalogues", 1)[0]
    listed = set(re.findall(r"`([a-z_0-9]+(?:\.[a-z_0-9]+)?)`", section))
    listed |= {f"credential.skill_{n}" for n in range(1, 6)}
    ids = {p["id"] for p in rules.parameters()}
    assert listed <= ids, listed - ids


@pytest.mark.parametrize("param", rules.parameters(), ids=lambda p: p["id"])
def test_every_value_is_dated_cited_and_verified(param):
    assert param["label"].strip()
    assert param["values"], "no values"
    for entry in param["values"]:
        for key in rules.REQUIRED_VALUE_FIELDS:
            assert entry.get(key) not in (None, ""), f"{param['id']}: {key} missing"
        assert entry["confidence"] in ("H", "M", "L")
        date.fromisoformat(entry["since"])
        date.fromisoformat(entry["verified"])
        assert entry["since"] >= "2013-07-01"
    sinces = [v["since"] for v in param["values"]]
    assert sinces == sorted(sinces) and len(set(sinces)) == len(sinces)
    assert sinces[0] == "2013-07-01", "every parameter must cover the whole system's life"


def test_every_cited_reference_key_exists():
    keys = {s["key"] for s in rules.sources()}
    for param in rules.parameters():
        for entry in param["values"]:
            assert set(entry["refs"]) <= keys, (param["id"], entry["refs"])


def test_sources_have_title_and_verified_date():
    for source in rules.sources():
        assert source["title"].strip()
        date.fromisoformat(source["verified"])


def test_value_picks_the_value_in_force():
    assert rules.value("investment.cap", date(2017, 12, 31)) == 100
    assert rules.value("investment.cap", date(2018, 1, 1)) == 120
    assert rules.value("insurance_base.window_months", date(2017, 12, 31)) == 36
    assert rules.value("insurance_base.window_months", date(2018, 1, 1)) == 48
    assert rules.value("key_area.lingang_gate_years", date(2019, 8, 19)) == 5
    assert rules.value("key_area.lingang_gate_years", date(2019, 8, 20)) == 3
    assert rules.value("standard_score", date(2013, 7, 1)) == 120


def test_value_defaults_to_today():
    assert rules.value("standard_score") == 120


def test_unknown_parameter_is_a_key_error():
    with pytest.raises(KeyError):
        rules.value("no.such.parameter")
    with pytest.raises(KeyError):
        rules.parameter("no.such.parameter")


def test_value_returns_a_copy():
    areas = rules.value("key_area.areas", date(2026, 1, 1))
    areas.append("moon")
    assert "moon" not in rules.value("key_area.areas", date(2026, 1, 1))


def test_decisions_cover_d1_to_d20_in_chinese():
    found = {d["id"]: d for d in rules.decisions()}
    for n in range(1, 21):
        entry = found[f"D{n}"]
        assert entry["topic"] and re.search(r"[\u4e00-\u9fff]", entry["text"])


def test_indicator_rows_reference_known_decisions():
    known = {d["id"] for d in rules.decisions()}
    for row in rules.indicators(date(2026, 11, 22)):
        assert set(row["decisions"]) <= known
        assert row["group"] in ("base", "bonus", "deduction", "veto", "eligibility")
        assert row["summary"] and row["source"] and row["confidence"] in "HML"


def test_indicators_show_the_numbers_in_force():
    def summary(day, indicator):
        return next(r["summary"] for r in rules.indicators(day) if r["id"] == indicator)

    assert "最高100分" in summary(date(2016, 1, 1), "investment")
    assert "最高120分" in summary(date(2026, 1, 1), "investment")
    assert "五个新城" not in summary(date(2025, 11, 30), "key_area")
    assert "五个新城" in summary(date(2025, 12, 1), "key_area")
    assert len(rules.indicators(date(2026, 1, 1))) == len(INDICATORS)


def test_yardsticks_are_ordered_and_consistent():
    rows = rules.yardsticks()
    assert rows
    for row in rows:
        assert row["from"].endswith("-07") and row["to"].endswith("-06")
        assert row["ceiling_cny"] == 3 * row["average_cny"]
        assert row["confidence"] in ("H", "M", "L") and row["source"]
    froms = [r["from"] for r in rows]
    assert froms == sorted(froms)


def test_history_periods_are_in_order():
    for row in rules.history():
        sinces = [p["since"] for p in row["periods"]]
        assert sinces == sorted(sinces)
        assert row["periods"][-1]["until"] is None
