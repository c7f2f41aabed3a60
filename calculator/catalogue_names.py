"""The two catalogues a credential must appear in, read and looked up: high-skill
occupations and professional qualifications equivalent to a 中级 title (cleaned from the seed
page), with the names people type for them (data/everyday_names.toml): everyday names and
abbreviations of catalogue entries, names that are really titles, and common certificates that
are in neither catalogue, each with the reason in plain Chinese. calculator.catalogues ranks
suggestions from them; calculator.everyday_check checks the everyday names."""

from __future__ import annotations

import copy
import re
import unicodedata
from datetime import date
from functools import cache

from . import vocabulary
from .dates import today_in_shanghai
from .decisions import fill
from .resources import load_json, load_toml
from .rules import epoch

SKILLS_FILE = "skill_occupations.json"
QUALIFICATIONS_FILE = "qualifications.json"
EVERYDAY_FILE = "everyday_names.toml"
# Suggestion kinds, in the order they are listed when everything else is equal.
# The levels a title hint may name (初级 scores nothing, so no name leads to it).
TITLE_LEVELS = {k: v for k, v in vocabulary.names("title_levels").items() if k != "junior"}
TITLE_REASONS = {
    level: f"这是{vocabulary.title_name(level)}，按职称计分，不用查目录："
    f"在计算器里选「职称·{name}」，"
    f"计{{credential.title_{level}}}分（须与所聘岗位相符，并满足社保缴费基数的要求）。"
    for level, name in TITLE_LEVELS.items()
}
# Ignored when suggesting, besides case, width and spaces: brackets and separators.
_LOOSE = re.compile(r"[()\[\]【】〔〕<>《》“”\"'·・、,，.。:：;；/\\_\-—–]")



def normalise_name(name: str) -> str:
    """Compare names the way a person would: full-width brackets and commas, spaces
    and letter case do not matter."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(folded.split()).casefold()


def search_key(name: str) -> str:
    """normalise_name without brackets and separators, for matching what a person types."""
    return _LOOSE.sub("", normalise_name(name))


@cache
def everyday_data() -> dict:
    return load_toml(EVERYDAY_FILE)


@cache
def entries(file_name: str) -> list:
    """The catalogue's rows, each with its everyday names. Rows are passed on as they are
    when malformed: the build checks them and names the problem (sitebuild/engine.py)."""
    rows = load_json(file_name)
    if not isinstance(rows, list):
        return rows
    section = everyday_data().get("skills" if file_name == SKILLS_FILE else "qualifications", {})
    everyday = section if isinstance(section, dict) else {}  # everyday_check names it

    def names(row) -> list[str]:
        found = everyday.get(row["name"], [])
        return list(found) if isinstance(found, list) else []

    words = everyday_data().get("words", {})
    words = words if isinstance(words, dict) else {}

    def extra(row) -> dict:
        split = words.get(row["name"])
        return {"words": split} if isinstance(split, str) else {}

    return [
        {**row, "everyday_names": names(row), **extra(row)}
        if isinstance(row, dict) and isinstance(row.get("name"), str) else row
        for row in rows
    ]


def skill_occupations() -> list[dict]:
    """[{"no", "name", "alt_names", "everyday_names", "words"?}, …] (`words`: the name with
    spaces between its words, where another name would match across one; see suggest())"""
    return copy.deepcopy(entries(SKILLS_FILE))


def qualifications() -> list[dict]:
    """[{"no", "name", "alt_names", "everyday_names", "equivalent_title",
    "registration_required", "words"?, …}, …]"""
    return copy.deepcopy(entries(QUALIFICATIONS_FILE))


def level_words() -> dict[int, list[str]]:
    """The words people write before or after an occupation to name a skill level, by level
    (5 lowest … 1 highest): what suggest() and find_skill() strip (split_level)."""
    table = everyday_data().get("level_words", {})
    return {int(level): list(words) for level, words in table.items()}


def title_hints(as_of: date | None = None) -> list[dict]:
    """Names that are titles, not catalogue entries: [{"name", "names", "level", "reason"}]
    (`names` starts with `name`; `reason` with the points in force on `as_of`)."""
    return [
        {
            "name": name,
            "names": [name, *row.get("also", [])],
            "level": row["level"],
            "reason": fill(TITLE_REASONS[row["level"]], as_of or today_in_shanghai()),
        }
        for name, row in everyday_data().get("titles", {}).items()
    ]


def not_counted(as_of: date | None = None) -> list[dict]:
    """Common certificates in neither catalogue: [{"name", "names", "catalogue", "reason"}]
    (`catalogue`: "skill", "qualification" or "other", where a person would look for it)."""
    return [
        {
            "name": name,
            "names": [name, *row.get("also", [])],
            "catalogue": row.get("catalogue", "other"),
            "reason": fill(row["reason"], as_of or today_in_shanghai()),
        }
        for name, row in everyday_data().get("not_counted", {}).items()
    ]


@cache
def _level_words() -> tuple[tuple[str, int], ...]:
    """(word, level) for every level word, longest first (高级技师 before 技师 and 高级)."""
    table = everyday_data().get("level_words", {})
    found = [(search_key(w), int(level)) for level, words in table.items() for w in words]
    return tuple(sorted(found, key=lambda pair: -len(pair[0])))


def split_level(text: str) -> tuple[str, int | None]:
    """A typed occupation without the level word before or after it, and that level
    (维修电工三级 → 维修电工, 3; 高级电工 → 电工, 3; 电工技师证书 → 电工, 2), as search_key
    text; (search_key(text), None) when it names no level."""
    key = search_key(text) if isinstance(text, str) else ""
    if any(key == word for word, _ in _level_words()):
        return key, None
    for word, level in _level_words():
        rest = None
        if key.startswith(word):
            rest = key[len(word):]
        else:
            bare = key.removesuffix("证书") if key.endswith("证书") else key.removesuffix("证")
            if bare.endswith(word):
                rest = bare[: -len(word)]
        if rest is not None:
            rest = rest.removesuffix("证书") if rest.endswith("证书") else rest.removesuffix("证")
            if rest:
                return rest, level
    return key, None


@cache
def _index(file_name: str) -> dict[str, dict]:
    index: dict[str, dict] = {}
    for entry in entries(file_name):
        for name in [entry["name"], *entry["alt_names"], *entry["everyday_names"]]:
            index[search_key(name)] = entry
    return index


def _find(file_name: str, name: object) -> dict | None:
    if not isinstance(name, str) or not name.strip():
        return None
    entry = _index(file_name).get(search_key(name))
    return copy.deepcopy(entry) if entry else None


def find_skill(name: str) -> dict | None:
    """The occupation named by its name, an alternative name or an everyday name; a name
    with a level word before or after it (维修电工三级, 高级电工) finds the occupation, with
    "skill_level" (5 lowest … 1 highest) the level the word names."""
    found = _find(SKILLS_FILE, name)
    if found is not None or not isinstance(name, str):
        return found
    rest, level = split_level(name)
    found = _find(SKILLS_FILE, rest) if level is not None else None
    return {**found, "skill_level": level} if found else None


def find_qualification(name: str) -> dict | None:
    """The qualification named by its name, an alternative name or an everyday name
    (find_qualification("CPA") is 注册会计师)."""
    return _find(QUALIFICATIONS_FILE, name)


def _find_group(groups_of, name: object, as_of: date | None) -> dict | None:
    """The first of the groups `groups_of(as_of)` gives with a name that is `name`."""
    if not isinstance(name, str) or not search_key(name):
        return None
    found = _group_index(groups_of, epoch(as_of or today_in_shanghai())).get(search_key(name))
    return copy.deepcopy(found) if found else None


@cache
def _group_index(groups_of, day: date) -> dict[str, dict]:
    # the groups' reasons are the same on every day of one epoch (rules.epoch); a plan scores
    # a certificate that is not listed on hundreds of days
    index: dict[str, dict] = {}
    for group in groups_of(day):
        for name in group["names"]:
            index.setdefault(search_key(name), group)
    return index


def find_title_hint(name: str, as_of: date | None = None) -> dict | None:
    """The title hint a name belongs to ("工程师" → 中级职称), or None."""
    return _find_group(title_hints, name, as_of)


def find_not_counted(name: str, as_of: date | None = None) -> dict | None:
    """The not-counted certificate a name belongs to ("电工证" → 特种作业操作证), or None."""
    return _find_group(not_counted, name, as_of)
