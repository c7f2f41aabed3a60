"""The words and limits every part of the site shows (data/vocabulary.toml): the names of the
profile's choices, the result's groups, the catalogues, the confirmations, the units and the
limits of the fields. The engine's sentences and messages take their words from here, and the
build writes vocabulary() into the calculator page, so the page says the same."""

from __future__ import annotations

import copy
from functools import cache

from .resources import load_toml

FILE = "vocabulary.toml"
# Lists of choices, each entry {"id", "name", …}, in the order the form offers them.
CHOICES = (
    "education_levels",
    "title_levels",
    "skill_levels",
    "credential_types",
    "overseas_categories",
    "overseas_levels",
    "awards",
    "key_areas",
    "groups",
    "catalogues",
    "confirmations",
)


@cache
def _data() -> dict:
    return load_toml(FILE)


def entries(kind: str) -> list[dict]:
    """The entries of one list of choices (a key of CHOICES), in order."""
    return _data()[kind]


def ids(kind: str) -> tuple:
    return tuple(entry["id"] for entry in entries(kind))


def names(kind: str, word: str = "name") -> dict:
    """{id: word} for one list of choices: names("title_levels") → {"junior": "初级", …}."""
    return {entry["id"]: entry[word] for entry in entries(kind)}


def entry(kind: str, key) -> dict:
    return next(e for e in entries(kind) if e["id"] == key)


def term(key: str) -> str:
    return _data()["terms"][key]


def units() -> dict:
    """A parameter's unit (rules.toml `unit`) → the unit in words."""
    return _data()["units"]


def limit(key: str) -> int:
    return _data()["limits"][key]


def skill_option(level: int) -> str:
    """五级（初级工）: a skill level as the form and the engine's lines name it."""
    found = entry("skill_levels", level)
    return f"{found['name']}（{found['worker']}）"


def title_name(level: str) -> str:
    """中级职称: a title of one level."""
    return names("title_levels")[level] + "职称"


def confirmation(key: str) -> dict:
    """One confirmation's words: ask/yes ({name} the certificate), form/hint (filled)."""
    found = entry("confirmations", key)
    return {**found, "form": found["form"].format(three_places=term("three_places"))}


def vocabulary() -> dict:
    """Everything above as JSON-able data, for the page (the build writes it as #vocabulary):
    each list of choices as [{"id", "name", …}] in order, plus "terms", "units" and "limits"."""
    data = copy.deepcopy(_data())
    for level in data["skill_levels"]:
        level["option"] = skill_option(level["id"])
    for level in data["title_levels"]:
        level["title"] = title_name(level["id"])
    data["confirmations"] = [confirmation(c["id"]) for c in data["confirmations"]]
    return data
