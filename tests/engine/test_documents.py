"""The documents to prepare follow the lines that score; the next steps come once 120 is
reached; the data is checked like the rest of the rules."""

from __future__ import annotations

import calculator
from calculator import documents
from calculator.profile import CREDENTIAL_TYPES

PERSON = {
    "as_of": "2026-11-28",
    "birth_date": "1995-01-01",
    "education": {"level": "junior_college"},
    "insurance": [{"from": "2020-01", "base_multiple": 0.6}],
}


def _ids(result) -> list[str]:
    return [d["id"] for d in result["documents"]]


def test_the_checklist_follows_the_lines_that_score():
    plain = calculator.score(PERSON)
    assert _ids(plain) == ["identity", "application", "employment", "insurance", "education"]
    married = calculator.score({**PERSON, "spouse": {"married_on": "2020-01-01"},
                                "award": "national"})
    assert _ids(married)[-2:] == ["award", "spouse"]
    assert "结婚证" in married["documents"][-1]["items"]


def test_a_credential_left_out_by_the_higher_education_still_lists_its_proof():
    with_title = {**PERSON, "education": {"level": "doctor"},
                  "credentials": [{"type": "title", "level": "intermediate"}],
                  "insurance": [{"from": "2020-01", "base_multiple": 1.2}]}
    result = calculator.score(with_title)
    assert result["lines"][2]["points"] == 0 and result["lines"][2]["raw_points"] == 100
    assert "credential" in _ids(result)


def test_the_credential_entry_lists_the_items_for_the_types_given():
    both = {**PERSON, "credentials": [{"type": "title", "level": "intermediate"},
                                      {"type": "skill", "level": 4}],
            "insurance": [{"from": "2020-01", "base_multiple": 1.2}]}
    entry = next(d for d in calculator.score(both)["documents"] if d["id"] == "credential")
    wanted = ("职称", "技能")
    assert entry["items"] == [item for item in _credential_items() if item.startswith(wanted)]


def _credential_items() -> list[str]:
    return next(e for e in documents.all_documents() if e["id"] == "credential")["items"]


def test_no_insurance_record_no_insurance_entry():
    assert "insurance" not in _ids(calculator.score({**PERSON, "insurance": []}))


def test_next_steps_only_once_the_standard_is_reached():
    below = calculator.score(PERSON)
    above = calculator.score({**PERSON, "education": {"level": "bachelor_with_degree"}})
    assert not below["passes"] and below["next_steps"] == []
    assert above["passes"] and any("约20个工作日" in step for step in above["next_steps"])


def test_every_entry_is_for_someone():
    whens = {entry["when"] for entry in documents.all_documents()}
    assert {"always", "eligibility", "education", "credential", "spouse"} <= whens


def test_items_by_credential_type_name_one_known_type_each():
    for entry in documents.all_documents():
        types = entry.get("item_types")
        if types is None:
            continue
        assert len(types) == len(entry["items"]), entry["id"]
        assert set(types) <= set(CREDENTIAL_TYPES), entry["id"]
    credential = next(e for e in documents.all_documents() if e["id"] == "credential")
    assert sorted(credential["item_types"]) == sorted(CREDENTIAL_TYPES)


def test_a_route_to_one_credential_type_adds_only_its_items():
    before = calculator.score(PERSON)
    after = calculator.score({**PERSON, "credentials": [
        {"type": "skill", "level": 4, "job_match": True}]})
    assert [d["id"] for d in documents.added(after, before)] == ["credential"]
    everything = documents.added(after, before)[0]["items"]
    skill = documents.added(after, before, "skill")[0]["items"]
    assert len(everything) == 4 and len(skill) == 1 and skill[0] in everything
    assert "本市的核验结果" in skill[0]
