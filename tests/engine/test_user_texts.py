"""No text a person reads names an internal key: the problem messages, and every sentence of a
result and a plan (headline, line explanations and rules, the decisions they use, warnings,
to_confirm, eligibility, documents, the planner's routes and summary) for every profile in
tests/engine/cases, the frozen profiles of each format version, and a few more; and the
rendered decisions, rules, history and catalogue reasons on every day a parameter changed."""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from pathlib import Path

import pytest
from engine_helpers import IN_PYODIDE

import calculator
from calculator import catalogues, decisions, history, indicators, profile, rules

CASES_DIR = Path(__file__).parent / "cases"

# Every name of the profile format and of the engine's reading of it.
NAMES = frozenset(
    {
        *profile.TOP_KEYS,
        *(key for keys in profile.CREDENTIAL_KEYS.values() for key in keys),
        *profile.PERIOD_KEYS,
        *(key for answers in profile.ASSUMED.values() for key in answers),
        *(
            f.name
            for cls in (
                profile.Education,
                profile.Credential,
                profile.Period,
                profile.Investment,
                profile.Profile,
            )
            for f in dataclasses.fields(cls)
        ),
        "area",
        "years",
        "married_on",
        "target_date",
        "expected",
        "compare",
        *decisions.TERMS,
    }
)
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Values that are codes, not sentences: ids, warning codes, field paths, line ids, kinds,
# addresses.
CODES = {"id", "code", "path", "line", "group", "kind", "unit", "routes_that_make_it", "url"}


def internal_names(text: str) -> list[str]:
    """The internal names in `text`: a profile key, or any snake_case word; and any
    placeholder left unfilled."""
    found = [w for w in WORD.findall(text) if w in NAMES or "_" in w.strip("_")]
    return found + (["{…}"] if "{" in text else [])


def texts(found, where: str = ""):
    """(where, text) for every string in a result or plan, but codes."""
    if isinstance(found, str):
        yield where, found
    elif isinstance(found, dict):
        for key, item in found.items():
            if key not in CODES:
                yield from texts(item, f"{where}.{key}")
    elif isinstance(found, list | tuple):
        for i, item in enumerate(found):
            yield from texts(item, f"{where}[{i}]")


def assert_plain(found, what: str = "") -> None:
    bad = [(where, text) for where, text in texts(found) if internal_names(text)]
    assert not bad, (what, bad[:3])


def test_the_check_finds_internal_names():
    assert internal_names("请改填 base_multiple") == ["base_multiple"]
    assert internal_names("以评估日（as_of）为准") == ["as_of"]
    assert internal_names("job_match 未填") == ["job_match"]
    assert internal_names("见 birth_date") == ["birth_date"]
    assert internal_names("须{three_places}") == ["three_places", "{…}"]
    assert internal_names("请填写 occupation") == ["occupation"]
    assert internal_names("CPA Australia，认可清单A类，[S7]，true 或 false") == []
    assert {"as_of", "base_multiple", "base_cny", "birth_date", "job_match"} <= NAMES


def _toml_cases() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            profile_ = {**case["profile"], "as_of": case["as_of"]}
            found.append((f"{path.stem}:{case['name']}", profile_, "error_paths" in case))
    return found


def _frozen_cases() -> list[tuple[str, dict, bool]]:
    found = []
    for path in sorted(CASES_DIR.glob("v*_profiles/*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            found.append((f"{path.parent.name}:{case['name']}", case["profile"], False))
    return found


MORE = [
    # excluded months (D26), yuan bases estimated after the newest row (D24), above the
    # ceiling and below the floor, unanswered confirmations of every kind, a plan target
    {
        "version": 2,
        "as_of": "2027-09-15",
        "birth_date": "1992-03-01",
        "education": {"level": "master", "full_time": False},
        "credentials": [
            {"type": "qualification", "name": "注册会计师"},
            {"type": "skill", "level": 2, "occupation": "电工", "obtained_in_shanghai": False},
            {"type": "overseas", "category": "A", "level": "intermediate", "name": "CPA"},
        ],
        "insurance": [
            {"from": "2019-07", "to": "2022-12", "base_cny": 40000},
            {"from": "2023-01", "to": "2023-06", "base_cny": 6000, "employer_matches": False},
            {"from": "2023-07", "to": "2024-06", "base_cny": 6000, "base_matches_tax": False},
            {"from": "2024-07", "base_cny": 15000},
        ],
        "plan": {"target_date": "2028-06-30"},
    },
    {
        "as_of": "2026-11-28",
        "birth_date": "1960-01-01",
        "insurance": [{"from": "2019-07", "base_cny": 15000}],
        "family_planning_violation": True,
        "serious_crime": True,
        "false_materials": ["2025-01-01"],
    },
]
PROFILES = [
    *_toml_cases(),
    *_frozen_cases(),
    *((f"more-{i}", p, False) for i, p in enumerate(MORE)),
]
SCORED = [pytest.param(p, id=name) for name, p, invalid in PROFILES if not invalid]


def test_the_profiles_come_from_every_case_file_and_are_of_both_versions():
    files = {path.stem for path in CASES_DIR.glob("*.toml")}
    folders = {path.parent.name for path in CASES_DIR.glob("v*_profiles/*.json")}
    assert files and folders and {name.split(":")[0] for name, _, _ in PROFILES} >= files | folders
    versions = {p.values[0].get("version") for p in SCORED}
    assert {None, 2} <= versions


# Inside Pyodide the engine writes the same sentences: tests/build/test_stdlib.py compares the
# result and plan of every case in tests/engine/cases/*.toml there with CPython's (the frozen
# profiles' results are checked there by test_profile_versions.py), and planning them all again
# here would double the slowest part of the Pyodide run.
@pytest.mark.skipif(IN_PYODIDE, reason="the stored cases' results and plans are compared with "
                    "CPython's inside Pyodide by tests/build/test_stdlib.py")
@pytest.mark.parametrize("profile_", SCORED)
def test_no_result_or_plan_sentence_names_an_internal_key(profile_):
    result = calculator.score(profile_)
    assert_plain(result, "score")
    assert isinstance(result["to_confirm"], list)
    assert all(question["question"] for question in result["to_confirm"])
    assert_plain(calculator.plan(profile_), "plan")


# Problem messages: the invalid cases, and more of the mistakes people make.
BIRTH = "1990-05-01"
MORE_INVALID = [
    {"birth_date": BIRTH, "insurance": [{"from": "2020-01", "base_multiple": 1, "base_cny": 9}]},
    {"birth_date": BIRTH, "insurance": [{"from": "2020-01"}]},
    {
        "as_of": "2019-01-15",
        "birth_date": BIRTH,
        "insurance": [{"from": "2017-01", "base_cny": 9000}],
    },
    {"birth_date": BIRTH, "education": {"level": "phd"}, "award": "city"},
    {"birth_date": BIRTH, "key_area": {"area": "pudong", "years": 3}},
    {"birth_date": BIRTH, "credentials": [{"type": "title", "level": "middle"}]},
    {"birth_date": BIRTH, "credentials": [{"type": "skill", "level": 3}]},
    {"birth_date": BIRTH, "credentials": [{"type": "overseas"}]},
    {"birth_date": BIRTH, "investment": {"share": 2}, "spouse": {"married_on": "x"}},
    {"as_of": "2010-01-01", "birth_date": BIRTH},
    {"as_of": "2026-11-01", "birth_date": "2020-01-01", "plan": {"target_date": "soon"}},
    {},
]
INVALID = [pytest.param(p, id=name) for name, p, invalid in PROFILES if invalid] + [
    pytest.param(p, id=f"more-invalid-{i}") for i, p in enumerate(MORE_INVALID)
]


def _typed(found) -> set[str]:
    """The keys and strings a profile holds: a message may quote what the person typed
    (不认识的字段“occupation”)."""
    if isinstance(found, dict):
        return set(map(str, found)).union(*map(_typed, found.values()))
    if isinstance(found, list):
        return set().union(*map(_typed, found))
    return {found} if isinstance(found, str) else set()


@pytest.mark.parametrize("profile_", INVALID)
def test_no_problem_message_names_an_internal_key(profile_):
    typed = _typed(profile_)
    for run in (calculator.score, calculator.plan):
        with pytest.raises(calculator.ValidationError) as caught:
            run(profile_)
        for problem in caught.value.problems:
            zh = re.sub(r"“([^”]*)”", lambda m: "" if m.group(1) in typed else m.group(0),
                        problem["zh"])
            assert not internal_names(zh), problem


@pytest.mark.parametrize("day", rules.change_days(), ids=str)
def test_no_rendered_decision_rule_or_reason_names_an_internal_key(day):
    assert_plain(decisions.decisions(day), "decisions")
    assert_plain(indicators.indicators(day), "indicators")
    for entry in (*catalogues.title_hints(), *catalogues.not_counted()):
        for hint in (catalogues.find_title_hint, catalogues.find_not_counted):
            found = hint(entry["name"], day)
            if found is not None:
                assert_plain(found, "catalogue reason")


def test_no_history_row_names_an_internal_key():
    assert_plain(history.history(), "history")
