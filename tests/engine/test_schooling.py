"""The 中考 and 高考 facts (calculator.schooling, data/schooling.toml): the data is sound, and
the deadline the calculator suggests for a 中考 year follows the notices' days."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from calculator import schooling


def test_the_data_has_no_problems():
    assert schooling.problems() == []


def test_a_fact_citing_an_unknown_source_is_a_problem(monkeypatch):
    broken = copy.deepcopy(schooling._data())
    broken["zhongkao"]["late_deadline_refs"] = ["E1", "X9"]
    broken["zhongkao"]["cycle"][0]["online_to"] = date(2016, 1, 1)
    monkeypatch.setattr(schooling, "_data", lambda: broken)
    found = schooling.problems()
    assert "schooling.toml: [zhongkao] late_deadline_refs: unknown source 'X9'" in found
    assert "schooling.toml: [zhongkao] cycle 2017: dates out of order" in found


def test_a_year_with_its_notice_uses_that_notices_day():
    found = schooling.zhongkao_deadline(2026)
    assert found["latest"] == date(2026, 5, 7)
    assert found["latest_from_notice"] is True
    assert found["recommended"] == date(2025, 11, 1)
    assert found["registration"]["online_from"] == date(2026, 1, 19)
    assert "当年通知所定" in found["words"]


def test_the_2017_cycle_had_a_later_day():
    assert schooling.zhongkao_deadline(2017)["latest"] == date(2017, 5, 12)


def test_a_later_year_is_estimated_from_recent_notices_and_says_so():
    found = schooling.zhongkao_deadline(2029)
    assert found["latest"] == date(2029, 5, 7)
    assert found["latest_from_notice"] is False
    assert found["registration"] is None
    assert found["recommended"] == date(2028, 11, 1)
    assert found["words"] == (
        "孩子2029年参加中考：建议2028年11月1日前拿到核定的积分通知单（本站估计，赶在初三的"
        "报名材料核查之前）；最迟2029年5月7日前补报名（按近年通知推算，当年通知本站未查到）。"
    )


def test_the_recommended_day_comes_before_the_latest():
    for year in range(2024, 2040):
        found = schooling.zhongkao_deadline(year)
        assert found["recommended"] < found["latest"]


@pytest.mark.parametrize("year", [1999, 2101, "2028", 2028.0, True, None])
def test_a_year_that_is_not_a_year_is_refused_in_words(year):
    with pytest.raises(ValueError, match="中考年份应为2000至2100之间的整数"):
        schooling.zhongkao_deadline(year)


def test_registration_months_in_school_year_order():
    assert schooling.zhongkao_registration_months() == [12, 1, 2, 3]


def test_every_source_is_linked_and_dated():
    for source in schooling.sources():
        assert source["url"].startswith("https://")
        assert isinstance(source["checked"], date)


def test_the_data_check_the_build_runs_names_a_schooling_problem(monkeypatch):
    from calculator import check

    broken = copy.deepcopy(schooling._data())
    broken["gaokao"]["cycle"][0]["refs"] = ["E99"]
    monkeypatch.setattr(schooling, "_data", lambda: broken)
    assert "schooling.toml: [gaokao] cycle 2023: unknown source 'E99'" in [
        str(p) for p in check.check()
    ]
