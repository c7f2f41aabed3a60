"""Suggestions for a typed certificate name, ranked across both catalogues, the title hints and
the certificates in neither (suggest(); the picker and the site search follow its order). The
catalogues are read and looked up in calculator.catalogue_names and the everyday names checked
in calculator.everyday_check; their names can all be imported from here."""

from __future__ import annotations

from datetime import date
from functools import cache

from .catalogue_names import (  # noqa: F401  (the catalogues' names, importable from here)
    EVERYDAY_FILE,
    QUALIFICATIONS_FILE,
    SKILLS_FILE,
    TITLE_LEVELS,
    TITLE_REASONS,
    entries,
    everyday_data,
    find_not_counted,
    find_qualification,
    find_skill,
    find_title_hint,
    level_words,
    normalise_name,
    not_counted,
    qualifications,
    search_key,
    skill_occupations,
    split_level,
    title_hints,
)
from .everyday_check import SECTIONS, check_everyday  # noqa: F401

KINDS = ("skill", "qualification", "title", "not_counted")
# How a suggestion matched, best first.
MATCHES = ("name", "everyday", "prefix", "substring")


@cache
def _word_starts() -> dict[str, frozenset[int]]:
    """For each name split into words ([words]), the positions in its search_key where a word
    starts: a text matches inside such a name only there (电工 is not in 水利 水电 工程)."""
    starts = {}
    for name, words in everyday_data().get("words", {}).items():
        positions, at = set(), 0
        for word in words.split():
            positions.add(at)
            at += len(search_key(word))
        starts[search_key(name)] = frozenset(positions)
    return starts


def _inside(query: str, key: str) -> bool:
    """Whether `query` is in `key` starting where a word starts (anywhere, for a name whose
    words are not given)."""
    starts = _word_starts().get(key)
    if starts is None:
        return query in key
    at = key.find(query)
    while at >= 0:
        if at in starts:
            return True
        at = key.find(query, at + 1)
    return False


def _targets(as_of: date | None) -> list[tuple[dict, list[str], list[str]]]:
    """Every suggestion target: (suggestion without match details, official names,
    everyday names), in KINDS order."""
    targets = []
    for entry in entries(SKILLS_FILE):
        targets.append(({"kind": "skill", "name": entry["name"], "no": entry["no"]},
                        [entry["name"], *entry["alt_names"]], entry["everyday_names"]))
    for entry in entries(QUALIFICATIONS_FILE):
        targets.append(({"kind": "qualification", "name": entry["name"], "no": entry["no"]},
                        [entry["name"], *entry["alt_names"]], entry["everyday_names"]))
    for hint in title_hints(as_of):
        targets.append(({"kind": "title", "name": hint["name"], "level": hint["level"],
                         "reason": hint["reason"]}, [], hint["names"]))
    for group in not_counted(as_of):
        targets.append(({"kind": "not_counted", "name": group["name"],
                         "catalogue": group["catalogue"], "reason": group["reason"]},
                        [], group["names"]))
    return targets


def _best_match(query: str, official: list[str], everyday: list[str]):
    """(rank, length, name) of the best way `query` matches these names, or None."""
    best = None
    for names, exact_rank in ((official, 0), (everyday, 1)):
        for name in names:
            key = search_key(name)
            if key == query:
                rank = exact_rank
            elif key.startswith(query):
                rank = 2
            elif _inside(query, key):
                rank = 3
            else:
                continue
            found = (rank, len(key), name)
            if best is None or found[:2] < best[:2]:
                best = found
    return best


def _names_a_skill(suggestion: dict) -> bool:
    """An occupation, or a certificate in neither catalogue that people take for a skill
    certificate: the targets a text with a level word is matched against."""
    return suggestion["kind"] == "skill" or suggestion.get("catalogue") == "skill"


def suggest(text: str, limit: int | None = 12, as_of: date | None = None) -> list[dict]:
    """Ranked suggestions for a typed text, across both catalogues, the title hints and the
    not-counted certificates. The ranking (the picker and the site search follow it):

    1. how the text matches a name: exact name > exact everyday name > a name starting with
       it > a name containing it (MATCHES). Case, width, spaces, brackets and separators do
       not matter (search_key). A name whose words are given (everyday_names.toml [words])
       contains the text only where a word starts: 电工 is not in 水利水电工程.
    2. A text with a level word before or after it (三级, 高级工, 技师, 高级 …: [level_words])
       is also matched without that word, against the occupations and the certificates in
       neither catalogue that people take for skill certificates (维修电工三级, 高级电工 → 电工).
       Such a match ranks as the rest of the text would, after the matches of the whole
       text of the same rank, and carries "skill_level" (5 lowest … 1 highest).
    3. Then shorter matched names first, then skill, qualification, title, not counted,
       then catalogue order.

    Each suggestion: {"kind", "name", "matched" (the name that matched), "match" (one of
    MATCHES)} and "no" (catalogue entries), "level" and "reason" (titles), "catalogue" and
    "reason" (not counted), "skill_level" (a match without the level word)."""
    if not isinstance(text, str):
        return []
    query = search_key(text)
    if not query:
        return []
    rest, level = split_level(text)
    found = []
    for position, (suggestion, official, everyday) in enumerate(_targets(as_of)):
        best = _best_match(query, official, everyday)
        stripped = 0
        if level is not None and _names_a_skill(suggestion):
            without = _best_match(rest, official, everyday)
            if without is not None and (best is None or without[0] < best[0]):
                best, stripped = without, 1
        if best is None:
            continue
        rank, length, name = best
        order = (rank, stripped, length, KINDS.index(suggestion["kind"]), position)
        extra = {"skill_level": level} if stripped else {}
        found.append((order, {**suggestion, "matched": name, "match": MATCHES[rank], **extra}))
    found.sort(key=lambda pair: pair[0])
    ranked = [suggestion for _, suggestion in found]
    return ranked if limit is None else ranked[:limit]
