"""The how-to for skill certificates obtained outside Shanghai (calculator.verification,
data/verification.toml): the data is sound, and only the levels the rule names count once
verified (D4)."""

from __future__ import annotations

import copy

import pytest

from calculator import verification
from calculator.rules import value


def test_the_data_has_no_problems():
    assert verification.problems() == []


def test_an_unknown_source_is_a_problem(monkeypatch):
    broken = copy.deepcopy(verification._data())
    broken["national"]["refs"] = ["V3", "Z1"]
    monkeypatch.setattr(verification, "_data", lambda: broken)
    assert verification.problems() == [
        "verification.toml: [national] refs: unknown source 'Z1'"
    ]


@pytest.mark.parametrize(("level", "counts"), [(1, True), (2, True), (3, True), (4, False),
                                               (5, False)])
def test_levels_three_to_one_count_once_verified_four_and_five_never(level, counts):
    assert verification.counts_once_verified(level) is counts
    assert (level in value("credential.skill_outside_levels")) is counts


def test_the_national_query_is_named_with_its_address():
    national = verification.facts()["national"]
    assert national["name"] == "技能人才评价证书全国联网查询"
    assert national["url"] == "http://zscx.osta.org.cn/"
