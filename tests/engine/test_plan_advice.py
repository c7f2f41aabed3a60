"""Advice people can take (issue 17): a route that raises the contribution base says the monthly
wage it asks for, from that month's yardstick, and that the base must follow the real pay (D26);
the routes are weighed by what the person has (the education a title asks for, the level below
a skill step), those out of reach listed after the rest with why in plain words; the deadline
leads with its one binding latest day, and someone at 120 today is told why to apply early."""

from __future__ import annotations

import copy

import pytest

import calculator
from calculator import route_reach
from calculator.dates import parse_month
from calculator.rules import decision_templates
from calculator.yardstick import yardstick_for

# 0.6× (the floor) since 2018-03, no degree, no certificate: 54 points on 2026-12-06
FLOOR_WORKER = {
    "version": 2, "as_of": "2026-12-06", "birth_date": "1990-05-01",
    "education": {"level": "none"},
    "insurance": [{"from": "2018-03", "base_multiple": 0.6}],
}
# exactly 120 today (30 + 60 + 30), 119 from the 44th birthday on 2026-12-20
AT_120 = {
    "version": 2, "as_of": "2026-12-06", "birth_date": "1982-12-20",
    "education": {"level": "bachelor"},
    "insurance": [{"from": "2016-12", "base_multiple": 0.6}],
}


def _routes(profile: dict, **options) -> dict:
    plan = calculator.plan({**profile, "plan": options})
    return {r["id"]: r for r in plan["routes"]}


def _with(profile: dict, **changes) -> dict:
    return {**copy.deepcopy(profile), **changes}


def test_a_higher_base_says_the_wage_it_asks_for_in_that_months_yuan_and_that_it_follows_pay():
    routes = _routes(FLOOR_WORKER)
    stick = yardstick_for(parse_month("2026-12")).year
    for rid, multiple, cny in (("base_3", 3, 37731), ("base_2", 2, 25154), ("base_1", 1, 12577)):
        wage = routes[rid]["wage"]
        assert wage["month"] == "2026-12" and wage["multiple"] == multiple
        assert wage["cny"] == cny and wage["estimated"] is False
        lead = f"需月工资约{cny:,}元或以上（2026-12起按社平工资{multiple}倍计）"
        assert wage["text"].startswith(lead)
        assert "实际工资" in wage["text"] and "个人所得税" in wage["text"]
        assert wage["text"].endswith("（本站解释D26）") and wage["decision"] == "D26"
        assert routes[rid]["needs"].endswith(f"{wage['text']}。")
    # the ceiling is the 3× bracket's wage, from the yardstick data
    assert routes["base_3"]["wage"]["cny"] == stick.ceiling_cny == 3 * stick.average_cny
    # D26 is the decision on months whose base does not match the tax record
    assert "个人所得税" in decision_templates()["D26"]["text"]


def test_the_wage_is_that_of_the_month_the_base_starts_estimated_before_it_is_published():
    # in 2026-03 the 2025-07 year's yardstick applies (12,434), not the newest
    earlier = _routes(_with(FLOOR_WORKER, as_of="2026-03-10"))["base_1"]["wage"]
    assert earlier["month"] == "2026-03" and earlier["cny"] == 12434
    assert earlier["estimated"] is False and "估算" not in earlier["text"]
    # after the newest published year, the newest stands in and the words say so (D24)
    later = _routes(_with(FLOOR_WORKER, as_of="2027-08-01"))["base_1"]["wage"]
    assert later["month"] == "2027-08" and later["cny"] == 12577 and later["estimated"] is True
    assert "按2026年7月起的社平工资12,577元估算，新的缴费年度公布后会变" in later["text"]


def test_a_title_or_skill_step_that_raises_the_base_says_the_wage_and_one_that_does_not_says_none():
    routes = _routes(FLOOR_WORKER)
    for rid in ("title_intermediate", "skill_2", "skill_1"):
        assert routes[rid]["wage"]["cny"] == 12577 and routes[rid]["wage"]["multiple"] == 1
        assert routes[rid]["wage"]["text"] in routes[rid]["needs"]
    assert routes["skill_3"]["wage"] is None  # level 3 has no base test
    paid_enough = _routes(_with(FLOOR_WORKER, insurance=[
        {"from": "2018-03", "base_multiple": 1.2}]))
    assert all(r["wage"] is None for r in paid_enough.values() if r["kind"] != "base")
    assert "需月工资" not in paid_enough["title_intermediate"]["needs"]


def test_a_title_without_the_education_it_asks_for_is_out_of_reach_and_never_first():
    plan = calculator.plan(FLOOR_WORKER)
    routes = {r["id"]: r for r in plan["routes"]}
    title = routes["title_intermediate"]
    # it would be the soonest route, but the person has no 大专
    assert title["reaches_standard_on"] == min(r["reaches_standard_on"] for r in plan["routes"])
    assert plan["routes"][0]["id"] != "title_intermediate"
    reach = title["out_of_reach"]
    assert reach["first"] == "要先有大专（高职）及以上学历"
    assert "申报中级职称一般要有大专（高职）及以上学历" in reach["why"]
    assert "你填写的学历是高中（中专）及以下" in reach["why"]
    assert {s["url"] for s in reach["sources"]} == {
        "https://233.com/zjjjs/zhinan/202402/29085820925998.html",
        "https://e78.com.cn/banjifen/news/jifen_2498.html"}
    first = plan["routes"][0]
    assert first["out_of_reach"] is None
    fastest = f"最快的办法：{first['title']}，预计{first['reaches_standard_on']}达到"
    assert fastest in plan["summary"]
    # the routes within reach first, then those out of reach, each part soonest first
    order = [(r["out_of_reach"] is not None, r["reaches_standard_on"]) for r in plan["routes"]]
    assert order == sorted(order) and order[-1][0] is True


@pytest.mark.parametrize("change", [
    {"education": {"level": "junior_college"}},
    {"credentials": [{"type": "title", "level": "junior", "job_match": True}]},
    {"plan": {"expected": {"title_intermediate": "2027-12-06"}}},
])
def test_a_title_is_within_reach_with_a_college_education_a_junior_title_or_the_persons_date(
        change):
    plan = calculator.plan(_with(FLOOR_WORKER, **change))
    title = next(r for r in plan["routes"] if r["id"] == "title_intermediate")
    assert title["out_of_reach"] is None
    assert plan["routes"][0]["id"] == "title_intermediate"  # the soonest again


def test_a_senior_title_without_the_education_gives_its_own_reason():
    holder = _with(FLOOR_WORKER, insurance=[{"from": "2024-03", "base_multiple": 0.6}],
                   credentials=[{"type": "title", "level": "intermediate", "job_match": True}])
    senior = _routes(holder)["title_senior"]["out_of_reach"]
    assert senior["first"] == "要先有大专（高职）及以上学历"
    assert senior["why"].startswith("申报高级职称一般要有大专（高职）及以上学历，"
                                    "并在取得中级职称后")
    assert "中级经济师" not in senior["why"]


def test_a_skill_step_needs_the_level_below_first():
    routes = _routes(FLOOR_WORKER)
    assert routes["skill_3"]["out_of_reach"]["first"] == "要先取得技能四级（中级工）证书"
    assert routes["skill_2"]["out_of_reach"]["first"] == "要先取得技能三级（高级工）证书"
    assert routes["skill_1"]["out_of_reach"]["first"] == "要先取得技能二级（技师）证书"
    why = routes["skill_2"]["out_of_reach"]["why"]
    assert why.startswith("技能二级（技师）一般要先取得本职业（或相关职业）的"
                          "技能三级（高级工）证书")
    assert "你没有填写技能三级（高级工）或更高等级的技能证书" in why
    # a level-3 certificate held (scored or not) opens the step to level 2, not level 1
    holder = _with(FLOOR_WORKER, credentials=[
        {"type": "skill", "level": 3, "occupation": "电工", "job_match": True,
         "obtained_in_shanghai": False, "verified_in_shanghai": False}])
    held = _routes(holder)
    assert held["skill_2"]["out_of_reach"] is None
    assert held["skill_1"]["out_of_reach"]["first"] == "要先取得技能二级（技师）证书"
    # a date the person gives is theirs: the route is within reach then
    typed = _routes(FLOOR_WORKER, expected={"skill_3": "2027-03-01"})
    assert typed["skill_3"]["out_of_reach"] is None


def test_a_route_out_of_reach_that_makes_the_deadline_says_what_it_needs_first():
    plan = calculator.plan({**FLOOR_WORKER, "plan": {"target_date": "2029-03-01"}})
    routes = {r["id"]: r for r in plan["routes"]}
    assert routes["title_intermediate"]["meets_target"] is True
    assert "取得与岗位相符的中级职称（要先有大专（高职）及以上学历）" in plan["summary"]
    makes = plan["target"]["routes_that_make_it"]
    assert makes == [r["id"] for r in plan["routes"] if r["meets_target"]]
    assert makes.index("title_intermediate") > makes.index("base_3")


def test_the_deadline_leads_with_the_one_binding_day_and_at_120_says_why_to_apply_early():
    plan = calculator.plan({**AT_120, "plan": {"target_date": "2027-03-01"}})
    target = plan["target"]
    assert target["latest_day"] == "2026-12-19" != target["apply_by"]
    assert target["latest_note"] == "最迟须于2026-12-19提出申请：之后年龄分减少，降到119分。"
    early = target["early_note"]
    assert early.startswith("请尽早申请：" + plan["time_only"]["reach_note"])
    assert "2026-12-20起年龄分减少（30分→29分）" in early
    assert early.endswith("积分还要在每年签注居住证时随之确认，情况变了分数也会变。")
    assert early in plan["summary"]
    assert plan["summary"].index(early) < plan["summary"].index("最迟须于2026-12-19")


def test_someone_at_120_with_nothing_to_fall_is_still_told_of_the_yearly_confirmation():
    young = {"version": 2, "as_of": "2026-12-06", "birth_date": "1996-05-01",
             "education": {"level": "bachelor_with_degree"},
             "insurance": [{"from": "2020-01", "base_multiple": 1}]}
    plan = calculator.plan({**young, "plan": {"target_date": "2027-06-01"}})
    assert plan["target"]["early_note"] == (
        "请尽早申请：积分还要在每年签注居住证时随之确认，情况变了分数也会变。")
    assert plan["target"]["latest_note"] == f"最迟约在{plan['target']['apply_by']}前提出申请。"


@pytest.mark.parametrize(("profile", "target", "words"), [
    (FLOOR_WORKER, "2026-12-01", "截止日期2026-12-01已经过去。"),
    (FLOOR_WORKER, "2026-12-20",
     "最迟的申请日已经过去：现在提出申请也来不及在2026-12-20前拿到结果。"),
    (FLOOR_WORKER, "2029-03-01", "最迟约在2029-02-01前提出申请（按下方来得及的办法）。"),
    (FLOOR_WORKER, "2027-01-20", "按受理时间推算，最迟约在2026-12-23前提出申请。"),
])
def test_the_deadlines_lead_in_words_when_the_current_course_does_not_make_it(
        profile, target, words):
    plan = calculator.plan({**profile, "plan": {"target_date": target}})
    assert plan["target"]["latest_note"].endswith(words)
    assert plan["target"]["early_note"] is None


def test_the_planner_data_is_sound_and_its_mistakes_are_caught(monkeypatch):
    assert route_reach.problems() == []
    broken = copy.deepcopy(route_reach._data())
    broken["title_words"]["refs"] = ["P3", "Z9"]
    broken["skill_step"][0]["needs_level"] = 6
    broken["title_step"][0]["education"] = "phd"
    broken["wage"]["decision"] = "D99"
    monkeypatch.setattr(route_reach, "_data", lambda: broken)
    assert route_reach.problems() == [
        "planner.toml: skill_step 3: levels must be skill levels 1-5",
        "planner.toml: title_step 'intermediate': education must be one of none, "
        "junior_college, bachelor, bachelor_with_degree, master, doctor",
        "planner.toml: [title_words] refs: unknown source 'Z9'",
        "planner.toml: [wage] decision: unknown decision 'D99'",
    ]
