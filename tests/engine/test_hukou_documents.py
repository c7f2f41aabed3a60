"""What the employer files for 居转户, from documents.toml's [[hukou_document]] entries, for the
route of the earliest month."""

import calculator
from calculator import documents
from calculator.hukou_routes import BY_ID

TITLE = {"type": "title", "level": "intermediate", "job_match": True, "appointed": True}
READY = {
    "version": 3,
    "as_of": "2026-12-06",
    "birth_date": "1990-05-01",
    "credentials": [TITLE],
    "insurance": [{"from": "2019-06", "base_multiple": 1.5}],
    "permit": [{"from": "2019-06"}],
}


def _ids(found: list[dict]) -> list[str]:
    return [entry["id"] for entry in found]


def test_the_title_route_lists_the_title_and_appointment_but_no_area():
    result = calculator.hukou(READY)
    assert result["earliest"]["route"] == "title"
    ids = _ids(result["documents"])
    assert "hukou_title" in ids and "hukou_application" in ids and "hukou_area" not in ids
    title = next(e for e in result["documents"] if e["id"] == "hukou_title")
    assert any("聘任" in item for item in title["items"])


def test_the_2x_route_needs_no_title_documents_and_an_area_route_its_recommendation():
    assert "hukou_title" not in _ids(documents.hukou_checklist("base_2x"))
    assert "hukou_area" in _ids(documents.hukou_checklist("lingang_5"))
    assert "hukou_suburb" in _ids(documents.hukou_checklist("suburb_post_5"))


def test_no_route_no_documents():
    result = calculator.hukou({**READY, "permit": [{"from": "2026-01"}]})
    if result["earliest"] is None and result["earliest_if_confirmed"] is None:
        assert result["documents"] == []


def test_every_entry_names_known_routes_and_sources():
    from calculator import rules
    from calculator.resources import load_toml

    keys = {s["key"] for s in rules.sources()}
    for entry in documents.hukou_checklist(None):
        raw = next(e for e in load_toml("documents.toml")["hukou_document"]
                   if e["id"] == entry["id"])
        assert all(r == "all" or r in BY_ID for r in raw["routes"]), entry["id"]
        assert set(entry["refs"]) <= keys, entry["id"]


def test_the_keys_the_hukou_check_does_not_read_leave_its_result_as_it_was():
    from calculator import hukou_input
    from calculator.profile_format import HUKOU_KEYS, TOP_KEYS, format_facts

    every_key = TOP_KEYS | set(hukou_input.TOP_KEYS)
    assert format_facts()["hukou_keys"] == list(HUKOU_KEYS) and set(HUKOU_KEYS) <= every_key
    base = calculator.hukou(READY)
    others = {
        "education": {"level": "doctor"}, "spouse": {"married_on": "2015-01-01"},
        "fresh_graduate": True, "shortage_major": True, "entrepreneur": True,
        "intermediary": True, "investment": {"share": 0.5, "avg_annual_tax_cny": 1_000_000},
        "public_service_years": 5, "false_materials": ["2025-01-01"],
        "detentions": ["2025-02-01"], "crimes": ["2025-03-01"], "serious_crime": True,
        "family_planning_violation": True, "plan": {"target_date": "2029-03-01"},
    }
    assert set(others) == every_key - set(HUKOU_KEYS)
    for key, answer in others.items():
        assert calculator.hukou({**READY, key: answer}) == base, key
    # and a key it reads does change it
    assert calculator.hukou({**READY, "permit": [{"from": "2022-01"}]}) != base
