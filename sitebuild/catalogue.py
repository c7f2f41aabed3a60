"""Catalogue entries as the catalogue pages and the search index show them."""

from __future__ import annotations

from .links import calc_link

SKILLS_URL = "/catalogue/skills/"
QUALIFICATIONS_URL = "/catalogue/qualifications/"
# The catalogue decides only for skill levels 3 to 1; level 3 is the lowest that needs it.
LINK_SKILL_LEVEL = 3


def _search_text(*parts) -> str:
    return " ".join(p for p in parts if p)


def skill_rows(entries: list[dict]) -> list[dict]:
    rows = []
    for entry in entries:
        anchor = f"skill-{entry['no']}"
        profile = {"credentials": [{"type": "skill", "level": LINK_SKILL_LEVEL,
                                    "occupation": entry["name"]}]}
        rows.append({
            **entry,
            "anchor": anchor,
            "url": f"{SKILLS_URL}#{anchor}",
            "calc_url": calc_link(profile),
            "search": _search_text(entry["name"], *entry["alt_names"]),
        })
    return rows


def qualification_rows(entries: list[dict]) -> list[dict]:
    rows = []
    for entry in entries:
        anchor = f"qual-{entry['no']}"
        profile = {"credentials": [{"type": "qualification", "name": entry["name"]}]}
        rows.append({
            **entry,
            "anchor": anchor,
            "url": f"{QUALIFICATIONS_URL}#{anchor}",
            "calc_url": calc_link(profile),
            "search": _search_text(entry["name"], *entry["alt_names"], entry["equivalent_title"]),
        })
    return rows
