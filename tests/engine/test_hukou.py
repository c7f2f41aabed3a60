"""calculator.hukou: confirmations unanswered (H9), children at 16 and 18 (H10), the spouse
(H11), the status (H1), the procedure (H12), the routes not judged (H7), what is missing in
words, the result's shape, and every line citing its rule, sources and decisions."""

from __future__ import annotations

import json
from datetime import date

import pytest

import calculator
from calculator import rules
from calculator.__main__ import main
from calculator.hukou_routes import ROUTES

AS_OF = "2026-12-06"
TITLE = {"type": "title", "level": "intermediate", "job_match": True, "appointed": True}
# 84 qualifying months by 2026-11: the title route holds in the evaluation month
READY = {
    "version": 3,
    "as_of": AS_OF,
    "birth_date": "1990-05-01",
    "credentials": [TITLE],
    "insurance": [{"from": "2019-06", "base_multiple": 1.5}],
    "permit": [{"from": "2019-06"}],
}


def check(**changes) -> dict:
    return calculator.hukou({**READY, **changes})


def route(result: dict, rid: str) -> dict:
    return next(r for r in result["routes"] if r["id"] == rid)


# ------------------------------------------------------------------ the result's shape
def test_every_route_of_h6_in_order_with_its_keys():
    result = check()
    assert [r["id"] for r in result["routes"]] == [spec.id for spec in ROUTES] == [
        "title", "base_2x", "senior", "ceiling_3x", "lingang_base", "lingang_5", "lingang_3",
        "zhangjiang_5", "zhangjiang_3", "new_town_5", "suburb_post_5"]
    for line in result["routes"]:
        assert {"id", "name", "earliest_month", "now", "if_confirmed_month", "to_confirm",
                "missing", "explanation", "rule", "source", "decisions"} <= set(line)
        assert line["rule"] and line["source"] and line["explanation"]
        assert {d["id"] for d in line["decisions"]} >= {"H6", "H8"}
        assert all("{" not in d["text"] for d in line["decisions"])
    json.dumps(result, ensure_ascii=False)  # JSON-able as it is


def test_now_is_the_evaluation_month_and_the_headline_says_so():
    result = check()
    assert result["earliest"] == {"route": "title", "month": "2026-12", "name": "中级职称或技师"}
    assert route(result, "title")["now"] and route(result, "title")["missing"] == []
    assert result["headline"] == "按本站对规定的理解，现在即可由单位申报（中级职称或技师）。"


def test_a_later_month_in_the_headline():
    result = check(insurance=[{"from": "2020-09", "base_multiple": 1.5}],
                   permit=[{"from": "2020-09"}])
    assert result["earliest"]["month"] == "2027-09"
    assert "最早可于2027年9月由单位申报（中级职称或技师）" in result["headline"]
    missing = route(result, "title")["missing"]
    assert missing == ["持证期间正常缴纳社保累计75个月，还差9个月（须84个月，补缴、不计入的月份和"
                       "不在持证期间的月份不算）"]


def test_as_of_overrides_the_profile():
    assert calculator.hukou(READY, as_of="2026-01-15")["as_of"] == "2026-01-15"
    assert calculator.hukou(READY, as_of=date(2026, 1, 15))["earliest"]["month"] == "2026-06"


def test_no_route_in_reach_says_what_is_missing():
    result = check(credentials=[], insurance=[{"from": "2024-01", "base_multiple": 0.8}],
                   permit=[{"from": "2024-01"}])
    assert result["earliest"] is None and result["earliest_if_confirmed"] is None
    assert "还不能申请居转户" in result["headline"]
    line = route(result, "title")
    assert line["earliest_month"] is None
    assert "没有与所聘岗位相符并已聘任的中级及以上职称或技师（二级）以上证书" in line["explanation"]
    assert any("缴费基数达到社平工资2倍的有0个月（须36个月）" in m
               for m in route(result, "base_2x")["missing"])


def test_the_route_rules_take_their_numbers_from_the_data():
    day = date(2026, 12, 6)
    line = route(check(), "title")
    assert f"累计满{rules.value('hukou.standard_months', day)}个月" in line["rule"]
    assert f"不低于社平工资{rules.value('hukou.market_multiple', day):g}倍" in line["rule"]
    assert rules.citation("hukou.market_multiple", day) in line["source"]
    assert "（5年）" in route(check(), "lingang_5")["name"]


# ------------------------------------------------------------------ H9: nothing assumed
def test_appointment_unanswered_is_a_month_if_confirmed_never_holds():
    unanswered = {k: v for k, v in TITLE.items() if k != "appointed"}
    result = check(credentials=[unanswered])
    line = route(result, "title")
    assert line["earliest_month"] is None
    assert line["if_confirmed_month"] == "2026-12"
    assert line["to_confirm"] == [{"path": "credentials[0].appointed",
                                  "question": "是否已聘任到与中级职称相符的岗位",
                                  "yes": "已聘任到与中级职称相符的岗位"}]
    assert result["earliest"] is None
    assert result["earliest_if_confirmed"]["route"] == "title"
    assert result["headline"].startswith("按本站对规定的理解，若已聘任到与中级职称相符的岗位，")
    assert {"path": "credentials[0].appointed", "question": "是否已聘任到与中级职称相符的岗位",
            "yes": "已聘任到与中级职称相符的岗位"} in result["to_confirm"]


def test_appointment_answered_no_is_not_asked_again():
    result = check(credentials=[{**TITLE, "appointed": False}])
    line = route(result, "title")
    assert line["earliest_month"] is None and line["if_confirmed_month"] is None
    assert line["to_confirm"] == []


def test_job_match_and_appointment_unanswered_are_both_asked():
    result = check(credentials=[{"type": "title", "level": "intermediate"}])
    paths = [q["path"] for q in route(result, "title")["to_confirm"]]
    assert paths == ["credentials[0].job_match", "credentials[0].appointed"]


def test_a_junior_title_is_not_the_title_condition():
    result = check(credentials=[{**TITLE, "level": "junior"}])
    assert route(result, "title")["if_confirmed_month"] is None


def test_a_skill_level_2_of_the_catalogue_is_a_title_level_3_is_not():
    skill = {"type": "skill", "occupation": "电工", "job_match": True, "appointed": True}
    assert route(check(credentials=[{**skill, "level": 2}]), "title")["now"]
    assert route(check(credentials=[{**skill, "level": 3}]), "title")["earliest_month"] is None
    assert route(check(credentials=[{**skill, "level": 1}]), "senior")["now"]


def test_recommendation_unanswered_waits_for_it():
    result = check(credentials=[], insurance=[{"from": "2019-06", "base_multiple": 1}],
                   key_area={"area": "lingang", "since": "2020-01"})
    line = route(result, "lingang_5")
    assert line["earliest_month"] is None and line["if_confirmed_month"] == "2026-12"
    assert [q["path"] for q in line["to_confirm"]] == ["key_area.recommended"]
    assert route(result, "lingang_base")["now"]  # no recommendation needed there


def test_the_science_post_is_asked_for_the_3x_route():
    result = check(credentials=[], insurance=[{"from": "2019-06", "base_multiple": 3}])
    line = route(result, "ceiling_3x")
    assert line["earliest_month"] is None and line["if_confirmed_month"] == "2026-12"
    assert line["to_confirm"][0]["path"] == "science_or_skill_post"
    assert route(check(credentials=[], science_or_skill_post=True,
                       insurance=[{"from": "2019-06", "base_multiple": 3}]), "ceiling_3x")["now"]


def test_an_earlier_month_if_confirmed_is_named_beside_the_earliest():
    result = check(insurance=[{"from": "2023-06", "base_multiple": 1}],
                   permit=[{"from": "2023-06"}], credentials=[],
                   key_area={"area": "lingang", "since": "2024-01", "recommended": True})
    assert result["earliest"]["route"] == "lingang_5"
    confirmed = result["earliest_if_confirmed"]
    assert confirmed["route"] == "lingang_3" and confirmed["month"] < result["earliest"]["month"]
    assert "若属于临港新片区的核心人才或重点产业骨干" in result["headline"]


# ------------------------------------------------------------------ H10: children
@pytest.mark.parametrize(("birth", "school", "may", "asked"), [
    ("2010-12-02", None, True, False),   # 15 on 2026-12-01
    ("2010-12-01", None, False, True),   # 16 that day: only in a 普通高中, not answered
    ("2010-12-01", True, True, False),
    ("2010-12-01", False, False, False),
    ("2008-12-02", True, True, False),   # 17
    ("2008-12-01", True, False, False),  # 18 that day
])
def test_children_at_16_and_18_on_the_first_day_of_the_month(birth, school, may, asked):
    child = {"birth_date": birth} | ({} if school is None else {"general_high_school": school})
    result = check(children=[child])
    assert result["children_on"] == "2026-12-01"
    found = result["children"][0]
    assert found["may_move"] is may and found["birth_date"] == birth
    assert bool(found["to_confirm"]) is asked
    assert found["decisions"][0]["id"] == "H10"


def test_children_are_judged_in_the_earliest_month():
    result = check(insurance=[{"from": "2020-09", "base_multiple": 1.5}],
                   permit=[{"from": "2020-09"}], children=[{"birth_date": "2011-09-02"}])
    assert result["children_on"] == "2027-09-01"
    assert result["children"][0]["age"] == 15 and result["children"][0]["may_move"]


# ------------------------------------------------------------------ H11, H1, H12, H7
def test_the_spouse_may_apply_together_only_on_the_senior_route():
    assert not check()["spouse"]["may_apply_together"]
    senior = check(credentials=[{**TITLE, "level": "senior"}])
    assert senior["earliest"]["route"] == "title"  # ties go to the order of H6
    award = check(credentials=[], award="national")
    assert award["earliest"]["route"] == "senior"
    assert award["spouse"]["may_apply_together"]
    assert "夫妻投靠" in check()["spouse"]["text"]


def test_the_status_names_the_notices_stated_end():
    status = check()["status"]
    assert status["valid_until"] == "2024-12-31" and "2024-12-31" in status["text"]
    assert [d["id"] for d in status["decisions"]] == ["H1", "H14"]


def test_the_procedure_figures_come_from_the_data():
    procedure = check()["procedure"]
    day = date(2026, 12, 6)
    assert procedure["district_working_days"] == rules.value("hukou.district_working_days", day)
    assert procedure["publicity_days"] == rules.value("hukou.publicity_days", day)
    assert procedure["filed_by"] == "employer"
    # 60 working days from 2026-12-01, then 7 days of publicity
    assert procedure["publicity_ends_around"] == "2027-03-02"


def test_the_routes_not_judged_are_described():
    found = check()["not_judged"]
    assert [n["id"] for n in found] == ["investor", "entrepreneur", "tech_transfer",
                                        "venture_capital", "transform_area"]
    assert "100万元" in found[0]["text"] and all("本站不判断" in n["text"] for n in found)
    assert all("{" not in n["text"] for n in found)


# ------------------------------------------------------------------ format 3 and the points
def test_the_points_side_reads_the_key_areas_years_from_since():
    profile = {**READY, "key_area": {"area": "lingang", "since": "2021-11"}}
    line = next(ln for ln in calculator.score(profile)["lines"] if ln["id"] == "key_area")
    assert line["points"] == 10 and "5年" in line["explanation"]


def test_the_points_side_scores_a_new_town_as_another_key_area_and_not_zhangjiang():
    new_town = {**READY, "key_area": {"area": "new_town", "since": "2019-01"}}
    line = next(ln for ln in calculator.score(new_town)["lines"] if ln["id"] == "key_area")
    assert line["points"] == 14
    zhangjiang = {**READY, "key_area": {"area": "zhangjiang", "since": "2019-01"}}
    line = next(ln for ln in calculator.score(zhangjiang)["lines"] if ln["id"] == "key_area")
    assert line["points"] == 0
    assert line["explanation"] == "张江科学城只用于居转户，不是积分的远郊重点区域，不加分。"


def test_a_version_3_profile_scores_as_its_version_2_part():
    v2 = {k: v for k, v in READY.items() if k != "permit"} | {"version": 2}
    v2["credentials"] = [{k: v for k, v in TITLE.items() if k != "appointed"}]
    assert calculator.score(READY)["total"] == calculator.score(v2)["total"]


def test_older_versions_do_not_take_the_new_fields():
    for version in (1, 2):
        profile = {**READY, "version": version}
        with pytest.raises(calculator.ValidationError) as caught:
            calculator.score(profile)
        paths = {p["path"] for p in caught.value.problems}
        assert {"permit", "credentials[0].appointed"} <= paths


def test_a_profile_without_permit_periods_has_no_qualifying_month():
    result = check(permit=[])
    assert result["earliest"] is None
    assert "尚未填写居住证持证期间" in route(result, "title")["missing"][0]


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(("changes", "path", "words"), [
    ({"permit": [{"from": "2020-13"}]}, "permit[0].from", "13月"),
    ({"permit": [{}]}, "permit[0].from", "必须填写"),
    ({"permit": [{"from": "2021-01", "to": "2020-01"}]}, "permit[0].to", "结束月份早于开始月份"),
    ({"permit": [{"from": "2020-01"}, {"from": "2021-01", "to": "2022-01"}]}, "permit[1]",
     "重叠"),
    ({"permit": [{"from": "2027-01"}]}, "permit[0].from", "晚于评估日"),
    ({"permit": {"from": "2020-01"}}, "permit", "列表"),
    ({"permit": [{"from": "2020-01", "until": "2021-01"}]}, "permit[0].until", "不认识的字段"),
    ({"credentials": [{**TITLE, "appointed": "yes"}]}, "credentials[0].appointed",
     "true 或 false"),
    ({"key_area": {"area": "lingang", "since": "soon"}}, "key_area.since", ""),
    ({"key_area": {"area": "lingang", "core": 1}}, "key_area.core", "true 或 false"),
    ({"suburb_post": {}}, "suburb_post.since", "必须填写"),
    ({"suburb_post": {"since": "2020-01", "years": 3}}, "suburb_post.years", "不认识的字段"),
    ({"science_or_skill_post": "是"}, "science_or_skill_post", "true 或 false"),
    ({"children": [{"general_high_school": True}]}, "children[0].birth_date", "出生日期"),
    ({"children": [{"birth_date": "2030-01-01"}]}, "children[0].birth_date", "晚于评估日"),
    ({"children": [{"birth_date": "2012-02-30"}]}, "children[0].birth_date", ""),
    ({"children": [{"birth_date": "2012-01-01", "general_high_school": "no"}]},
     "children[0].general_high_school", "true 或 false"),
])
def test_bad_values_are_problems_on_their_path(changes, path, words):
    with pytest.raises(calculator.ValidationError) as caught:
        check(**changes)
    found = {p["path"]: p["zh"] for p in caught.value.problems}
    assert path in found, caught.value.problems
    assert words in found[path]
    assert "hukou" not in found[path] and "_" not in found[path]


# ------------------------------------------------------------------ the command line
def test_the_command_line_prints_the_json(tmp_path, capsys):
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(READY, ensure_ascii=False), encoding="utf-8")
    assert main(["hukou", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["earliest"]["route"] == "title" and result["earliest"]["month"] == "2026-12"
    assert {"id", "earliest_month"} <= set(result["routes"][0])
    assert main(["hukou", str(path), "--as-of", "2026-01-15"]) == 0
    assert json.loads(capsys.readouterr().out)["earliest"]["month"] == "2026-06"


def test_the_command_line_explains(tmp_path, capsys):
    path = tmp_path / "profile.json"
    path.write_text(json.dumps({**READY, "children": [{"birth_date": "2012-01-01"}]}),
                    encoding="utf-8")
    assert main(["hukou", str(path), "--explain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("按本站对规定的理解，现在即可由单位申报")
    assert "【各途径】" in out and "【子女随迁】" in out and "【本站不判断的途径】" in out


def test_the_command_line_exits_2_on_bad_input(tmp_path, capsys):
    path = tmp_path / "profile.json"
    path.write_text(json.dumps({**READY, "permit": [{"from": "2020-13"}]}), encoding="utf-8")
    assert main(["hukou", str(path)]) == 2
    captured = capsys.readouterr()
    assert "permit[0].from" in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_a_route_that_holds_later_names_the_earlier_month_an_answer_would_give():
    result = check(
        credentials=[{k: v for k, v in TITLE.items() if k != "appointed"}],
        insurance=[{"from": "2019-01", "to": "2025-11", "base_multiple": 1.5},
                   {"from": "2025-12", "base_multiple": 2}],
        permit=[{"from": "2019-01"}],
        key_area={"area": "zhangjiang", "since": "2020-01", "recommended": True},
    )
    line = route(result, "zhangjiang_5")
    assert line["earliest_month"] == "2028-12"  # 36 months at 2× instead of the title
    assert line["if_confirmed_month"] == "2026-12"
    assert line["if_confirmed"] == "若已聘任到与中级职称相符的岗位"
    assert [q["path"] for q in line["to_confirm"]] == ["credentials[0].appointed"]
    assert result["earliest_if_confirmed"]["month"] == "2026-12"


ODD = [None, 1, "x", [], {}, [1], [None], ["2020-01"], [{"from": None}], {"since": 5}, True,
       2.5, [{"birth_date": None}], {"area": "zhangjiang", "since": "2020-01", "years": "x"},
       {"area": 5}, {"since": "2020-01"}, [{"type": "title", "appointed": None}], ["title"]]


@pytest.mark.parametrize("key", ["permit", "children", "key_area", "suburb_post",
                                 "science_or_skill_post", "credentials", "insurance"])
def test_odd_values_give_a_result_or_problems_never_a_traceback(key):
    for odd in ODD:
        try:
            calculator.hukou({**READY, key: odd})
        except calculator.ValidationError as error:
            assert all(p["path"] and p["zh"] for p in error.problems)


def test_bases_in_yuan_after_the_newest_yardstick_say_they_are_estimated():
    result = calculator.hukou({**READY, "as_of": "2027-09-15",
                               "insurance": [{"from": "2019-06", "base_cny": 20000}]})
    words = route(result, "title")["explanation"]
    assert "2027-07至2027-08按2026年7月起的社平工资12,577元估算" in words


def test_the_headline_names_a_shortened_route_without_nested_brackets():
    result = check(insurance=[{"from": "2019-06", "base_multiple": 1}], credentials=[],
                   key_area={"area": "lingang", "since": "2023-06", "recommended": True},
                   as_of="2024-06-15")
    assert result["headline"] == ("按本站对规定的理解，最早可于2025年6月由单位申报"
                                  "（临港新片区，5年）。若属于临港新片区的核心人才或重点产业骨干，可提前到2024年9月申报"
                                  "（临港新片区核心人才，3年）。")
