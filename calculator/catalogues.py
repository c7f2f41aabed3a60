"""The two catalogues a credential must appear in: high-skill occupations and
professional qualifications equivalent to a 中级 title (cleaned from the seed page)."""

from __future__ import annotations

import copy
import unicodedata
from functools import cache

from .resources import load_json


def normalise_name(name: str) -> str:
    """Compare names the way a person would: full-width brackets and commas, spaces
    and letter case do not matter."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(folded.split()).casefold()


def skill_occupations() -> list[dict]:
    return copy.deepcopy(load_json("skill_occupations.json"))


def qualifications() -> list[dict]:
    return copy.deepcopy(load_json("qualifications.json"))


@cache
def _index(file_name: str) -> dict[str, dict]:
    index: dict[str, dict] = {}
    for entry in load_json(file_name):
        for name in [entry["name"], *entry["alt_names"]]:
            index[normalise_name(name)] = entry
    return index


def _find(file_name: str, name: object) -> dict | None:
    if not isinstance(name, str) or not name.strip():
        return None
    entry = _index(file_name).get(normalise_name(name))
    return copy.deepcopy(entry) if entry else None


def find_skill(name: str) -> dict | None:
    return _find("skill_occupations.json", name)


def find_qualification(name: str) -> dict | None:
    return _find("qualifications.json", name)
