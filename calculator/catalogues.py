"""The two catalogues a credential must appear in: high-skill occupations and
professional qualifications equivalent to a 中级 title (cleaned from the seed page), and the
names people type for them (data/everyday_names.toml): everyday names and abbreviations of
catalogue entries, names that are really titles, and common certificates that are in neither
catalogue, each with the reason in plain Chinese."""

from __future__ import annotations

import copy
import re
import unicodedata
from datetime import date
from functools import cache

from . import vocabulary
from .dates import today_in_shanghai
from .decisions import fill, placeholders
from .resources import load_json, load_toml
from .rules import value

SKILLS_FILE = "skill_occupations.json"
QUALIFICATIONS_FILE = "qualifications.json"
EVERYDAY_FILE = "everyday_names.toml"
# Suggestion kinds, in the order they are listed when everything else is equal.
KINDS = ("skill", "qualification", "title", "not_counted")
# How a suggestion matched, best first.
MATCHES = ("name", "everyday", "prefix", "substring")
# The levels a title hint may name (初级 scores nothing, so no name leads to it).
TITLE_LEVELS = {k: v for k, v in vocabulary.names("title_levels").items() if k != "junior"}
TITLE_REASONS = {
    "intermediate": "这是中级职称，按职称计分，不用查目录：在计算器里选「职称·中级」，"
    "计{credential.title_intermediate}分（须与所聘岗位相符，并满足社保缴费基数的要求）。",
    "senior": "这是高级职称，按职称计分，不用查目录：在计算器里选「职称·高级」，"
    "计{credential.title_senior}分（须与所聘岗位相符，并满足社保缴费基数的要求）。",
}
SECTIONS = ("qualifications", "skills", "titles", "not_counted", "level_words", "words")
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
def _everyday() -> dict:
    return load_toml(EVERYDAY_FILE)


@cache
def _entries(file_name: str) -> list:
    """The catalogue's rows, each with its everyday names. Rows are passed on as they are
    when malformed: the build checks them and names the problem (sitebuild/engine.py)."""
    rows = load_json(file_name)
    if not isinstance(rows, list):
        return rows
    section = _everyday().get("skills" if file_name == SKILLS_FILE else "qualifications", {})
    everyday = section if isinstance(section, dict) else {}  # check_everyday() names it

    def names(row) -> list[str]:
        found = everyday.get(row["name"], [])
        return list(found) if isinstance(found, list) else []

    words = _everyday().get("words", {})
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
    return copy.deepcopy(_entries(SKILLS_FILE))


def qualifications() -> list[dict]:
    """[{"no", "name", "alt_names", "everyday_names", "equivalent_title",
    "registration_required", "words"?, …}, …]"""
    return copy.deepcopy(_entries(QUALIFICATIONS_FILE))


def level_words() -> dict[int, list[str]]:
    """The words people write before or after an occupation to name a skill level, by level
    (5 lowest … 1 highest): what suggest() and find_skill() strip (split_level)."""
    table = _everyday().get("level_words", {})
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
        for name, row in _everyday().get("titles", {}).items()
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
        for name, row in _everyday().get("not_counted", {}).items()
    ]


def _names(value) -> bool:
    return isinstance(value, list) and all(isinstance(n, str) and n.strip() for n in value)


def check_everyday(data: dict | None = None) -> list[str]:
    """Every problem in everyday_names.toml (or in `data`, read the same way) as
    "everyday_names.toml: <where>: <what>"; [] when sound. Catalogue sections must name
    existing entries, titles a known level, not-counted rows a reason whose {parameters}
    exist and a known catalogue; no name may be used twice anywhere, the catalogues'
    own names included, however it is written."""
    data = _everyday() if data is None else data
    problems: list[str] = []

    def problem(where: str, what: str) -> None:
        problems.append(f"{EVERYDAY_FILE}: {where}: {what}")

    for section in data:
        if section not in SECTIONS:
            problem(f"[{section}]", "unknown section")
    _check_level_words(data.get("level_words", {}), problem)
    _check_words(data.get("words", {}), problem)
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
        table = data.get(section, {})
        if not isinstance(table, dict):
            problem(f"[{section}]", "must be a table")
            continue
        for name, names in table.items():
            where = f"[{section}] {name!r}"
            if name not in official:
                problem(where, f"not the name of an entry in {file_name}")
            elif not _names(names):
                problem(where, "must be a list of names")
            else:
                for everyday in names:
                    claim(where, everyday)
    for section in ("titles", "not_counted"):
        table = data.get(section, {})
        if not isinstance(table, dict):
            problem(f"[{section}]", "must be a table")
            continue
        for name, row in table.items():
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


def _check_level_words(table, problem) -> None:
    if not isinstance(table, dict):
        problem("[level_words]", "must be a table")
        return
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


def _check_words(table, problem) -> None:
    if not isinstance(table, dict):
        problem("[words]", "must be a table")
        return
    official = {search_key(row["name"]) for file_name in (SKILLS_FILE, QUALIFICATIONS_FILE)
                for row in load_json(file_name) if isinstance(row, dict) and "name" in row}
    for name, words in table.items():
        where = f"[words] {name!r}"
        if search_key(name) not in official:
            problem(where, "not the name of a catalogue entry")
        elif not isinstance(words, str) or search_key(words) != search_key(name):
            problem(where, "must be the name itself with spaces between its words")


@cache
def _level_words() -> tuple[tuple[str, int], ...]:
    """(word, level) for every level word, longest first (高级技师 before 技师 and 高级)."""
    table = _everyday().get("level_words", {})
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
def _word_starts() -> dict[str, frozenset[int]]:
    """For each name split into words ([words]), the positions in its search_key where a word
    starts: a text matches inside such a name only there (电工 is not in 水利 水电 工程)."""
    starts = {}
    for name, words in _everyday().get("words", {}).items():
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


@cache
def _index(file_name: str) -> dict[str, dict]:
    index: dict[str, dict] = {}
    for entry in _entries(file_name):
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


def _find_group(groups: list[dict], name: object) -> dict | None:
    if not isinstance(name, str) or not search_key(name):
        return None
    key = search_key(name)
    return next((g for g in groups if any(search_key(n) == key for n in g["names"])), None)


def find_title_hint(name: str, as_of: date | None = None) -> dict | None:
    """The title hint a name belongs to ("工程师" → 中级职称), or None."""
    return _find_group(title_hints(as_of), name)


def find_not_counted(name: str, as_of: date | None = None) -> dict | None:
    """The not-counted certificate a name belongs to ("电工证" → 特种作业操作证), or None."""
    return _find_group(not_counted(as_of), name)


def _targets(as_of: date | None) -> list[tuple[dict, list[str], list[str]]]:
    """Every suggestion target: (suggestion without match details, official names,
    everyday names), in KINDS order."""
    targets = []
    for entry in _entries(SKILLS_FILE):
        targets.append(({"kind": "skill", "name": entry["name"], "no": entry["no"]},
                        [entry["name"], *entry["alt_names"]], entry["everyday_names"]))
    for entry in _entries(QUALIFICATIONS_FILE):
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
