"""Everyday names and not-counted certificates (calculator/data/everyday_names.toml) in the
built site: the search index, the catalogue pages and the calculator page's data."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from calculator import catalogues


@pytest.fixture(scope="module")
def docs(site_dir) -> list[dict]:
    [index] = (site_dir / "assets").glob("search-index.*.json")
    return json.loads(index.read_text(encoding="utf-8"))["docs"]


def page(site_dir, path: str) -> str:
    return unescape((site_dir / path / "index.html").read_text(encoding="utf-8"))


def test_index_holds_every_everyday_name_with_its_entry(docs):
    by_url = {d["url"]: d for d in docs}
    for kind, entries, prefix in (
        ("skill", catalogues.skill_occupations(), "/catalogue/skills/#skill-"),
        ("qualification", catalogues.qualifications(), "/catalogue/qualifications/#qual-"),
    ):
        for entry in entries:
            doc = by_url[f"{prefix}{entry['no']}"]
            assert doc["kind"] == kind
            assert doc["names"] == [entry["name"], *entry["alt_names"]]
            assert doc["aka"] == entry["everyday_names"]
            for name in entry["everyday_names"]:
                assert name in doc["text"]


def test_index_holds_every_not_counted_name_with_its_reason(docs):
    not_counted = [d for d in docs if d.get("kind") == "not_counted"]
    assert len(not_counted) == len(catalogues.not_counted())
    for group, doc in zip(catalogues.not_counted(), not_counted, strict=True):
        assert doc["title"] == group["name"] and doc["aka"] == group["names"]
        assert group["reason"] in doc["text"]
        assert doc["url"].startswith("/catalogue/#not-counted-")
    electrician = next(d for d in not_counted if "电工证" in d["aka"])
    assert "不是职业技能等级证书" in electrician["text"]
    titles = [d for d in docs if d.get("kind") == "title"]
    assert [d["aka"] for d in titles] == [h["names"] for h in catalogues.title_hints()]


def test_catalogue_rows_carry_everyday_names(site_dir):
    for path, entries, prefix in (
        ("catalogue/skills", catalogues.skill_occupations(), "skill-"),
        ("catalogue/qualifications", catalogues.qualifications(), "qual-"),
    ):
        html = page(site_dir, path)
        for entry in entries:
            row = re.search(rf'<tr id="{prefix}{entry["no"]}" data-search="([^"]*)">(.*?)</tr>',
                            html, re.S)
            assert row, entry["name"]
            for name in entry["everyday_names"]:
                assert name in row.group(1) and name in row.group(2)
            if entry["everyday_names"]:
                assert 'class="everyday"' in row.group(2)


def test_catalogue_pages_list_what_is_not_in_them_and_why(site_dir):
    groups = catalogues.not_counted()
    for path, kinds in (
        ("catalogue", {"skill", "qualification", "other"}),
        ("catalogue/skills", {"skill", "other"}),
        ("catalogue/qualifications", {"qualification", "other"}),
    ):
        html = page(site_dir, path)
        assert "常见但不在目录中的证书" in html
        for number, group in enumerate(groups, start=1):
            shown = f'id="not-counted-{number}"' in html
            assert shown == (group["catalogue"] in kinds), (path, group["name"])
            if shown:
                assert group["reason"] in html
    index = page(site_dir, "catalogue")
    for hint in catalogues.title_hints():
        assert hint["reason"] in index and hint["names"][1] in index


def test_calculator_page_data_carries_everyday_names(site_dir):
    html = (site_dir / "calculator" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(
        r'<script type="application/json" id="catalogue-data">(.*?)</script>', html, re.S
    ).group(1))
    cpa = next(q for q in data["qualifications"] if q["name"] == "注册会计师")
    assert "CPA" in cpa["everyday_names"]
    electrician = next(s for s in data["skills"] if s["name"] == "电工")
    assert "维修电工" in electrician["everyday_names"]


def test_a_mistake_in_the_everyday_names_fails_the_build(project):
    """An everyday name already used by a catalogue entry stops the build, naming the line."""
    path = "calculator/data/everyday_names.toml"
    project.edit(path, '"电工" = ["维修电工"', '"电工" = ["焊工", "维修电工"')
    result = project.build("--no-compress")
    assert result.returncode != 0
    line = next(n for n, text in enumerate(
        project.path(path).read_text(encoding="utf-8").splitlines(), start=1)
        if text.startswith('"电工" = '))
    assert f"error: {path}:{line}: [skills] '电工': name '焊工' is already used" in result.stderr
