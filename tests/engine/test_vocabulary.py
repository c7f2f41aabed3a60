"""The words and limits every part shows live once, in data/vocabulary.toml
(calculator.vocabulary), and the engine's sentences and messages take them from there."""

from __future__ import annotations

import ast
import json
import re
from datetime import date
from pathlib import Path

import pytest

import calculator
from calculator import confirm, profile, rules, vocabulary
from calculator.basic import credential_name
from calculator.indicators import REGISTRY
from calculator.profile import Credential

ENGINE = Path(calculator.__file__).parent


def test_vocabulary_is_json_data_in_the_forms_order():
    data = vocabulary.vocabulary()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    for kind in vocabulary.CHOICES:
        entries = data[kind]
        ids = [e["id"] for e in entries]
        assert len(ids) == len(set(ids)), kind
        for entry in entries:
            words = [v for k, v in entry.items() if k != "id"]
            assert words and all(isinstance(w, str) and w.strip() for w in words), (kind, entry)
    assert [e["id"] for e in data["skill_levels"]] == [5, 4, 3, 2, 1]
    assert data["skill_levels"][2]["option"] == "三级（高级工）"
    assert [e["title"] for e in data["title_levels"]] == ["初级职称", "中级职称", "高级职称"]


def test_every_placeholder_in_a_confirmation_is_filled_for_the_page():
    for entry in vocabulary.vocabulary()["confirmations"]:
        assert "{" not in entry["form"] and "{" not in entry["hint"], entry["id"]
        assert "{" not in entry["yes"], entry["id"]


def test_the_lists_match_what_the_engine_reads_in_both_directions():
    assert set(vocabulary.ids("groups")) == {ind.group for ind in REGISTRY}
    assert set(vocabulary.ids("credential_types")) == set(profile.CREDENTIAL_KEYS)
    assert set(vocabulary.ids("confirmations")) == set(profile.ASSUMED[1])
    assert {p["unit"] for p in rules.parameters()} <= set(vocabulary.units())


@pytest.mark.parametrize("kind", ["education_levels", "title_levels", "awards"])
def test_a_wrong_choice_is_answered_with_the_vocabularys_names(kind):
    raw = {"birth_date": "1990-01-01", "as_of": "2026-06-01"}
    if kind == "education_levels":
        raw["education"] = {"level": "phd"}
    elif kind == "awards":
        raw["award"] = "nobel"
    else:
        raw["credentials"] = [{"type": "title", "level": "chief"}]
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score(raw)
    (problem,) = caught.value.problems
    assert problem["zh"].endswith("、".join(vocabulary.names(kind).values()) + "。")


def test_a_wrong_credential_type_names_every_type():
    raw = {"birth_date": "1990-01-01", "as_of": "2026-06-01", "credentials": [{"type": "x"}]}
    with pytest.raises(calculator.ValidationError) as caught:
        calculator.score(raw)
    (problem,) = caught.value.problems
    for name in vocabulary.names("credential_types").values():
        assert name in problem["zh"]


def test_the_engine_names_levels_and_asks_questions_in_the_vocabularys_words():
    for level in vocabulary.ids("skill_levels"):
        words = vocabulary.entry("skill_levels", level)
        name = credential_name(Credential("skill", level, "电工"))
        assert f"{words['name']}（{words['worker']}）" in name
    assert credential_name(Credential("title", "senior")) == vocabulary.title_name("senior")
    p = profile.read_profile({
        "version": 2, "birth_date": "1990-01-01", "as_of": "2026-06-01",
        "credentials": [{"type": "skill", "level": 3, "occupation": "电工",
                         "obtained_in_shanghai": False}],
    })
    questions = {q.path.rsplit(".", 1)[1]: q for q in confirm.unanswered(p)}
    for key, question in questions.items():
        words = vocabulary.confirmation(key)
        assert question.yes == words["yes"]
        assert question.ask == words["ask"].format(name=credential_name(p.credentials[0]))
    assert set(questions) == {"verified_in_shanghai", "job_match"}


def _words() -> set[str]:
    data = vocabulary.vocabulary()
    found = {*data["units"].values(), *data["terms"].values()}
    for kind in vocabulary.CHOICES:
        for entry in data[kind]:
            found |= {v for k, v in entry.items() if k != "id" and isinstance(v, str)}
    return {word for word in found if len(word) > 1}


def test_no_engine_module_writes_a_vocabulary_word_of_its_own():
    """A string in the engine's code that is exactly one of the vocabulary's words is a second
    copy of it (a word inside a sentence is prose, and allowed)."""
    words, copies = _words(), []
    for path in sorted(ENGINE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_f_strings = {
            id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
            for part in node.values
        }
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and node.value in words
                    and id(node) not in in_f_strings):
                copies.append(f"{path.name}:{node.lineno} {node.value}")
    assert copies == []


# A level written out by hand: 中级职称, 中级及以上, 技能二级, 技师（二级）.
LEVEL_WORDS = re.compile(
    r"[初中高]级职称|中级及以上|技能[一二三四五]级|（[一二三四五]级）|[一二三四五]级（"
)


def test_no_engine_sentence_writes_a_level_by_hand():
    """The title and skill levels inside the engine's sentences come from the vocabulary (its
    docstrings and comments may name them)."""
    copies = []
    for path in sorted(ENGINE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
        }
        copies += [f"{path.name}:{node.lineno} {node.value}" for node in ast.walk(tree)
                   if isinstance(node, ast.Constant) and isinstance(node.value, str)
                   and id(node) not in docstrings and LEVEL_WORDS.search(node.value)]
    assert copies == []


def test_the_credential_rule_and_the_hukou_routes_name_the_vocabularys_levels():
    from calculator.hukou_routes import ROUTES
    from calculator.hukou_title import TITLE_WORDS
    from calculator.rule_text import RULE_TEXTS

    text = RULE_TEXTS["credential"](date(2026, 6, 1))
    for level in vocabulary.ids("skill_levels"):
        assert vocabulary.names("skill_levels")[level] in text
    for level in vocabulary.ids("title_levels"):
        assert vocabulary.title_name(level) in text
    skill_2, skill_1 = (vocabulary.entry("skill_levels", level) for level in (2, 1))
    assert TITLE_WORDS["intermediate"].endswith(f"{skill_2['worker']}（{skill_2['name']}）以上")
    assert TITLE_WORDS["senior"] == (f"{vocabulary.title_name('senior')}或"
                                     f"{skill_1['worker']}（{skill_1['name']}）")
    names = {route.id: route.name for route in ROUTES}
    assert names["title"] == f"{vocabulary.title_name('intermediate')}或{skill_2['worker']}"
    assert names["senior"].startswith(f"{vocabulary.title_name('senior')}、{skill_1['worker']}")
