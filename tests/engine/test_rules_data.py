"""The rules data: well formed (calculator.check), dated, cited; lookups by date; the texts
built from it (indicators, interpretations, history) state the numbers in force."""

from __future__ import annotations

import re
from datetime import date

import pytest
from engine_helpers import check_with

from calculator import check, check_values, decisions, history, indicators, rules

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
    "credential.overseas_categories",
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
    "insurance_base.scale",
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
    "process.decision_working_days",
]


def test_the_shipped_data_passes_the_check():
    assert check.check() == []


def test_every_parameter_id_of_the_interface_exists():
    ids = {p["id"] for p in rules.parameters()}
    assert set(REQUIRED_IDS) <= ids


@pytest.mark.parametrize("param", rules.parameters(), ids=lambda p: p["id"])
def test_every_value_is_dated_cited_and_checked(param):
    assert param["label"].strip() and param["unit"] in check_values.UNITS
    for entry in param["values"]:
        assert entry["documents"] and entry["article"]
        assert entry["confidence"] in ("H", "M", "L")
        date.fromisoformat(entry["since"])
        date.fromisoformat(entry["checked"])
        assert entry["value"] is not None or entry["note"]
    assert param["values"][0]["since"] == "2013-07-01"


# ------------------------------------------------------------------ the check finds mistakes
def _param(data, pid):
    return next(p for p in data["parameter"] if p["id"] == pid)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: _param(d, "spouse.cap").__setitem__("unit", "apples"), "unit must be one of"),
        (lambda d: _param(d, "spouse.cap")["values"][0].__setitem__("documents", ["nope"]),
         "unknown document 'nope'"),
        (lambda d: _param(d, "spouse.cap")["values"][0].__setitem__("refs", ["Z9"]),
         "unknown reference 'Z9'"),
        (lambda d: _param(d, "spouse.cap")["values"][0].__setitem__("confidence", "X"),
         "confidence must be H, M or L"),
        (lambda d: _param(d, "spouse.cap")["values"][0].pop("checked"), "checked must be a date"),
        (lambda d: _param(d, "spouse.cap")["values"][0].__setitem__("verified", date(2026, 1, 1)),
         "unknown field(s) verified"),
        (lambda d: _param(d, "spouse.cap")["values"][0].__setitem__("value", "40"),
         "points must be a whole number"),
        (lambda d: _param(d, "spouse.cap")["values"][0].pop("value"), "add a note saying why"),
        (lambda d: _param(d, "investment.cap")["values"].reverse(), "must be in order"),
        (lambda d: _param(d, "insurance_base.scale")["values"][1]["brackets"][0].__setitem__(
            "months_required", 60), "months_required must be 1..window_months"),
    ],
)
def test_check_names_the_mistake_in_rules(monkeypatch, change, expected):
    problems = check_with(monkeypatch, "rules.toml", change)
    assert any(p.startswith("rules.toml: ") and expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("pid", "value", "expected"),
    [
        ("credential.skill_outside_levels", [3, 6], "skill"),
        ("credential.skill_base_test_levels", [2, 2], "skill"),
        ("credential.skill_catalogue_levels", "3", "skill"),
        ("credential.title_base_test_levels", ["senior", "chief"], "title"),
    ],
)
def test_check_holds_the_level_conditions_to_known_levels(monkeypatch, pid, value, expected):
    problems = check_with(
        monkeypatch, "rules.toml", lambda d: _param(d, pid)["values"][0].__setitem__("value", value)
    )
    what = {"skill": "skill levels must be a list of distinct levels 1-5",
            "title": "title levels must be a list of junior, intermediate, senior"}[expected]
    assert problems == [f"rules.toml: parameter {pid!r} since 2013-07-01: {what}"]


def test_check_finds_a_level_without_its_points(monkeypatch):
    def drop(data):
        data["parameter"] = [p for p in data["parameter"] if p["id"] != "credential.title_senior"]

    problems = check_with(monkeypatch, "rules.toml", drop)
    assert ("rules.toml: parameter 'credential.title_senior': missing (every title and skill "
            "level needs its points)") in problems


def test_check_reports_structured_problems(monkeypatch):
    check_with(monkeypatch, "rules.toml",
            lambda d: _param(d, "spouse.cap")["values"][0].__setitem__("confidence", "X"))
    (problem,) = check.check()
    assert (problem.file, problem.where, problem.what) == (
        "rules.toml", "parameter 'spouse.cap' since 2013-07-01", "confidence must be H, M or L")
    assert str(problem) == f"{problem.file}: {problem.where}: {problem.what}"


def test_check_finds_a_gap_between_contribution_years(monkeypatch):
    problems = check_with(monkeypatch, "yardsticks.toml", lambda d: d["year"].pop(4))
    assert any("must start the month after 2021-06" in p for p in problems), problems


def test_check_finds_a_ceiling_that_is_not_three_times_the_average(monkeypatch):
    problems = check_with(
        monkeypatch, "yardsticks.toml", lambda d: d["year"][0].__setitem__("ceiling_cny", 21000)
    )
    assert any(p.startswith("yardsticks.toml: year 2018-04") for p in problems), problems


@pytest.mark.parametrize(
    ("file", "entry", "text", "problem"),
    [
        ("decisions.toml", lambda d: d["decision"][1], "最高{age.max_pionts}分",
         "decisions.toml: decision D2: {age.max_pionts} is neither a parameter nor a term"),
        ("history.toml", lambda d: d["history"][1]["periods"][1], "{deduction.crime_yaers}年内",
         "history.toml: history '减分的期限': {deduction.crime_yaers} is neither a parameter "
         "nor a term"),
        ("decisions.toml", lambda d: d["decision"][0], "{since.credential.nope}施行",
         "decisions.toml: decision D1: {since.credential.nope} is neither a parameter nor a term"),
        ("decisions.toml", lambda d: d["decision"][0], "本站取{changed.key_area.nope}",
         "decisions.toml: decision D1: {changed.key_area.nope} is neither a parameter nor a term"),
    ],
    ids=["decision", "history note", "since placeholder", "changed placeholder"],
)
def test_check_finds_an_unknown_name_in_a_placeholder(monkeypatch, file, entry, text, problem):
    problems = check_with(monkeypatch, file, lambda d: entry(d).__setitem__("text", text))
    assert problems == [problem]


def test_check_finds_an_unknown_name_in_a_document_item(monkeypatch):
    problems = check_with(monkeypatch, "documents.toml",
                       lambda d: d["document"][0]["items"].__setitem__(0, "{credential.nope}"))
    assert problems == ["documents.toml: document 'identity': {credential.nope} is neither a "
                        "parameter nor a term"]


@pytest.mark.parametrize(
    "types", [["title", "qualification", "skill"], ["title", "qualification", "skill", "diploma"]],
    ids=["one missing", "unknown type"],
)
def test_check_finds_document_items_without_their_credential_type(monkeypatch, types):
    def change(data):
        next(e for e in data["document"] if "item_types" in e)["item_types"] = types

    problems = check_with(monkeypatch, "documents.toml", change)
    assert problems == ["documents.toml: document 'credential': item_types must name one "
                        "credential type (title, qualification, skill, overseas) for each item"]


def test_check_holds_every_ceiling_to_the_base_scales_highest_multiple(monkeypatch):
    def four_times(data):
        top = _param(data, "insurance_base.scale")["values"][-1]["brackets"][-1]
        top["multiple"] = 4

    problems = check_with(monkeypatch, "rules.toml", four_times)
    expected = (
        "yardsticks.toml: year 2018-04: the ceiling is 4 × the average in every year (the base "
        "scale's highest multiple)"
    )
    assert expected in problems, problems


# ------------------------------------------------------------------ lookups
def test_value_picks_the_value_in_force():
    assert rules.value("investment.cap", date(2017, 12, 31)) == 100
    assert rules.value("investment.cap", date(2018, 1, 1)) == 120
    assert rules.value("key_area.lingang_gate_years", date(2019, 8, 19)) == 5
    assert rules.value("key_area.lingang_gate_years", date(2019, 8, 20)) == 3
    assert rules.value("standard_score", date(2013, 7, 1)) == 120


def test_an_item_not_in_force_has_no_value_rather_than_zero():
    assert rules.value("entrepreneur.points", date(2015, 6, 30)) is None
    assert rules.value("entrepreneur.points", date(2015, 7, 1)) == 120
    assert rules.value("credential.overseas_categories", date(2024, 11, 21)) is None
    assert rules.value("credential.overseas_categories", date(2024, 11, 22)) == ("A", "B")
    assert rules.value("credential.title_junior", date(2026, 1, 1)) == 0  # in force, 0 points


def test_the_base_scale_is_one_dated_list_of_brackets():
    before = rules.value("insurance_base.scale", date(2017, 12, 31))
    after = rules.value("insurance_base.scale", date(2018, 1, 1))
    assert [(b["multiple"], b["points"], b["window_months"]) for b in before] == [
        (0.8, 25, 36), (1, 50, 36), (2, 100, 36)
    ]
    assert [(b["multiple"], b["points"], b["window_months"], b["months_required"])
            for b in after] == [(0.8, 25, 48, 36), (1, 50, 48, 36), (2, 100, 48, 36),
                                (3, 120, 36, 24)]


def test_value_defaults_to_today_in_shanghai(monkeypatch):
    """The Lingang gate fell from 5 to 3 years on 2019-08-20, which began in Shanghai at
    16:00 UTC the day before."""
    from datetime import UTC, datetime

    from calculator import dates

    def clock_at(hour: int, minute: int):
        class Clock(datetime):
            @classmethod
            def now(cls, tz=None):
                return datetime(2019, 8, 19, hour, minute, tzinfo=UTC).astimezone(tz)
        return Clock

    monkeypatch.setattr(dates, "datetime", clock_at(15, 59))
    assert rules.value("key_area.lingang_gate_years") == 5
    monkeypatch.setattr(dates, "datetime", clock_at(16, 0))
    assert rules.value("key_area.lingang_gate_years") == 3


def test_unknown_parameter_is_a_key_error():
    with pytest.raises(KeyError):
        rules.value("no.such.parameter")
    with pytest.raises(KeyError):
        rules.parameter("no.such.parameter")


def test_values_cannot_be_changed_by_a_caller():
    areas = rules.value("key_area.areas", date(2026, 1, 1))
    assert areas == ("lingang", "other")
    with pytest.raises(AttributeError):
        areas.append("moon")
    bracket = rules.value("insurance_base.scale", date(2026, 1, 1))[0]
    with pytest.raises(TypeError):
        bracket["points"] = 1000
    assert rules.value("insurance_base.scale", date(2026, 1, 1))[0]["points"] == 25


def test_citation_names_the_document_article_and_references():
    assert rules.citation("age.max_points", date(2026, 1, 1)) == (
        "沪府发〔2017〕98号 第六条（一） [S7][S23][S24][S35]"
    )


# ------------------------------------------------------------------ texts from the numbers
def test_decisions_cover_d1_to_d26_in_chinese():
    found = {d["id"]: d for d in decisions.decisions(date(2026, 11, 22))}
    for n in range(1, 27):
        entry = found[f"D{n}"]
        assert entry["topic"] and re.search(r"[\u4e00-\u9fff]", entry["text"])
        assert "{" not in entry["text"], entry["text"]


def test_d7_states_the_scale_in_force_on_the_date():
    before = decisions.decision("D7", date(2017, 12, 31))["text"]
    after = decisions.decision("D7", date(2018, 1, 1))["text"]
    assert "最近36个月中累计36个月" in before and "3倍" not in before.split("。")[1]
    assert "最近48个月中累计36个月" in after and "积120分" in after


def test_d7_states_no_contribution_months_by_hand():
    # the rows say when each contribution year runs (a short 2019-04 to 2019-10 year, then
    # 2019-11 to 2020-06): D7 points to them and to the ceiling, and names neither by hand
    text = decisions.decision("D7", date(2026, 1, 1))["text"]
    assert "社平工资表" in text and "按缴费上限计" in text
    assert not re.search(r"\d+月至次年\d+月|按\d倍计", text)


def test_d25_takes_its_date_from_the_parameter():
    since = rules.in_force_since("credential.overseas_categories")
    assert since == date(2024, 11, 22)
    text = decisions.decision("D25", date(2026, 1, 1))["text"]
    assert f"本站自{since.isoformat()}（首见报道之日）起计分" in text
    assert rules.in_force_since("standard_score") == date(2013, 7, 1)


def test_no_decision_writes_a_date_by_hand():
    """Dates in the interpretations come from the parameters ({since.…}, {changed.…},
    {first_day}), as docs/maintaining-rules.md asks."""
    for entry in rules.decision_templates().values():
        assert not re.search(r"\d{4}-\d{2}-\d{2}", entry["text"]), entry["id"]
    d23 = decisions.decision("D23", date(2018, 1, 1))["text"]
    assert "门槛改为3年" in d23 and "揭牌日2019-08-20" in d23 and "本站取2025-12-01" in d23
    assert d23.endswith("2013-07-01（积分制度开始施行）以前的评估日不予计算。")


def test_no_decision_writes_a_document_number_or_version_by_hand():
    """A document's number and version come from sources.toml ({document.…}) in the points'
    interpretations (D*)."""
    for entry in rules.decision_templates().values():
        if entry["id"].startswith("D"):
            assert not re.search(r"〔\d{4}〕\d+号|\d\.\d版", entry["text"]), entry["id"]
    title = next(d["title"] for d in rules.documents() if d["key"] == "overseas-list-2")
    assert rules.first_document("credential.overseas_categories") == title
    d25 = decisions.decision("D25", date(2026, 1, 1))["text"]
    assert d25.startswith(f"积分条款首见于{title}：A类持证人")


def test_the_credential_conditions_are_worded_from_the_data():
    d4 = decisions.decision("D4", date(2026, 1, 1))["text"]
    assert "三级及以上须属于高技能人才职业、工种目录" in d4
    assert "中级职称、高级职称，职业资格和技能二级及以上还须" in d4


def test_decision_numbers_follow_the_rules_they_explain():
    assert "最高100分" in decisions.decision("D10", date(2017, 1, 1))["text"]
    assert "最高120分" in decisions.decision("D10", date(2018, 1, 1))["text"]
    assert "临港新片区5年" in decisions.decision("D12", date(2019, 8, 19))["text"]
    assert "临港新片区3年" in decisions.decision("D12", date(2019, 8, 20))["text"]


def test_three_places_is_worded_one_way():
    words = decisions.TERMS["three_places"]
    d3 = decisions.decision("D3", date(2026, 1, 1))["text"]
    education = next(r for r in indicators.indicators(date(2026, 1, 1)) if r["id"] == "education")
    assert words in d3 and words in education["conditions"]
    assert "户籍地" not in d3


def test_indicator_rows_reference_known_decisions():
    known = {d["id"] for d in decisions.decisions(date(2026, 11, 22))}
    for row in indicators.indicators(date(2026, 11, 22)):
        assert set(row["decisions"]) <= known
        assert row["group"] in ("base", "bonus", "deduction", "veto", "eligibility")
        assert row["summary"] and row["source"] and row["confidence"] in "HML"


def test_indicators_show_the_numbers_in_force():
    def row(day, indicator):
        return next(r for r in indicators.indicators(day) if r["id"] == indicator)

    assert "最高100分" in row(date(2016, 1, 1), "investment")["summary"]
    assert "最高120分" in row(date(2026, 1, 1), "investment")["summary"]
    assert "五个新城" not in row(date(2025, 11, 30), "key_area")["summary"]
    assert "五个新城" in row(date(2025, 12, 1), "key_area")["summary"]
    assert row(date(2017, 12, 31), "insurance_base")["cap"] == 100
    assert row(date(2018, 1, 1), "insurance_base")["cap"] == 120
    assert "认可清单" not in row(date(2024, 11, 21), "credential")["summary"]
    assert "认可清单A、B类" in row(date(2024, 11, 22), "credential")["summary"]
    assert len(indicators.indicators(date(2026, 1, 1))) == len(indicators.REGISTRY)


def test_history_is_derived_from_the_parameter_dates():
    rows = {r["item"]: r["periods"] for r in history.history()}
    key_area = rows["远郊重点区域"]
    assert [(p["since"], p["until"]) for p in key_area] == [
        ("2013-07-01", "2019-08-19"), ("2019-08-20", "2025-11-30"), ("2025-12-01", None)
    ]
    assert "最高100分" in rows["缴纳职工社会保险费基数"][0]["text"]
    assert "年龄" not in rows  # never changed, so not history
    # the notes no parameter records state their numbers from the parameters too
    terms = rows["减分的期限"][1]
    day = date.fromisoformat(terms["since"])
    assert terms["text"] == (
        f"提供虚假材料{rules.value('deduction.false_materials_years', day)}年内、"
        f"行政拘留{rules.value('deduction.detention_years', day)}年内、"
        f"一般刑事犯罪{rules.value('deduction.crime_years', day)}年内。"
    )
    for periods in rows.values():
        sinces = [p["since"] for p in periods]
        assert sinces == sorted(sinces) and periods[-1]["until"] is None


def test_yardsticks_cover_every_month_from_2018_04_in_order():
    rows = rules.yardsticks()
    assert rows[0]["from"] == "2018-04"
    assert [r["from"] for r in rows] == sorted(r["from"] for r in rows)
    by_year = {r["from"]: r for r in rows}
    assert by_year["2021-07"]["average_cny"] == 10338 and by_year["2021-07"]["floor_cny"] == 5975
    newest = by_year["2026-07"]
    assert (newest["ceiling_cny"], newest["floor_cny"], newest["average_cny"]) == (
        37731, 7546, 12577
    )
    assert newest["published"] == "2026-08-18"  # first announced; a page quoting it is 08-24
