"""D4 (revised): which skill levels obtained outside Shanghai count once verified is rules data
(credential.skill_outside_levels); the engine's lines and questions, the decision, the documents
list and the form's words all take the levels from it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from engine_helpers import lines_by_id

import calculator
from calculator import decisions, documents, rules

DAY = date(2026, 11, 22)
SITE = Path(__file__).resolve().parents[2] / "site_src"
LEVEL_WORD = re.compile(r"[一二三四五]级")


def counted() -> tuple:
    return rules.value("credential.skill_outside_levels", DAY)


def words() -> str:
    return decisions.in_words("credential.skill_outside_levels", counted())


def score(level: int, **answers) -> dict:
    credential = {"type": "skill", "level": level, "occupation": "电工",
                  "obtained_in_shanghai": False, "job_match": True, **answers}
    return calculator.score({"version": 2, "as_of": DAY.isoformat(), "birth_date": "1990-01-01",
                             "credentials": [credential],
                             "insurance": [{"from": "2020-01", "base_multiple": 1.2}]})


def test_levels_3_to_1_count_from_outside_shanghai_and_say_so_in_words():
    assert counted() == (3, 2, 1)
    assert words() == "三级及以上"
    assert decisions.skill_levels_words([4, 5]) == "四级、五级"
    assert decisions.skill_levels_words([2]) == "二级"


@pytest.mark.parametrize("level", [4, 5])
@pytest.mark.parametrize("verified", [True, False, None])
def test_a_lower_level_from_outside_shanghai_scores_0_with_the_reason_and_no_question(
    level, verified
):
    answers = {} if verified is None else {"verified_in_shanghai": verified}
    result = score(level, **answers)
    line = lines_by_id(result)["credential"]
    assert line["raw_points"] == 0
    assert f"在外省市取得的{decisions.skill_levels_words([level])}技能证书不计分" in (
        line["explanation"])
    assert f"（{words()}须经本市核验后才计分）" in line["explanation"]
    assert not [q for q in result["to_confirm"] if q["path"].endswith("verified_in_shanghai")]


def test_level_3_unanswered_is_asked_and_yes_gives_its_points():
    result = score(3)
    (question,) = [q for q in result["to_confirm"] if q["path"].endswith("verified_in_shanghai")]
    assert question["if_yes"]["line_points"] == rules.value("credential.skill_3", DAY)
    assert "尚未确认是否已通过本市核验" in lines_by_id(result)["credential"]["explanation"]


def test_level_3_not_verified_says_so():
    text = lines_by_id(score(3, verified_in_shanghai=False))["credential"]["explanation"]
    assert "未经本市核验，计0分" in text


def test_the_decision_and_the_documents_list_name_the_levels_from_the_data():
    d4 = decisions.decision("D4", DAY)["text"]
    assert f"{words()}经本市核验后视同在本市取得，其他等级不计分" in d4
    credential = next(e for e in documents.all_documents(DAY) if e["id"] == "credential")
    skill = next(item for item, kind in zip(credential["items"], credential["item_types"],
                                            strict=True) if kind == "skill")
    assert f"外省市取得的{words()}技能证书" in skill and "{" not in skill
    assert [d for d in score(3, verified_in_shanghai=True)["documents"] if d["id"] == "credential"]


def test_no_form_or_page_writes_the_levels_from_outside_shanghai_by_hand():
    """Every sentence of the templates, scripts and pages about certificates from outside
    Shanghai takes its levels from the data (value_words / points.skill_outside)."""
    found = []
    for path in [*SITE.glob("templates/*.html"), *SITE.glob("static/js/*.js"),
                 *SITE.glob("pages/*.md")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for sentence in re.split(r"[。；;]", line):
                if "外省市" in sentence and "技能" in sentence and LEVEL_WORD.search(sentence):
                    found.append(f"{path.name}:{number}: {sentence.strip()}")
    assert found == []
