"""Properties that hold for every profile (hypothesis; skipped where it is not installed)."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from profile_strategies import examples, json_like_profiles, periods, valid_profiles  # noqa: E402

import calculator  # noqa: E402
from calculator import indicators, rules, yardstick  # noqa: E402
from calculator.dates import month_label, month_of  # noqa: E402
from calculator.parse import read_date, read_month  # noqa: E402

SETTINGS = settings(max_examples=examples(300), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _score(profile):
    try:
        return calculator.score(profile)
    except calculator.ValidationError:
        return None


@SETTINGS
@given(valid_profiles())
def test_total_is_the_sum_of_the_lines(profile):
    result = _score(profile)
    if result is None:
        return
    assert result["total"] == max(0, sum(line["points"] for line in result["lines"]))
    assert result["passes"] == (
        result["eligible"] and not result["vetoed"] and result["total"] >= result["standard"]
    )
    json.dumps(result)


@SETTINGS
@given(valid_profiles())
def test_no_line_beyond_its_cap_or_sign(profile):
    result = _score(profile)
    if result is None:
        return
    day = date.fromisoformat(result["as_of"])
    caps = {row["id"]: row["cap"] for row in indicators.indicators(day)}
    for line in result["lines"]:
        if line["group"] == "deduction":
            assert line["points"] <= 0
            continue
        assert line["points"] >= 0
        if caps.get(line["id"]) is not None:
            assert line["points"] <= caps[line["id"]], line
    edu = next(ln for ln in result["lines"] if ln["id"] == "education")
    cred = next(ln for ln in result["lines"] if ln["id"] == "credential")
    assert edu["points"] == 0 or cred["points"] == 0


@SETTINGS
@given(valid_profiles(), st.data())
def test_adding_insurance_months_never_lowers_the_score(profile, data):
    as_of = date.fromisoformat(profile["as_of"])
    full = data.draw(periods(as_of, count=data.draw(st.integers(1, 5))))
    dropped = data.draw(st.integers(0, len(full) - 1))
    fewer = copy.deepcopy(profile)
    fewer["insurance"] = [p for i, p in enumerate(full) if i != dropped]
    more = copy.deepcopy(profile)
    more["insurance"] = [
        {**p, "back_pay": False} if i == dropped else p for i, p in enumerate(full)
    ]
    before, after = _score(fewer), _score(more)
    if before is None or after is None:
        return
    assert after["total"] >= before["total"]
    assert after["eligible"] >= before["eligible"]
    assert after["passes"] >= before["passes"]


@SETTINGS
@given(json_like_profiles)
def test_random_json_raises_only_validation_errors(profile):
    try:
        result = calculator.score(profile)
    except calculator.ValidationError as error:
        assert error.problems
        for problem in error.problems:
            assert problem["zh"] and problem["en"] and isinstance(problem["path"], str)
        return
    assert result["total"] == max(0, sum(line["points"] for line in result["lines"]))


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_profiles())
def test_planner_accepts_every_valid_profile(profile):
    try:
        plan = calculator.plan(profile)
    except calculator.ValidationError:
        return
    day = plan["time_only"]["reaches_standard_on"]
    assert day is None or day >= plan["as_of"]


@SETTINGS
@given(st.dates(date(2018, 1, 1), date(2030, 12, 31)), st.data())
def test_a_base_in_yuan_from_the_first_yardstick_on_never_raises(as_of, data):
    """D24: a base in yuan is an error only before the first yardstick row and inside the
    windows; any later month converts, estimated after the newest row."""
    first = yardstick.first_month()
    widest = max(
        *(b["window_months"] for b in rules.value("insurance_base.scale", as_of)),
        rules.value("credential.base_test_window", as_of),
    )
    window_start = month_of(as_of) - widest
    start = data.draw(st.integers(first - 60, month_of(as_of) + 12))
    assume(start >= first or window_start >= first)
    period = {
        "from": month_label(start),
        "base_cny": data.draw(st.one_of(st.integers(1, 10_000_000), st.floats(0.01, 10_000_000))),
    }
    if data.draw(st.booleans()):
        period["to"] = month_label(start + data.draw(st.integers(0, 150)))
    for answer in ("back_pay", "employer_matches", "base_matches_tax"):
        if data.draw(st.integers(0, 4)) == 0:
            period[answer] = data.draw(st.booleans())
    profile = {
        "as_of": as_of.isoformat(),
        "birth_date": "1980-01-01",
        "credentials": [{"type": "title", "level": "intermediate"}],
        "insurance": [period],
    }
    result = calculator.score(profile)
    assert result["total"] == max(0, sum(line["points"] for line in result["lines"]))
    estimated = any(w["code"] == "yardstick_estimated" for w in result["warnings"])
    assert estimated == ("估算" in "".join(line["explanation"] for line in result["lines"]))


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_any_day_reads_back_in_each_typed_form(day):
    forms = [day.isoformat(), day.strftime("%Y%m%d"), f"{day.year}年{day.month}月{day.day}日",
             f"{day.year}/{day.month}/{day.day}"]
    assert {read_date(f) for f in forms} == {day}


@given(st.integers(1900 * 12, 2100 * 12))
def test_any_month_reads_back_in_each_typed_form(month):
    label = month_label(month)
    year, number = int(label[:4]), int(label[5:])
    assert {read_month(label), read_month(label.replace("-", "")),
            read_month(f"{year}年{number}月")} == {month}
