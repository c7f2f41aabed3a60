"""The batch template: every column read into the profile as the engine expects it, its header
found however it is typed, the template files holding every column and an example row that
scores cleanly."""

from __future__ import annotations

import io

import pytest

from calculator import vocabulary
from calculator.batch import read_file, results, template_csv, template_xlsx
from calculator.batch.columns import columns, find, headers
from calculator.batch.row import read_row

BASE = {"name": "王芳", "birth_date": "1990-05-12", "insurance": "2020-01起 1倍"}
SKILL = {"credential.type": "技能等级证书", "credential.name": "焊工", "credential.level": "三级"}
QUALIFICATION = {"credential.type": "专业技术类职业资格", "credential.name": "注册会计师"}

# column id → (the cell as typed, other cells it needs, {path in the profile: value})
CASES = {
    "name": ("王芳", {}, {}),
    "birth_date": ("1990年5月12日", {}, {"birth_date": "1990年5月12日"}),
    "education.level": ("本科及学士学位", {}, {"education.level": "bachelor_with_degree"}),
    "education.full_time": ("否", {}, {"education.full_time": False}),
    "education.study_place_consistent": ("是", {"education.full_time": "否"},
                                         {"education.study_place_consistent": True}),
    "education.top_up_combined": ("是", {}, {"education.top_up_combined": True}),
    "credential.type": ("专业技术职称", {}, {"credentials.0.type": "title"}),
    "credential.name": ("注册会计师", {"credential.type": "职业资格"},
                        {"credentials.0.name": "注册会计师"}),
    "credential.level": ("技师", SKILL, {"credentials.0.level": 2,
                                         "credentials.0.occupation": "焊工"}),
    "credential.category": ("B类", {"credential.type": "境外职业资格"},
                            {"credentials.0.category": "B"}),
    "credential.job_match": ("是", {"credential.type": "职称", "credential.level": "中级"},
                             {"credentials.0.job_match": True,
                              "credentials.0.level": "intermediate"}),
    "credential.registered": ("否", QUALIFICATION, {"credentials.0.registered": False}),
    "credential.obtained_in_shanghai": ("否", SKILL,
                                        {"credentials.0.obtained_in_shanghai": False}),
    "credential.verified_in_shanghai": ("是", SKILL,
                                        {"credentials.0.verified_in_shanghai": True}),
    "insurance": ("2016-03至2019-12 0.9倍；2020-01起 14000元", {}, {
        "insurance": [{"from": "2016-03", "to": "2019-12", "base_multiple": "0.9倍"},
                      {"from": "2020-01", "base_cny": "14000元"}]}),
    "spouse.married_on": ("2015-10-01", {}, {"spouse.married_on": "2015-10-01"}),
    "fresh_graduate": ("是", {}, {"fresh_graduate": True}),
    "shortage_major": ("是", {}, {"shortage_major": True}),
    "award": ("市级综合性表彰奖励", {}, {"award": "municipal_comprehensive"}),
    "key_area.area": ("临港新片区", {}, {"key_area.area": "lingang"}),
    "key_area.years": ("4年", {"key_area.area": "临港"}, {"key_area.years": "4年"}),
    "key_area.since": ("2021-03", {"key_area.area": "张江科学城"},
                       {"key_area.since": "2021-03", "key_area.area": "zhangjiang",
                        "version": 3}),
    "key_area.recommended": ("是", {"key_area.area": "五个新城"},
                             {"key_area.recommended": True, "key_area.area": "new_town",
                              "version": 3}),
    "key_area.core": ("否", {"key_area.area": "临港"}, {"key_area.core": False, "version": 3}),
    "entrepreneur": ("是", {}, {"entrepreneur": True}),
    "intermediary": ("是", {}, {"intermediary": True}),
    "public_service_years": ("6", {}, {"public_service_years": "6"}),
    "investment.share": ("60%", {}, {"investment.share": 0.6}),
    "investment.avg_annual_tax_cny": ("50万", {"investment.share": "60"},
                                      {"investment.avg_annual_tax_cny": "50万"}),
    "investment.avg_hukou_employees": ("25", {"investment.share": "100"},
                                       {"investment.avg_hukou_employees": "25",
                                        "investment.share": 1.0}),
    "false_materials": ("2024-03-01、2025-01-10", {},
                        {"false_materials": ["2024-03-01", "2025-01-10"]}),
    "detentions": ("2023-05-06", {}, {"detentions": ["2023-05-06"]}),
    "crimes": ("2022-01-02；2023-01-02", {}, {"crimes": ["2022-01-02", "2023-01-02"]}),
    "serious_crime": ("是", {}, {"serious_crime": True}),
    "family_planning_violation": ("是", {}, {"family_planning_violation": True}),
    "permit": ("2016-03至2018-05；2019-01至今", {}, {
        "permit": [{"from": "2016-03", "to": "2018-05"}, {"from": "2019-01"}], "version": 3}),
    "credential.appointed": ("是", {"credential.type": "职称"},
                             {"credentials.0.appointed": True, "version": 3}),
    "suburb_post.since": ("2019-09", {}, {"suburb_post.since": "2019-09", "version": 3}),
    "science_or_skill_post": ("是", {}, {"science_or_skill_post": True, "version": 3}),
    "children": ("2012-05-01；2009-03-02 普高", {}, {
        "children": [{"birth_date": "2012-05-01"},
                     {"birth_date": "2009-03-02", "general_high_school": True}],
        "version": 3}),
}


def _at(profile: dict, path: str):
    value = profile
    for step in path.split("."):
        value = value[int(step)] if isinstance(value, list) else value[step]
    return value


def test_every_column_has_a_case_and_only_name_and_birth_date_come_first():
    assert set(CASES) == {column["id"] for column in columns()}
    assert headers()[:2] == ["姓名", "出生日期"]


@pytest.mark.parametrize("column_id", list(CASES))
def test_each_column_reaches_the_profile_and_the_engine_scores_it(column_id):
    text, others, expected = CASES[column_id]
    name, profile, problems = read_row({**BASE, **others, column_id: text})
    assert problems == []
    assert name == (text if column_id == "name" else "王芳")
    for path, value in expected.items():
        assert _at(profile, path) == value, path
    assert profile["version"] == expected.get("version", 2)
    found = results.result(2, name, profile, problems, as_of="2026-12-01")
    assert found["problems"] == [] and isinstance(found["total"], int), found["problems"]


@pytest.mark.parametrize("column_id", [c for c in CASES if c not in ("name", "birth_date")])
def test_each_column_may_be_left_out_or_blank(column_id):
    _, _, problems = read_row({**BASE, column_id: "  "})
    assert problems == []


def test_a_header_is_found_however_it_is_typed():
    assert find(" 出生日期 *（必填）")["id"] == "birth_date"
    assert find("投资持股比例(%)")["id"] == "investment.share"
    assert find("最 高 学 历")["id"] == "education.level"
    assert find("工号") is None


def test_a_choice_columns_hint_names_every_choice_from_the_vocabulary():
    for column in columns():
        if column["choices"]:
            for name in vocabulary.names(column["choices"]).values():
                assert name in column["hint"], (column["name"], name)


def test_a_wrong_cell_names_its_column_and_what_to_type():
    _, _, problems = read_row({**BASE, "education.full_time": "也许", "award": "劳模",
                               "credential.type": "技能", "credential.level": "八级",
                               "investment.share": "120"})
    assert problems == [
        "全日制：“也许”看不出是还是否，请填“是”或“否”（不确定的留空）。",
        "表彰奖励：“劳模”不是可选的值，请填：无、市级专项表彰奖励、市级综合性表彰奖励、"
        "省部级及以上政府表彰奖励。",
        "投资持股比例（%）：“120”不是百分比，请填0至100的数字，如 60 或 60%。",
        "证书等级：“八级”不是可选的值，请填：五级（初级工）、四级（中级工）、三级（高级工）、"
        "二级（技师）、一级（高级技师）。",
    ]


def test_an_unsure_confirmation_is_left_unanswered_and_asked():
    _, profile, _ = read_row({**BASE, **QUALIFICATION, "credential.job_match": "不确定"})
    found = results.result(2, "王芳", profile, [], as_of="2026-12-01")
    assert any("岗位相符" in question for question in found["to_confirm"])


@pytest.mark.parametrize("make", [template_csv, template_xlsx])
def test_the_template_has_every_column_and_its_example_row_is_skipped(make):
    data = make()
    found = read_file(data, "模板")
    assert found["rows"] == [] and found["notes"] == ["表头下面没有填写任何人。"]


def test_the_templates_example_row_scores_without_problems():
    text = template_csv().decode("utf-8-sig").replace("示例：", "", 1)
    found = read_file(text.encode("utf-8"), "模板.csv")
    (row,) = found["rows"]
    assert set(row["texts"]) == {column["id"] for column in columns()}
    result = results.one(row, as_of="2026-12-01")
    assert result["problems"] == [] and result["total"] > 0


def test_the_xlsx_template_explains_every_column_on_its_second_sheet():
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx()))
    names = [sheet.title for sheet in book.worksheets]
    assert names == ["名单", "填写说明"]
    guide = list(book["填写说明"].iter_rows(values_only=True))
    assert [row[0] for row in guide[1:]] == headers()
    assert all(row[1] for row in guide[1:])


def test_the_docs_give_the_limits_the_vocabulary_holds():
    from pathlib import Path

    from calculator.batch.limits import limit, megabytes

    docs = (Path(__file__).resolve().parents[2] / "docs" / "batch.md").read_text("utf-8")
    table = docs.split("| limit | value |", 1)[1].split("\n\n", 1)[0]
    shown = [row.split("|")[2].strip() for row in table.strip().splitlines()[2:]]
    assert shown == [megabytes(limit("file_bytes_max")), str(limit("rows_max")),
                     str(limit("columns_max")), str(limit("cell_chars_max")),
                     megabytes(limit("xlsx_unpacked_bytes_max")), str(limit("xlsx_parts_max"))]
