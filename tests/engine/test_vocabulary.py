"""The words and limits every part shows live once, in data/vocabulary.toml
(calculator.vocabulary), and the engine's sentences and messages take them from there."""

from __future__ import annotations

import ast
import json
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
