"""The everyday certificate names (data/everyday_names.toml) checked against the catalogues:
check_everyday() names every problem, as calculator.check does for the rules data."""

from __future__ import annotations

from .catalogue_names import (
    EVERYDAY_FILE,
    QUALIFICATIONS_FILE,
    SKILLS_FILE,
    TITLE_LEVELS,
    everyday_data,
    search_key,
)
from .decisions import placeholders
from .resources import load_json
from .rules import value

SECTIONS = ("qualifications", "skills", "titles", "not_counted", "level_words", "words")


def _names(value) -> bool:
    return isinstance(value, list) and all(isinstance(n, str) and n.strip() for n in value)


def _table(data: dict, section: str, problem) -> dict:
    """The section's table; {} (and the problem named) when it is not one."""
    table = data.get(section, {})
    if isinstance(table, dict):
        return table
    problem(f"[{section}]", "must be a table")
    return {}


def check_everyday(data: dict | None = None) -> list[str]:
    """Every problem in everyday_names.toml (or in `data`, read the same way) as
    "everyday_names.toml: <where>: <what>"; [] when sound. Catalogue sections must name
    existing entries, titles a known level, not-counted rows a reason whose {parameters}
    exist and a known catalogue; no name may be used twice anywhere, the catalogues'
    own names included, however it is written."""
    data = everyday_data() if data is None else data
    problems: list[str] = []

    def problem(where: str, what: str) -> None:
        problems.append(f"{EVERYDAY_FILE}: {where}: {what}")

    for section in data:
        if section not in SECTIONS:
            problem(f"[{section}]", "unknown section")
    _check_level_words(_table(data, "level_words", problem), problem)
    _check_words(_table(data, "words", problem), problem)
    used: dict[str, str] = {}

    def claim(owner: str, name) -> None:
        key = search_key(name) if isinstance(name, str) else ""
        if not key:
            problem(owner, f"name {name!r} is empty")
        elif key in used:
            problem(owner, f"name {name!r} is already used by {used[key]}")
        else:
            used[key] = owner

    for section, file_name in (("skills", SKILLS_FILE), ("qualifications", QUALIFICATIONS_FILE)):
        rows = [r for r in load_json(file_name) if isinstance(r, dict) and "name" in r]
        for row in rows:
            for name in [row["name"], *row.get("alt_names", [])]:
                claim(f"{file_name} {row['name']!r}", name)
        official = {row["name"] for row in rows}
        for name, names in _table(data, section, problem).items():
            where = f"[{section}] {name!r}"
            if name not in official:
                problem(where, f"not the name of an entry in {file_name}")
            elif not _names(names):
                problem(where, "must be a list of names")
            else:
                for everyday in names:
                    claim(where, everyday)
    for section in ("titles", "not_counted"):
        for name, row in _table(data, section, problem).items():
            where = f"[{section}] {name!r}"
            if not isinstance(row, dict) or not _names(row.get("also", [])):
                problem(where, "must be {also = [names…], …}")
                continue
            if section == "titles" and row.get("level") not in TITLE_LEVELS:
                problem(where, f"level must be one of {', '.join(TITLE_LEVELS)}")
            if section == "not_counted":
                reason = row.get("reason")
                if not isinstance(reason, str) or not reason.strip():
                    problem(where, "needs a reason")
                else:
                    for param in placeholders(reason):
                        try:
                            value(param)
                        except KeyError:
                            problem(where, f"reason names unknown parameter {{{param}}}")
                if row.get("catalogue", "other") not in ("skill", "qualification", "other"):
                    problem(where, "catalogue must be skill, qualification or other")
            for other in [name, *row.get("also", [])]:
                claim(where, other)
    return problems


def _check_level_words(table: dict, problem) -> None:
    seen: dict[str, str] = {}
    for level, words in table.items():
        where = f"[level_words] {level!r}"
        if level not in ("1", "2", "3", "4", "5"):
            problem(where, "the level must be 1 to 5")
        if not _names(words):
            problem(where, "must be a list of words")
            continue
        for word in words:
            key = search_key(word)
            if key in seen:
                problem(where, f"word {word!r} is already level {seen[key]}")
            seen[key] = level


def _check_words(table: dict, problem) -> None:
    official = {search_key(row["name"]) for file_name in (SKILLS_FILE, QUALIFICATIONS_FILE)
                for row in load_json(file_name) if isinstance(row, dict) and "name" in row}
    for name, words in table.items():
        where = f"[words] {name!r}"
        if search_key(name) not in official:
            problem(where, "not the name of a catalogue entry")
        elif not isinstance(words, str) or search_key(words) != search_key(name):
            problem(where, "must be the name itself with spaces between its words")
