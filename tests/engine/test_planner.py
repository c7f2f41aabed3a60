"""The planner: the current course, every route within the rules, a deadline, and the
projected totals month by month, all re-scored by the engine."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import calculator
from calculator.dates import add_years
from calculator.engine import score_profile
from calculator.planner import apply_by
from calculator.profile import read_profile
from calculator.routes import keep_paying, latest_multiple
from calculator.rules import exact

YOUNG = {
    "as_of": "2026-11-22",
    "birth_date": "1996-05-01",
    "education": {"level": "junior_college"},
    "insurance": [{"from": "2024-03", "base_multiple": 0.7}],
}
# 85 points, no certificate: non-full-time 大专 without 三地一致, insured since 2016-01 at 0.8×.
EIGHTY_FIVE = {
    "as_of": "2026-11-28",
    "birth_date": "1983-11-20",
    "education": {"level": "junior_college", "full_time": False, "study_place_consistent": False},
    "insurance": [{"from": "2016-01", "base_multiple": 0.8}],
}


def _plan(profile: dict, **options) -> dict:
    return calculator.plan({**profile, "plan": options})


def _routes(plan) -> dict:
    return {r["id"]: r for r in plan["routes"]}


def test_time_only_date_is_the_first_passing_day():
    plan = calculator.plan(YOUNG)
    day = plan["time_only"]["reaches_standard_on"]
    # 30 + 50 + 3 per year: 40 more points = 14 years of insurance from 2024-03 → 2038-03
    assert day == "2038-03-01"
    on = calculator.score(
        {
            **YOUNG,
            "as_of": day,
            "insurance": [
                {"from": "2024-03", "to": "2026-10", "base_multiple": 0.7},
                {"from": "2026-11", "base_multiple": 0.7},
            ],
        }
    )
    assert on["passes"] and on["total"] == plan["time_only"]["total"]
    assert not calculator.score({**YOUNG, "as_of": "2038-02-28"})["passes"]


def test_the_85_point_person_is_offered_the_routes_within_reach():
    plan = _plan(EIGHTY_FIVE, expected={"skill_3": "2026-11-28"})
    assert plan["current"]["total"] == 85
    routes = _routes(plan)
    # a level-3 certificate in the catalogue needs no base test: 85 + 60 as soon as it is held
    skill = routes["skill_3"]
    assert skill["total"] == 145 and skill["reaches_standard_on"] == "2026-11-28"
    assert "高技能人才职业、工种目录" in skill["needs"] and "考试" in skill["needs"]
    assert routes["three_places"]["reaches_standard_on"] == "2026-11-28"
    assert routes["three_places"]["total"] == 135
    assert {"skill_4", "title_intermediate", "education_bachelor", "base_3"} <= set(routes)
    title_needs = routes["title_intermediate"]["needs"]
    assert "最近12个月中至少6个月的缴费基数不低于社平工资1倍" in title_needs
    days = [r["reaches_standard_on"] for r in plan["routes"]]
    assert days == sorted(days)


def test_every_route_figure_is_a_rescore():
    plan = calculator.plan(EIGHTY_FIVE)
    p = read_profile(EIGHTY_FIVE)
    later = date.fromisoformat(_routes(plan)["base_3"]["reaches_standard_on"])
    paying = keep_paying(p, exact(3))
    result = score_profile(replace(paying, as_of=later))
    assert result["passes"] and result["total"] == _routes(plan)["base_3"]["total"]
    before = score_profile(replace(paying, as_of=date(later.year, later.month - 1, 1)))
    assert not before["passes"]


def test_each_route_carries_its_points_by_line_on_the_day_it_reaches_the_standard():
    plan = _plan(EIGHTY_FIVE, expected={"skill_3": "2027-03-15"})
    ids = [line["id"] for line in calculator.score(EIGHTY_FIVE)["lines"]]
    assert list(plan["line_labels"]) == ids and plan["line_labels"]["age"] == "年龄"
    for route in [plan["time_only"], *plan["routes"]]:
        assert list(route["lines"]) == ids
        assert sum(route["lines"].values()) == route["total"]
    # the base route re-scored on its day: every line as the engine gives it then
    base = _routes(plan)["base_3"]
    p = read_profile(EIGHTY_FIVE)
    on_the_day = replace(keep_paying(p, exact(3)),
                         as_of=date.fromisoformat(base["reaches_standard_on"]))
    result = score_profile(on_the_day, confirmations=False)
    assert base["lines"] == {line["id"]: line["points"] for line in result["lines"]}
    # the certificate counts instead of the non-full-time 大专 (the higher of the two)
    skill = _routes(plan)["skill_3"]["lines"]
    assert skill["credential"] == 60 and skill["education"] == 0
    # a course that never gets there: its lines on the horizon
    course = plan["time_only"]
    assert course["reaches_standard_on"] is None and course["total_on"] == plan["horizon"]


def test_a_route_names_the_documents_for_the_lines_it_adds():
    routes = _routes(calculator.plan(EIGHTY_FIVE))
    # the certificate adds the credential line; 三地一致 makes the education line score
    assert [d["id"] for d in routes["skill_3"]["documents"]] == ["credential"]
    education = routes["three_places"]["documents"]
    assert [d["id"] for d in education] == ["education"]
    assert any("三地一致" in item for item in education[0]["items"])
    # a higher base changes a line that already scores: nothing new to prepare
    assert routes["base_3"]["documents"] == []


def test_a_credential_route_takes_the_date_the_person_expects():
    plan = _plan(EIGHTY_FIVE, expected={"skill_3": "2027-03-15"})
    assert _routes(plan)["skill_3"]["starts_on"] == "2027-03-15"
    assert _routes(plan)["skill_3"]["reaches_standard_on"] == "2027-03-15"
    default = _routes(calculator.plan(EIGHTY_FIVE))["skill_3"]
    assert default["starts_on"] == "2027-05-28" and "2027-05-28" in default["assumption"]


def test_a_route_expected_after_the_horizon_never_reaches_the_standard_within_it():
    late = {"skill_4": "2042-01-01", "title_intermediate": "2045-01-01"}
    plan = _plan(EIGHTY_FIVE, expected=late)
    routes = _routes(plan)
    assert "skill_4" not in routes and "title_intermediate" not in routes
    assert all(r["reaches_standard_on"] <= plan["horizon"] for r in plan["routes"])
    # the lower level, held from its own (default) day, is planned on its own: a higher level
    # expected later says nothing about it
    alone = _routes(_plan(EIGHTY_FIVE))["skill_5"]
    assert routes["skill_5"]["reaches_standard_on"] == alone["reaches_standard_on"]
    assert alone["reaches_standard_on"] < plan["horizon"]


def test_the_time_only_card_never_shows_the_evaluation_date_as_its_horizon():
    plan = calculator.plan(EIGHTY_FIVE)
    course = plan["time_only"]
    assert course["reaches_standard_on"] is None
    assert course["total_on"] == plan["horizon"] != plan["as_of"]
    assert f"到{plan['horizon']}仍达不到120分" in plan["summary"]


def test_the_projection_equals_rescoring_on_each_date():
    plan = _plan(EIGHTY_FIVE, compare=["skill_3", "base_3"])
    projection = plan["projection"]
    assert [s["id"] for s in projection["series"]] == ["time_only", "skill_3", "base_3"]
    p = read_profile(EIGHTY_FIVE)
    paying = keep_paying(p, latest_multiple(p))
    course = projection["series"][0]["totals"]
    assert projection["dates"][0] == "2026-11-28" and course[0] == 85
    for index in (0, 1, 13, len(course) - 1):
        day = date.fromisoformat(projection["dates"][index])
        assert course[index] == score_profile(replace(paying, as_of=day))["total"]
    # held from 2027-05-28: 85 + 60, and one more insurance year by then
    assert projection["series"][1]["totals"][6:8] == [88, 148]


def test_at_most_three_routes_are_charted_and_unknown_ids_are_ignored():
    plan = _plan(EIGHTY_FIVE, compare=["skill_3", "nope", "base_3", "three_places", "skill_4"])
    assert [s["id"] for s in plan["projection"]["series"]] == [
        "time_only", "skill_3", "base_3", "three_places"
    ]


def test_apply_by_allows_the_working_days_of_processing():
    # 20 working days before Thursday 2029-03-01, weekends skipped
    assert apply_by(date(2029, 3, 1), date(2026, 11, 28)) == date(2029, 2, 1)


@pytest.mark.parametrize(
    ("target", "makes_it"),
    [("2027-06-25", True), ("2027-06-24", False)],
)
def test_a_deadline_on_both_sides_of_the_processing_time(target, makes_it):
    # the level-3 certificate from 2027-05-28 reaches 120 that day; 20 working days later is
    # 2027-06-25, the first deadline it makes
    plan = _plan(EIGHTY_FIVE, target_date=target)
    skill = _routes(plan)["skill_3"]
    assert skill["meets_target"] is makes_it
    assert plan["target"]["date"] == target
    assert ("skill_3" in plan["target"]["routes_that_make_it"]) is makes_it
    assert plan["target"]["current_course_makes_it"] is False
    assert plan["target"]["processing_working_days"] == 20


def test_the_latest_start_still_makes_the_deadline():
    plan = _plan(EIGHTY_FIVE, target_date="2029-03-01")
    skill = _routes(plan)["skill_3"]
    assert skill["latest_start"] == plan["target"]["apply_by"] == "2029-02-01"
    late = _plan(EIGHTY_FIVE, target_date="2029-03-01",
                 expected={"skill_3": skill["latest_start"]})
    assert _routes(late)["skill_3"]["meets_target"] is True
    title = _routes(plan)["title_intermediate"]
    # the 1x base test needs 6 of the last 12 months at 1x: paying 1x from 2026-11 is met by
    # 2027-05, so the title alone decides
    assert title["latest_start"] == "2029-02-01"


def test_a_deadline_already_met_by_the_current_course():
    plan = _plan(YOUNG, target_date="2040-01-01")
    assert plan["time_only"]["meets_target"] is True
    assert "按现在的情况继续就来得及" in plan["summary"]


def test_a_bad_deadline_is_a_clear_error():
    with pytest.raises(calculator.ValidationError) as caught:
        _plan(YOUNG, target_date="2029-02-30")
    assert caught.value.problems == [{
        "path": "plan.target_date",
        "zh": "需要达到120分的日期：2029年2月没有30日。",
        "en": "plan.target_date must be a date",
    }]


def test_the_deadline_reads_as_people_type_it_and_the_command_line_overrides_it():
    plan = _plan(YOUNG, target_date="2029年3月1日")
    assert plan["target"]["date"] == "2029-03-01"
    assert calculator.plan({**YOUNG, "plan": {"target_date": "2029-03-01"}},
                           target="2030-01-02")["target"]["date"] == "2030-01-02"


def test_scoring_ignores_the_plan_options():
    with_plan = {**YOUNG, "plan": {"target_date": "2029-03-01", "compare": ["base_1"]}}
    assert calculator.score(with_plan)["total"] == calculator.score(YOUNG)["total"]


def test_already_passing():
    plan = calculator.plan({**YOUNG, "education": {"level": "bachelor_with_degree"}})
    assert plan["current"]["passes"] and plan["routes"] == []
    assert plan["time_only"]["reaches_standard_on"] == "2026-11-22"


def test_deduction_leaving_its_window_is_found():
    profile = {
        "as_of": "2026-11-22",
        "birth_date": "1996-02-02",
        "education": {"level": "bachelor_with_degree"},
        "detentions": ["2023-01-10"],
        "insurance": [{"from": "2026-04", "to": "2026-10", "base_multiple": 1.0}],
    }
    # 120 - 50 until the record is 5 years old; paying goes on at 1.0 so +3 a year
    assert calculator.plan(profile)["time_only"]["reaches_standard_on"] == "2028-01-10"


def test_vetoed_profile_never_passes():
    plan = calculator.plan({**YOUNG, "serious_crime": True})
    assert plan["time_only"]["reaches_standard_on"] is None and plan["routes"] == []
    assert "否决" in plan["summary"]


def test_horizon_is_fifteen_years():
    plan = calculator.plan({"as_of": "2026-11-22", "birth_date": "1970-01-01"})
    assert plan["horizon"] == add_years(date(2026, 11, 22), 15).isoformat()
    assert plan["time_only"]["reaches_standard_on"] is None


def test_cny_bases_are_continued_as_multiples():
    profile = {
        "as_of": "2026-05-10",
        "birth_date": "2000-05-01",
        "insurance": [{"from": "2024-07", "base_cny": 13000}],
    }
    # 30 + 50 (base above 1x, continued as a multiple) + 3 per year: 14 years from 2024-07
    assert calculator.plan(profile)["time_only"]["reaches_standard_on"] == "2038-07-01"
