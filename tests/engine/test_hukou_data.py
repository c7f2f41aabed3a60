"""The 居转户 rules data (calculator/data/hukou.toml): held by check() like the points data, read
by calculator.rules beside it, and its decisions H1–H14 worded from the parameters."""

from __future__ import annotations

import re
from datetime import date

import pytest
from engine_helpers import check_with

from calculator import check, decisions, rules
from calculator.hukou_routes import ROUTES, parameter_ids


def _param(data, pid):
    return next(p for p in data["parameter"] if p["id"] == pid)


def test_the_shipped_data_passes_the_check():
    assert check.check() == []


def test_every_parameter_a_route_reads_is_in_the_data():
    ids = {p["id"] for p in rules.parameters()}
    assert parameter_ids() <= ids
    assert all(pid.startswith("hukou.") for pid in parameter_ids())


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["parameter"].remove(_param(d, "hukou.months.lingang_3")),
     "hukou.toml: parameter 'hukou.months.lingang_3': missing (a 居转户 route reads it)"),
    (lambda d: _param(d, "hukou.base_months_required")["values"][1].__setitem__("value", 49),
     "hukou.toml: parameter 'hukou.base_months_required': more months than the window"),
    (lambda d: _param(d, "hukou.ceiling_3x_multiple")["values"][1].__setitem__("value", 2.5),
     "hukou.toml: parameter 'hukou.ceiling_3x_multiple': must be 3, the contribution ceiling's"),
    (lambda d: _param(d, "hukou.child_free_age")["values"][0].__setitem__("value", 18),
     "hukou.toml: parameter 'hukou.child_free_age': must be below hukou.child_max_age"),
    (lambda d: _param(d, "hukou.publicity_days")["values"][0].__setitem__("refs", ["J-Z9"]),
     "hukou.toml: parameter 'hukou.publicity_days' since 2013-07-01: unknown reference 'J-Z9'"),
    (lambda d: _param(d, "hukou.notice_valid_until")["values"][1].__setitem__("value", 5),
     "a date must be YYYY-MM-DD"),
    (lambda d: _param(d, "hukou.publicity_days")["values"][0].__setitem__("value", 0),
     "days must be a whole number above 0"),
    (lambda d: _param(d, "hukou.market_multiple")["values"][1].__setitem__("since",
                                                                          date(2013, 1, 1)),
     "the since dates must be in order and distinct"),
    (lambda d: d["decision"][0].__setitem__("text", "{hukou.no_such}"),
     "hukou.toml: decision H1: {hukou.no_such} is neither a parameter nor a term"),
    (lambda d: d["parameter"].append({**_param(d, "hukou.publicity_days"), "id": "spouse.cap"}),
     "hukou.toml: parameter 'spouse.cap': also in rules.toml"),
])
def test_check_names_the_mistake_in_the_hukou_data(monkeypatch, change, expected):
    found = check_with(monkeypatch, "hukou.toml", change)
    assert any(expected in problem for problem in found), found


def test_rules_read_the_hukou_data_beside_the_points_data():
    assert rules.value("hukou.standard_months", date(2026, 1, 1)) == 84
    assert rules.value("hukou.market_multiple", date(2020, 11, 30)) is None
    assert rules.value("hukou.market_multiple", date(2020, 12, 1)) == 1.3
    assert rules.citation("hukou.market_multiple", date(2026, 1, 1)).endswith(
        "[J-S9][J-S8][J-S10]")
    assert {"J-S1", "J-N6"} <= {s["key"] for s in rules.sources()}
    assert "jzh-notice-2020" in {d["key"] for d in rules.documents()}
    assert rules.parameter("hukou.notice_valid_until")["values"][1]["value"] == "2024-12-31"


def test_the_2024_change_for_lingang_is_dated():
    assert rules.value("hukou.lingang_5_area_months", date(2024, 8, 20)) == 36
    assert rules.value("hukou.lingang_5_area_months", date(2024, 8, 21)) == 24
    assert rules.value("hukou.lingang_3_area_months", date(2024, 8, 20)) == 24
    assert rules.value("hukou.lingang_3_area_months", date(2024, 8, 21)) == 12


def test_decisions_h1_to_h14_in_chinese_with_their_numbers_filled():
    found = {d["id"]: d for d in decisions.decisions(date(2026, 12, 6))}
    for n in range(1, 15):
        entry = found[f"H{n}"]
        assert entry["topic"] and re.search(r"[\u4e00-\u9fff]", entry["text"])
        assert "{" not in entry["text"]
    assert "1.3倍" in found["H5"]["text"] and "48个月中至少36个月" in found["H5"]["text"]
    assert "有效期到2024-12-31" in found["H1"]["text"]
    assert "临港的调整（2024-08-21）" in found["H13"]["text"]


def test_h6_states_the_lingang_months_in_force_on_the_date():
    before = decisions.decision("H6", date(2024, 8, 20))["text"]
    after = decisions.decision("H6", date(2024, 8, 21))["text"]
    assert "在临港工作满36个月" in before and "在临港工作满24个月" in after


def test_the_routes_have_stable_ids_in_the_order_of_h6():
    assert [r.id for r in ROUTES] == [
        "title", "base_2x", "senior", "ceiling_3x", "lingang_base", "lingang_5", "lingang_3",
        "zhangjiang_5", "zhangjiang_3", "new_town_5", "suburb_post_5"]
