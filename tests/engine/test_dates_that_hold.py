"""Dates that hold (issue 17): a plan's "reaches 120" day is the day from which the total stays
at 120 or more up to the horizon; a first stretch that does not last is said in words; a
deadline is made only when the score holds from the day to apply until the apply-by day, and
the deadline's data leads with the one binding latest day."""

from __future__ import annotations

from datetime import date, timedelta

import calculator
from calculator.dates import add_months, add_years
from calculator.deadline import apply_by

# 45, 技能三级 电工 from outside Shanghai and verified, insured from 2018-03 at 0.6×: at 120
# from 2033-03-01, 118 from his birthday on 03-10, at 120 or more again only from 2035-03-01.
ELECTRICIAN = {
    "version": 2, "as_of": "2026-12-06", "birth_date": "1981-03-10",
    "credentials": [{"type": "skill", "level": 3, "occupation": "电工", "job_match": True,
                     "obtained_in_shanghai": False, "verified_in_shanghai": True}],
    "insurance": [{"from": "2018-03", "base_multiple": 0.6}],
}
# exactly 120 today (30 + 60 + 30), 119 from the 44th birthday on 2026-12-20
AT_120 = {
    "version": 2, "as_of": "2026-12-06", "birth_date": "1982-12-20",
    "education": {"level": "bachelor"},
    "insurance": [{"from": "2016-12", "base_multiple": 0.6}],
}


def _total(profile: dict, day: str) -> int:
    return calculator.score({**profile, "as_of": day})["total"]


def test_the_day_to_reach_120_is_the_day_it_holds_and_a_first_touch_is_said():
    plan = calculator.plan(ELECTRICIAN)
    course = plan["time_only"]
    assert course["reaches_standard_on"] == "2035-03-01"
    assert course["first_reach"] == {"from": "2033-03-01", "to": "2033-03-09"}
    note = "2033-03-01至03-09短暂达到，之后又低于120分；稳定达到120分：2035-03-01"
    assert course["reach_note"] == note
    assert note in plan["summary"] and "预计2033-03-01达到" not in plan["summary"]
    assert [_total(ELECTRICIAN, d) for d in ("2033-02-28", "2033-03-01", "2033-03-09",
                                            "2033-03-10", "2035-02-28", "2035-03-01")] == [
        117, 120, 120, 118, 119, 122]


def test_from_the_day_it_holds_the_total_stays_at_120_on_every_day_it_can_change():
    plan = calculator.plan(ELECTRICIAN)
    held, horizon = (date.fromisoformat(plan["time_only"]["reaches_standard_on"]),
                     date.fromisoformat(plan["horizon"]))
    days = {add_months(held, n).replace(day=1) for n in range(1, 12 * 15)}
    days |= {add_years(date(1981, 3, 10), age) for age in range(54, 62)}
    for day in sorted(d for d in days if held <= d <= horizon):
        assert calculator.score({**ELECTRICIAN, "as_of": day.isoformat()})["passes"], day


def test_a_stretch_that_ends_before_the_apply_by_day_does_not_make_the_deadline():
    plan = calculator.plan({**ELECTRICIAN, "plan": {"target_date": "2034-01-01"}})
    course = plan["time_only"]
    assert course["meets_target"] is False and course["apply_until"] is None
    assert plan["target"]["current_course_makes_it"] is False
    assert "按现在的情况来不及" in plan["summary"]


def test_a_stretch_that_holds_until_the_apply_by_day_makes_it():
    # a target whose apply-by day falls inside the nine days at 120
    target = next(d for d in (date(2033, 3, 20) + timedelta(days=n) for n in range(40))
                  if date(2033, 3, 1) <= apply_by(d, date(2026, 12, 6)) <= date(2033, 3, 9))
    plan = calculator.plan({**ELECTRICIAN, "plan": {"target_date": target.isoformat()}})
    course = plan["time_only"]
    assert course["meets_target"] is True
    assert course["apply_until"] == plan["target"]["apply_by"] == plan["target"]["latest_day"]


def test_someone_at_120_today_is_told_the_one_binding_day_first():
    plan = calculator.plan({**AT_120, "plan": {"target_date": "2027-03-01"}})
    course, target = plan["time_only"], plan["target"]
    assert plan["current"]["passes"] and _total(AT_120, "2026-12-19") == 120
    assert _total(AT_120, "2026-12-20") == 119
    assert target["apply_by"] == "2027-02-01"
    assert next(iter(target)) == "latest_day" and target["latest_day"] == "2026-12-19"
    assert course["meets_target"] is True and course["apply_until"] == "2026-12-19"
    assert course["deadline_note"].startswith("最迟须于2026-12-19提出申请：之后年龄分减少")
    summary = plan["summary"]
    assert "请尽早申请" in summary and "签注居住证" in summary
    assert "要在2027-03-01前拿到结果，最迟须于2026-12-19提出申请" in summary
    assert "2027-02-01前提出申请" not in summary
