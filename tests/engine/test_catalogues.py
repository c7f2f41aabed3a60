"""The two catalogues cleaned from the seed page."""

from __future__ import annotations

import re

import pytest

from calculator import catalogues

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
