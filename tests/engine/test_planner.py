"""The planner: the current course, every route within the rules, a deadline, and the
projected totals month by month, all re-scored by the engine."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

import calculator
from calculator.dates import add_months, add_years
from calculator.deadline import apply_by
from calculator.engine import score_profile
from calculator.profile import read_profile
from calculator.routes import keep_paying
from calculator.rules import exact, value, value_entry

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
    # those within reach first (skill_2 and skill_1 need a lower level first), each part
    # soonest first
    order = [(r["out_of_reach"] is not None, r["reaches_standard_on"]) for r in plan["routes"]]
    assert order == sorted(order)
    assert routes["skill_2"]["out_of_reach"] and not routes["skill_3"]["out_of_reach"]


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
    result = score_profile(on_the_day, full=False)
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


def _month_before(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"


def _as_planned(day: str, *, base: float = 0.8, base_from: str = "2026-11",
                credential: dict | None = None, held_from: str = "", three_places=False):
    """The 85-point person's result on `day` as a route of the plan assumes her then, written
    out as she would type it: 0.8x until the month before `base_from`, `base` from then on,
    `credential` held from `held_from`, 三地一致 settled."""
    profile = {
        **EIGHTY_FIVE,
        "as_of": day,
        "insurance": [
            {"from": "2016-01", "to": _month_before(base_from), "base_multiple": 0.8},
            {"from": base_from, "base_multiple": base},
        ],
    }
    if credential is not None and day >= held_from:
        profile["credentials"] = [credential]
    if three_places:
        profile["education"] = {**EIGHTY_FIVE["education"], "study_place_consistent": True}
    return calculator.score(profile)


SKILL = {"type": "skill", "occupation": "电工", "job_match": True}
# Each charted route of the 85-point person as the plan assumes it.
AS_PLANNED = {
    "time_only": {},
    "three_places": {"three_places": True},
    "base_3": {"base": 3},
    "skill_3": {"credential": {**SKILL, "level": 3}},
    "skill_4": {"credential": {"type": "skill", "level": 4, "job_match": True}},
    "skill_2": {"base": 1, "credential": {**SKILL, "level": 2}},
    "title_intermediate": {
        "base": 1, "credential": {"type": "title", "level": "intermediate", "job_match": True}},
}


@pytest.mark.parametrize("compare", [
    ["skill_3", "base_3", "three_places"],
    ["title_intermediate", "skill_2", "skill_4"],
])
def test_every_series_of_the_projection_equals_rescoring_on_every_date(compare):
    plan = _plan(EIGHTY_FIVE, compare=compare)
    projection = plan["projection"]
    assert [s["id"] for s in projection["series"]] == ["time_only", *compare]
    routes = {r["id"]: r for r in [plan["time_only"], *plan["routes"]]}
    for series in projection["series"]:
        how = dict(AS_PLANNED[series["id"]])
        if "credential" in how:
            how["held_from"] = routes[series["id"]]["starts_on"]
        again = [_as_planned(day, **how)["total"] for day in projection["dates"]]
        assert series["totals"] == again, series["id"]


def test_the_projection_starts_today_and_follows_the_route():
    plan = _plan(EIGHTY_FIVE, compare=["skill_3", "base_3"])
    projection = plan["projection"]
    assert projection["dates"][0] == "2026-11-28"
    assert projection["series"][0]["totals"][0] == 85
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


@pytest.mark.parametrize(
    ("target", "latest", "day_after"),
    [
        # 技能四级: 121 from 2029-01-01 (the age line fell to 118 on 2028-11-20), so held from
        # the apply-by day 2029-02-01 of a 2029-03-01 target it is at the standard that day
        ("2029-03-01", "2029-02-01", "2029-02-02"),
    ],
)
def test_the_latest_start_is_the_last_day_that_still_makes_it(target, latest, day_after):
    skill = _routes(_plan(EIGHTY_FIVE, target_date=target))["skill_4"]
    assert skill["latest_start"] == latest
    assert f"最迟须于{latest}取得" in skill["deadline_note"]
    on_time = _routes(_plan(EIGHTY_FIVE, target_date=target, expected={"skill_4": latest}))
    assert on_time["skill_4"]["meets_target"] is True
    reached = on_time["skill_4"]["first_reach"] or {"from": None}
    assert latest in (reached["from"], on_time["skill_4"]["reaches_standard_on"])
    late = _plan(EIGHTY_FIVE, target_date=target, expected={"skill_4": day_after})
    assert _routes(late)["skill_4"]["meets_target"] is False
    # re-scored: held from that day, at the standard on it; held from the day after, short
    # of it on every day up to the apply-by day
    credential = AS_PLANNED["skill_4"]["credential"]
    assert _as_planned(latest, credential=credential, held_from=latest)["passes"]
    day, apply_by = date.fromisoformat(day_after), late["target"]["apply_by"]
    while day.isoformat() <= apply_by:
        on = day.isoformat()
        assert not _as_planned(on, credential=credential, held_from=day_after)["passes"], on
        day += timedelta(days=1)


def test_a_stretch_at_the_standard_that_ends_before_the_apply_by_day_does_not_make_it():
    plan = _plan(EIGHTY_FIVE, target_date="2029-01-01")
    assert plan["target"]["apply_by"] == "2028-12-04"
    skill = _routes(plan)["skill_4"]
    # at 120 from 2028-01-01 to 2028-11-19, 118 from the birthday, 121 from 2029-01-01 to
    # the next birthday: the score does not hold until the apply-by day, so the deadline is
    # not made; it stays at 120 or more only from 2030-01-01
    assert skill["first_reach"] == {"from": "2028-01-01", "to": "2028-11-19"}
    assert skill["reaches_standard_on"] == "2030-01-01"
    assert skill["reach_note"] == ("2028-01-01至11-19短暂达到，之后又低于120分；"
                                   "稳定达到120分：2030-01-01")
    assert skill["meets_target"] is False and skill["apply_until"] is None
    assert "skill_4" not in plan["target"]["routes_that_make_it"]
    held = {"credential": AS_PLANNED["skill_4"]["credential"], "held_from": "2027-05-28"}
    assert _as_planned("2028-11-19", **held)["total"] == 120
    assert _as_planned("2028-11-20", **held)["total"] == 118
    assert _as_planned("2028-12-04", **held)["total"] == 118
    # a route that stays at the standard may apply up to the apply-by day
    assert _routes(plan)["skill_3"]["apply_until"] == "2028-12-04"
    assert _routes(plan)["skill_3"]["deadline_note"].startswith("最迟约在2028-12-04前提出申请")
    # with a later target the score is back above 120 by the apply-by day, and holds
    later = _routes(_plan(EIGHTY_FIVE, target_date="2029-03-01"))["skill_4"]
    assert later["meets_target"] is True and later["apply_until"] == "2029-02-01"


def test_the_current_course_names_the_last_day_it_can_apply():
    # at the standard today, but paying stopped in 2026-05: from 2027-01 fewer than 6 of the
    # last 12 months are paid
    stopped = {
        "as_of": "2026-11-22",
        "birth_date": "1990-05-01",
        "education": {"level": "bachelor"},
        "insurance": [{"from": "2020-03", "to": "2026-05", "base_multiple": 1.0}],
    }
    plan = _plan(stopped, target_date="2028-06-30")
    course = plan["time_only"]
    assert plan["current"]["passes"] and course["meets_target"] is True
    assert course["apply_until"] == "2026-12-31"
    assert course["deadline_note"] == (
        "最迟须于2026-12-31提出申请：之后不再符合申请条件（社保缴纳月数不足）")
    # the one binding day leads, not the usual last day to apply (2028-06-02)
    assert ("要在2028-06-30前拿到结果，最迟须于2026-12-31提出申请：之后不再符合申请条件"
            in plan["summary"])
    assert plan["target"]["latest_day"] == "2026-12-31"
    assert calculator.score({**stopped, "as_of": "2026-12-31"})["passes"]
    assert not calculator.score({**stopped, "as_of": "2027-01-01"})["passes"]


@pytest.mark.parametrize(
    ("route", "target", "month", "how"),
    [
        # 3x from 2027-02 reaches 120 on 2029-02-01, the apply-by day of a 2029-03-01 target
        ("base_3", "2029-03-01", "2027-02", {"base": 3}),
        ("base_3", "2029-01-01", "2026-12", {"base": 3}),
        # 技能二级 held from 2027-05-28 counts once 6 of the last 12 months are at 1x
        ("skill_2", "2029-03-01", "2028-08", AS_PLANNED["skill_2"]),
        ("title_intermediate", "2029-03-01", "2028-08", AS_PLANNED["title_intermediate"]),
    ],
)
def test_the_latest_month_a_higher_base_must_start(route, target, month, how):
    plan = _plan(EIGHTY_FIVE, target_date=target)
    found = _routes(plan)[route]
    assert found["latest_base_month"] == month
    multiple = f"{how['base']:g}"
    assert f"须从{month}起" in found["deadline_note"] and f"社平工资{multiple}倍" in found[
        "deadline_note"]
    apply_by = plan["target"]["apply_by"]
    how = {**how, "held_from": found["starts_on"]} if "credential" in how else how
    # from that month, at the standard on the apply-by day; a month later, on no day of the
    # last three months up to it (nor before: a later base never scores more)
    assert _as_planned(apply_by, **how, base_from=month)["passes"]
    year, number = divmod(int(month[:4]) * 12 + int(month[5:]), 12)  # the month after
    after = f"{year}-{number + 1:02d}"
    day = date.fromisoformat(apply_by)
    for back in range(92):
        earlier = (day - timedelta(days=back)).isoformat()
        assert not _as_planned(earlier, **how, base_from=after)["passes"], earlier


def test_a_base_route_that_cannot_make_it_says_so():
    base = _routes(_plan(EIGHTY_FIVE, target_date="2029-03-01"))["base_1"]
    assert base["meets_target"] is False and base["latest_base_month"] is None
    assert base["deadline_note"] == "即使从2026-11起就按社平工资1倍缴费也来不及"


@pytest.mark.parametrize("target", ["2026-06-01", "2026-11-27"])
def test_a_deadline_already_passed_says_so(target):
    plan = _plan(EIGHTY_FIVE, target_date=target)
    assert plan["target"]["apply_by_passed"] is True
    assert f"截止日期{target}已经过去。" in plan["summary"]
    assert plan["target"]["apply_by"] not in plan["summary"]
    assert plan["target"]["routes_that_make_it"] == []
    assert all(r["latest_start"] is None and r["deadline_note"] is None for r in plan["routes"])


def test_an_apply_by_day_already_passed_is_not_given_as_a_date():
    # 2026-12-01 is still to come, but 20 working days before it is 2026-11-03
    plan = _plan(EIGHTY_FIVE, target_date="2026-12-01")
    target = plan["target"]
    assert target["apply_by"] == "2026-11-03" and target["apply_by_passed"] is True
    assert "最迟的申请日已经过去" in plan["summary"] and "2026-11-03" not in plan["summary"]
    assert target["routes_that_make_it"] == [] and target["current_course_makes_it"] is False
    # both sides of today (Saturday 2026-11-28): filed on Friday, or on Monday
    passed = _plan(EIGHTY_FIVE, target_date="2026-12-25")
    assert passed["target"]["apply_by"] == "2026-11-27"
    assert passed["target"]["apply_by_passed"] is True
    assert passed["target"]["routes_that_make_it"] == []
    first = _plan(EIGHTY_FIVE, target_date="2026-12-26")
    assert first["target"]["apply_by"] == "2026-11-30"
    assert first["target"]["apply_by_passed"] is False
    assert first["target"]["routes_that_make_it"] == ["three_places"]
    assert "约需在2026-11-30前提出申请" in first["summary"]


def test_a_deadline_already_met_by_the_current_course():
    plan = _plan(YOUNG, target_date="2040-01-01")
    assert plan["time_only"]["meets_target"] is True
    assert "按现在的情况继续就来得及" in plan["summary"]


def test_a_bad_deadline_is_a_clear_error():
    with pytest.raises(calculator.ValidationError) as caught:
        _plan(YOUNG, target_date="2029-02-30")
    assert caught.value.problems == [{
        "path": "plan.target_date",
        "zh": "需要达到标准分值的日期：2029年2月没有30日。",
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


def test_the_current_course_is_found_on_its_own_day_beside_routes_that_start_later():
    # the title route starts a year on and is at the standard that day; going on as now
    # gets there sooner (the higher base line from 2027-09), which only re-scoring shows
    profile = {
        "as_of": "2026-11-28",
        "birth_date": "1992-06-15",
        "education": {"level": "junior_college", "full_time": True},
        "insurance": [{"from": "2024-09", "base_multiple": 1.0}],
    }
    expected = {"skill_2": "2027-05-28", "skill_1": "2027-05-28"}
    plan = calculator.plan({**profile, "plan": {"expected": expected}})
    assert plan["time_only"]["reaches_standard_on"] == "2027-09-01"
    assert calculator.score({**profile, "as_of": "2027-09-01"})["passes"]
    day = date(2026, 11, 28)
    while day < date(2027, 9, 1):
        assert not calculator.score({**profile, "as_of": day.isoformat()})["passes"], day
        day += timedelta(days=1)
    assert {r["id"] for r in plan["routes"]} == {"skill_2", "skill_1"}


def test_a_route_says_the_effort_it_usually_takes_and_whose_date_it_uses():
    plan = _plan(EIGHTY_FIVE, expected={"skill_3": "2027-03-15"})
    routes = _routes(plan)
    for rid, param in (("skill_2", "skill_high"), ("skill_1", "skill_high"),
                       ("skill_4", "skill"), ("title_intermediate", "title"),
                       ("education_bachelor", "education")):
        note = value_entry(f"planner.expected_months.{param}", date(2026, 11, 28))["note"]
        assert note in routes[rid]["needs"], rid
    assert "一般要先取得低一级的证书" in routes["skill_2"]["needs"]
    assert "评审或考试" in routes["title_intermediate"]["needs"]
    for rid, months in (("skill_4", 6), ("title_intermediate", 12), ("education_bachelor", 30)):
        estimated = f"（未填写预计取得日期，本站按约{months}个月后估计，这是本站的假设，可修改）"
        assert estimated in routes[rid]["assumption"], rid
    # a date the person typed is theirs: nothing calls it the site's assumption
    typed = routes["skill_3"]
    assert "（按你填写的预计取得日期）" in typed["assumption"]
    assert "未填写" not in typed["assumption"]
    assert "假设" not in typed["assumption"] + typed["needs"]
    # the estimate is the site's own number, from its rules data
    months = value("planner.expected_months.skill", date(2026, 11, 28))
    assert routes["skill_4"]["starts_on"] == add_months(date(2026, 11, 28), months).isoformat()


def test_a_credential_route_lists_only_its_own_type_of_documents():
    routes = _routes(calculator.plan(EIGHTY_FIVE))
    skill = routes["skill_4"]["documents"][0]["items"]
    assert skill and all(item.startswith("技能等级") for item in skill)
    assert not any("注册" in item or "认可清单" in item or "职称" in item for item in skill)
    title = routes["title_intermediate"]["documents"][0]["items"]
    assert title == ["职称：职称证书"]
    # a scored result lists the proof of the kinds of credential the person gave
    scored = calculator.score({**EIGHTY_FIVE, "credentials": [
        {"type": "skill", "level": 4, "job_match": True}]})
    credential = next(d for d in scored["documents"] if d["id"] == "credential")
    assert credential["items"] == skill
