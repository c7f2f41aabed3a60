"""The two catalogues cleaned from the seed page."""

from __future__ import annotations

import copy
import itertools
import json
import re

import pytest

import calculator
from calculator import catalogues, messages
from calculator.decisions import placeholders
from calculator.resources import load_toml
from calculator.rules import value

CATALOGUES = {
    "skill": (catalogues.skill_occupations, 62),
    "qualification": (catalogues.qualifications, 56),
}


@pytest.mark.parametrize("kind", CATALOGUES)
def test_counts_and_numbering(kind):
    load, count = CATALOGUES[kind]
    entries = load()
    assert len(entries) == count
    assert [e["no"] for e in entries] == list(range(1, count + 1))


@pytest.mark.parametrize("kind", CATALOGUES)
def test_no_scraping_noise_or_stray_digits(kind):
    for entry in CATALOGUES[kind][0]():
        for name in [entry["name"], *entry["alt_names"], entry.get("equivalent_title", "")]:
            assert "左边" not in name and "右边" not in name
            assert not re.search(r"\d", name), name
            assert (name == name.strip() and name) or name == ""


@pytest.mark.parametrize("kind", CATALOGUES)
def test_names_and_alternative_names_are_unique(kind):
    names = []
    for entry in CATALOGUES[kind][0]():
        names += [catalogues.normalise_name(n) for n in [entry["name"], *entry["alt_names"]]]
    assert len(names) == len(set(names))


def test_known_alternative_names():
    assert catalogues.find_skill("热处理工")["name"] == "金属热处理工"
    assert catalogues.find_qualification("注册城市规划师")["no"] == 7
    assert catalogues.find_qualification("执业中药师")["no"] == 13
    assert catalogues.find_qualification("执业律师")["no"] == 56


def test_lookup_ignores_width_and_spaces():
    assert catalogues.find_qualification("造价工程师（一级）")["no"] == 6
    assert catalogues.find_qualification(" 注册 会计师 ")["no"] == 55


def test_unknown_names_are_none():
    assert catalogues.find_skill("美发师") is None
    assert catalogues.find_qualification("") is None
    assert catalogues.find_qualification(None) is None


def test_garbled_row_and_missing_titles_are_fixed_and_recorded():
    rows = {q["no"]: q for q in catalogues.qualifications()}
    assert rows[43]["name"] == "企业法律顾问"
    assert rows[56]["name"] == "法律职业资格" and rows[56]["printed_no"] == 66
    assert rows[55]["equivalent_title"] == "会计师" and rows[55]["title_inferred"]
    assert rows[56]["title_inferred"]
    assert all(q["equivalent_title"] for q in rows.values())
    assert not any(q.get("title_inferred") for n, q in rows.items() if n < 55)


def test_registration_rule():
    rows = {q["name"]: q for q in catalogues.qualifications()}
    assert rows["注册会计师"]["registration_required"]
    assert rows["建造师(一级)"]["registration_required"]
    assert rows["监理工程师"]["registration_required"]
    assert not rows["会计专业技术资格(中级)"]["registration_required"]


def test_results_are_copies():
    catalogues.skill_occupations()[0]["name"] = "x"
    assert catalogues.skill_occupations()[0]["name"] == "半导体芯片制造工"


# Everyday names (calculator/data/everyday_names.toml) ------------------------------------

EVERYDAY = load_toml(catalogues.EVERYDAY_FILE)
FINDERS = {"qualifications": catalogues.find_qualification, "skills": catalogues.find_skill}
LOADERS = {"qualifications": catalogues.qualifications, "skills": catalogues.skill_occupations}
EVERYDAY_PAIRS = [
    pytest.param(section, official, name, id=f"{section}:{name}")
    for section in FINDERS
    for official, names in EVERYDAY[section].items()
    for name in names
]


def every_name() -> list[tuple[str, str]]:
    """(owner, name) for every name anywhere: catalogue names, alternative and everyday names,
    title hints and not-counted names; the owner says which entry or group it belongs to."""
    found = []
    for section, load in LOADERS.items():
        for entry in load():
            owner = f"{section}:{entry['no']}"
            for name in [entry["name"], *entry["alt_names"], *entry["everyday_names"]]:
                found.append((owner, name))
    for group in catalogues.title_hints():
        found += [(f"title:{group['name']}", n) for n in group["names"]]
    for group in catalogues.not_counted():
        found += [(f"not_counted:{group['name']}", n) for n in group["names"]]
    return found


def test_the_everyday_names_data_is_sound():
    assert catalogues.check_everyday() == []


def mistake(edit) -> list[str]:
    data = copy.deepcopy(EVERYDAY)
    edit(data)
    return catalogues.check_everyday(data)


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d["skills"]["电工"].append("焊工"),
     "[skills] '电工': name '焊工' is already used by skill_occupations.json '焊工'"),
    (lambda d: d["qualifications"]["注册会计师"].append("注册 会计师"),
     "name '注册 会计师' is already used by qualifications.json '注册会计师'"),
    (lambda d: d["not_counted"]["二级建造师"]["also"].append("ＣＰＡ"),
     "name 'ＣＰＡ' is already used by [qualifications] '注册会计师'"),
    (lambda d: d["qualifications"].update({"建造师": ["二建"]}),
     "[qualifications] '建造师': not the name of an entry in qualifications.json"),
    (lambda d: d["skills"].update({"电工": "维修电工"}), "must be a list of names"),
    (lambda d: d["titles"]["中级职称"].update(level="junior"), "level must be one of"),
    (lambda d: d["not_counted"]["二级建造师"].update(reason=""), "needs a reason"),
    (lambda d: d["not_counted"]["二级建造师"].update(reason="计{credential.no_such}分"),
     "reason names unknown parameter {credential.no_such}"),
    (lambda d: d["not_counted"]["二级建造师"].update(catalogue="title"),
     "catalogue must be skill, qualification or other"),
    (lambda d: d.update(extra={}), "[extra]: unknown section"),
    (lambda d: d["level_words"].update({"6": ["六级"]}), "the level must be 1 to 5"),
    (lambda d: d["level_words"]["2"].append("三级"), "word '三级' is already level 3"),
    (lambda d: d["words"].update({"电工": "电 工 程"}),
     "must be the name itself with spaces between its words"),
    (lambda d: d["words"].update({"水电工": "水 电工"}), "not the name of a catalogue entry"),
])
def test_each_kind_of_mistake_is_caught(edit, expected):
    problems = mistake(edit)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("everyday_names.toml: ") for p in problems)


def test_everyday_sections_name_existing_entries():
    for section, load in LOADERS.items():
        official = {e["name"] for e in load()}
        for name in EVERYDAY[section]:
            assert name in official, f"[{section}] {name!r} is not a catalogue entry's name"
    assert set(EVERYDAY) == {"qualifications", "skills", "titles", "not_counted", "level_words",
                             "words"}


@pytest.mark.parametrize(("section", "official", "name"), EVERYDAY_PAIRS)
def test_every_everyday_name_resolves_to_its_entry(section, official, name):
    found = FINDERS[section](name)
    assert found is not None and found["name"] == official
    other = FINDERS["skills" if section == "qualifications" else "qualifications"](name)
    assert other is None
    [first] = catalogues.suggest(name, limit=1)
    assert (first["name"], first["match"], first["matched"]) == (official, "everyday", name)


def test_no_name_is_used_twice_anywhere():
    """No everyday name collides with another entry's name (or any other name), however it
    is written: exact lookups and suggestions both stay unambiguous."""
    for key in (catalogues.normalise_name, catalogues.search_key):
        owners: dict[str, str] = {}
        for owner, name in every_name():
            assert key(name), (owner, name)
            seen = owners.setdefault(key(name), owner)
            assert seen == owner, f"{name!r} belongs to {seen} and {owner}"
    everything = [name for _, name in every_name()]
    assert len(everything) == len({catalogues.search_key(n) for n in everything})


def test_entries_carry_their_everyday_names():
    rows = {q["name"]: q for q in catalogues.qualifications()}
    assert "CPA" in rows["注册会计师"]["everyday_names"]
    assert all(isinstance(q["everyday_names"], list) for q in rows.values())
    skills = {s["name"]: s for s in catalogues.skill_occupations()}
    assert "维修电工" in skills["电工"]["everyday_names"]
    assert skills["半导体芯片制造工"]["everyday_names"] == []


COMMON = {
    "中级会计": "会计专业技术资格(中级)", "中级会计师": "会计专业技术资格(中级)",
    "会计中级": "会计专业技术资格(中级)", "中级经济师": "经济专业技术资格(中级)",
    "经济师": "经济专业技术资格(中级)", "中级审计师": "审计专业技术资格(中级)",
    "中级统计师": "统计专业技术资格(中级)", "二级翻译": "翻译专业资格(中级)",
    "CATTI二级": "翻译专业资格(中级)", "一建": "建造师(一级)", "一级建造师": "建造师(一级)",
    "CPA": "注册会计师", "注会": "注册会计师", "法考": "法律职业资格", "司法考试": "法律职业资格",
    "注册安全工程师": "注册安全工程师(中级)", "中级注安": "注册安全工程师(中级)",
    "一级造价师": "造价工程师(一级)", "一造": "造价工程师(一级)", "监理": "监理工程师",
    "执业药师": "执业药师(执业中药师)",
}


@pytest.mark.parametrize(("typed", "official"), COMMON.items())
def test_common_names_find_their_qualification(typed, official):
    assert catalogues.find_qualification(typed)["name"] == official
    assert catalogues.suggest(typed)[0]["name"] == official


@pytest.mark.parametrize("typed", ["电工", "维修电工", "焊工", "电焊工", "钳工", "机修钳工"])
def test_common_names_find_their_skill(typed):
    found = catalogues.find_skill(typed)
    assert found is not None
    assert catalogues.suggest(typed)[0] == {**catalogues.suggest(typed)[0], "kind": "skill",
                                            "name": found["name"]}


def test_everyday_names_count_in_the_score():
    """A person who types 中级会计 holds a catalogue qualification: it scores like one."""
    profile = {
        "as_of": "2026-11-22", "birth_date": "1990-05-01",
        "credentials": [{"type": "qualification", "name": "中级会计"}],
        "insurance": [{"from": "2025-11", "to": "2026-10", "base_multiple": 1.0}],
    }
    line = next(x for x in calculator.score(profile)["lines"] if x["id"] == "credential")
    assert line["raw_points"] == value("credential.qualification")


NOT_COUNTED = [
    "二级建造师", "二建", "特种作业操作证", "电工证", "焊工证", "初级会计", "助理会计师",
    "教师资格证", "驾驶证", "普通话证书", "计算机等级考试", "英语四级", "会计从业资格",
    "证券从业资格", "基金从业资格", "心理咨询师", "育婴员", "保育员", "健康管理师",
    "养老护理员", "人力资源管理师", "企业人力资源管理师", "美发师",
]


@pytest.mark.parametrize("typed", NOT_COUNTED)
def test_not_counted_names_are_in_neither_catalogue_and_say_why(typed):
    assert catalogues.find_qualification(typed) is None
    assert catalogues.find_skill(typed) is None
    group = catalogues.find_not_counted(typed)
    assert group is not None and typed in group["names"]
    first = catalogues.suggest(typed)[0]
    assert first["kind"] == "not_counted" and first["matched"] == typed
    assert first["reason"] == group["reason"]


def test_every_title_and_not_counted_name_is_found_as_such():
    for group in catalogues.not_counted():
        for name in group["names"]:
            assert catalogues.find_not_counted(name)["name"] == group["name"]
            assert catalogues.find_qualification(name) is None
            assert catalogues.find_skill(name) is None
            assert catalogues.find_title_hint(name) is None
            [first] = catalogues.suggest(name, limit=1)
            assert (first["kind"], first["name"], first["matched"]) == (
                "not_counted", group["name"], name)
    for hint in catalogues.title_hints():
        for name in hint["names"]:
            assert catalogues.find_title_hint(name)["level"] == hint["level"]
            assert catalogues.find_qualification(name) is None
            assert catalogues.find_not_counted(name) is None
            [first] = catalogues.suggest(name, limit=1)
            assert (first["kind"], first["level"], first["matched"]) == (
                "title", hint["level"], name)


def test_not_counted_reasons_are_filled_and_short():
    for group in catalogues.not_counted():
        assert group["catalogue"] in ("skill", "qualification", "other"), group
        assert group["reason"] and "{" not in group["reason"] and len(group["reason"]) <= 160
    for hint in catalogues.title_hints():
        assert hint["level"] in catalogues.TITLE_LEVELS and "{" not in hint["reason"]
    reasons = EVERYDAY["not_counted"]
    for row in reasons.values():
        for param in placeholders(row["reason"]):
            assert value(param) is not None, param


def test_claims_in_the_reasons_match_the_data():
    # Only the first level of these is in the catalogue.
    names = [q["name"] for q in catalogues.qualifications()]
    assert [n for n in names if "建造师" in n] == ["建造师(一级)"]
    assert [n for n in names if "造价" in n] == ["造价工程师(一级)"]
    assert [n for n in names if "消防" in n] == ["注册消防工程师(一级)"]
    # "初级职称计0分…中级及以上才计分".
    assert value("credential.title_junior") == 0
    assert value("credential.title_intermediate") > 0
    # The occupations said not to be in the high-skill catalogue are not there.
    for name in ["育婴员", "保育员", "健康管理师", "养老护理员", "企业人力资源管理师",
                 "心理咨询师"]:
        assert catalogues.find_skill(name) is None
    # "四级、五级不看目录": a level-4 certificate of such an occupation scores.
    profile = {"as_of": "2026-11-22", "birth_date": "1990-05-01",
               "credentials": [{"type": "skill", "level": 4, "occupation": "育婴员"}]}
    line = next(x for x in calculator.score(profile)["lines"] if x["id"] == "credential")
    assert line["raw_points"] == value("credential.skill_4")


def test_title_hints():
    hint = catalogues.find_title_hint("工程师")
    assert hint["level"] == "intermediate" and "职称·中级" in hint["reason"]
    assert catalogues.find_title_hint("高级会计师")["level"] == "senior"
    assert catalogues.find_title_hint("注册会计师") is None
    first = catalogues.suggest("工程师")[0]
    assert (first["kind"], first["level"]) == ("title", "intermediate")


# Ranking -------------------------------------------------------------------------------

def names(text, limit=12):
    return [s["name"] for s in catalogues.suggest(text, limit=limit)]


def test_electrician_never_finds_hydropower_engineer_across_a_word():
    found = catalogues.suggest("电工", limit=None)
    assert found[0] == {"kind": "skill", "name": "电工", "no": 31, "matched": "电工",
                        "match": "name"}
    assert "注册土木工程师(水利水电工程)" not in [s["name"] for s in found]
    # its own words still find it, inside the name as well as at its start
    for typed in ("水电", "水利水电", "工程", "注册土木"):
        assert "注册土木工程师(水利水电工程)" in names(typed, limit=None), typed
    # a name whose words are not given still matches anywhere inside (电气 in 注册电气工程师)
    assert "注册电气工程师" in names("电气", limit=None)


LEVELS = [
    ("维修电工三级", "电工", 3, "维修电工"), ("高级电工", "电工", 3, "电工"),
    ("电工(三级)", "电工", 3, "电工"), ("三级电工证", "电工", 3, "电工"),
    ("电工技师证书", "电工", 2, "电工"), ("高级技师焊工", "焊工", 1, "焊工"),
    ("中级焊工", "焊工", 4, "焊工"), ("初级工钳工", "钳工", 5, "钳工"),
    ("电工4级", "电工", 4, "电工"), ("一级 汽车修理工", "汽车维修工", 1, "汽车修理工"),
]


@pytest.mark.parametrize(("typed", "occupation", "level", "matched"), LEVELS)
def test_a_level_word_is_stripped_and_reported(typed, occupation, level, matched):
    found = catalogues.find_skill(typed)
    assert (found["name"], found["skill_level"]) == (occupation, level)
    first = catalogues.suggest(typed)[0]
    assert (first["kind"], first["name"], first["skill_level"], first["matched"]) == (
        "skill", occupation, level, matched)


def test_a_name_without_a_level_word_reports_no_level():
    assert "skill_level" not in catalogues.find_skill("维修电工")
    assert "skill_level" not in catalogues.suggest("电工")[0]
    assert catalogues.split_level("电工") == ("电工", None)
    assert catalogues.split_level("高级技师") == ("高级技师", None)  # a level word alone


def test_level_words_never_turn_a_title_or_qualification_into_an_occupation():
    # the whole text's own match wins, and only occupations are matched without the level
    assert catalogues.suggest("高级工程师")[0]["kind"] == "title"
    assert "skill_level" not in catalogues.suggest("高级工程师")[0]
    assert catalogues.suggest("一级建造师")[0]["name"] == "建造师(一级)"
    assert catalogues.suggest("二级建造师")[0]["name"] == "二级建造师"
    assert catalogues.suggest("中级会计")[0]["name"] == "会计专业技术资格(中级)"
    assert catalogues.find_skill("高级工程师") is None
    assert catalogues.find_qualification("三级电工") is None


def test_a_match_of_the_whole_text_ranks_before_the_same_match_without_its_level():
    # 二级心理咨询师 is itself a name: it is matched whole, with no level carried
    first = catalogues.suggest("二级心理咨询师")[0]
    assert (first["name"], first["matched"]) == ("心理咨询师", "二级心理咨询师")
    assert "skill_level" not in first


OVERSEAS = ["ACCA", "FCCA", "CGMA", "CIMA", "CFA", "FRM", "PMP"]


@pytest.mark.parametrize("typed", OVERSEAS)
def test_overseas_certificates_are_never_aliases_of_one_another(typed):
    group = catalogues.find_not_counted(typed)
    assert group["name"] == typed
    others = {n for n in OVERSEAS if n != typed}
    assert not others & {catalogues.search_key(n).upper() for n in group["names"]}
    first = catalogues.suggest(typed)[0]
    assert (first["kind"], first["name"]) == ("not_counted", typed)


def test_only_the_certificates_a_source_names_are_said_to_be_on_the_list():
    for name in ("ACCA", "FCCA", "CGMA"):
        assert "列入过" in catalogues.find_not_counted(name)["reason"]
    for name in ("CFA", "FRM", "PMP", "CIMA"):
        assert "没有找到公开资料" in catalogues.find_not_counted(name)["reason"]


def test_rank_order_exact_everyday_prefix_substring():
    found = catalogues.suggest("会计", limit=None)
    ranks = [catalogues.MATCHES.index(s["match"]) for s in found]
    assert ranks == sorted(ranks)
    for a, b in itertools.pairwise(found):
        if a["match"] == b["match"]:
            assert len(catalogues.search_key(a["matched"])) <= len(
                catalogues.search_key(b["matched"]))
    # Exact official name beats everything else containing it.
    assert names("注册会计师")[0] == "注册会计师"
    assert catalogues.suggest("注册会计师")[0]["match"] == "name"
    # A prefix of a name ranks above a name merely containing the text.
    found = catalogues.suggest("注册土木", limit=None)
    assert all(s["match"] == "prefix" for s in found)
    found = catalogues.suggest("土木", limit=None)
    assert all(s["match"] == "substring" for s in found)


def test_each_target_is_suggested_once_with_its_best_name():
    found = catalogues.suggest("会计", limit=None)
    keys = [(s["kind"], s["name"]) for s in found]
    assert len(keys) == len(set(keys))
    accounting = next(s for s in found if s["name"] == "会计专业技术资格(中级)")
    assert (accounting["matched"], accounting["match"]) == ("会计师", "prefix")


@pytest.mark.parametrize("typed", ["cpa", "ＣＰＡ", " C P A ", "Cpa"])
def test_case_width_and_spaces_do_not_matter(typed):
    assert catalogues.find_qualification(typed)["name"] == "注册会计师"
    assert names(typed)[0] == "注册会计师"


def test_brackets_do_not_matter_in_suggestions():
    assert names("造价工程师一级")[0] == "造价工程师(一级)"
    assert names("CATTI 二级")[0] == "翻译专业资格(中级)"


def test_suggestions_say_their_kind_and_reason():
    [nc] = catalogues.suggest("电工证", limit=1)
    assert nc["kind"] == "not_counted" and nc["name"] == "特种作业操作证"
    assert "不是职业技能等级证书" in nc["reason"]
    [q] = catalogues.suggest("CPA", limit=1)
    assert q["kind"] == "qualification" and q["no"] == 55 and "reason" not in q


def test_empty_or_unknown_text_suggests_nothing():
    assert catalogues.suggest("") == []
    assert catalogues.suggest("   ") == []
    assert catalogues.suggest(None) == []
    assert catalogues.suggest("qqxzzj") == []
    assert len(catalogues.suggest("工", limit=5)) == 5


def test_browser_answer_carries_the_same_data():
    answer = json.loads(messages.answer("catalogues", ""))["result"]
    assert answer["qualifications"] == catalogues.qualifications()
    assert answer["skills"] == catalogues.skill_occupations()
    assert answer["not_counted"] == catalogues.not_counted()
    assert answer["titles"] == catalogues.title_hints()
    assert any("电工证" in g["names"] for g in answer["not_counted"])
