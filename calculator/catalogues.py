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

    return [
        {**row, "everyday_names": names(row)}
        if isinstance(row, dict) and isinstance(row.get("name"), str) else row
        for row in rows
    ]


def skill_occupations() -> list[dict]:
    """[{"no", "name", "alt_names", "everyday_names"}, …]"""
    return copy.deepcopy(_entries(SKILLS_FILE))


def qualifications() -> list[dict]:
    """[{"no", "name", "alt_names", "everyday_names", "equivalent_title",
    "registration_required", …}, …]"""
    return copy.deepcopy(_entries(QUALIFICATIONS_FILE))


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
        if section not in ("qualifications", "skills", "titles", "not_counted"):
            problem(f"[{section}]", "unknown section")
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
    """The occupation named by its name, an alternative name or an everyday name."""
    return _find(SKILLS_FILE, name)


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
            elif query in key:
                rank = 3
            else:
                continue
            found = (rank, len(key), name)
            if best is None or found[:2] < best[:2]:
                best = found
    return best


def suggest(text: str, limit: int | None = 12, as_of: date | None = None) -> list[dict]:
    """Ranked suggestions for a typed text, across both catalogues, the title hints and the
    not-counted certificates. Exact name > exact everyday name > prefix > substring of any
    name; within a rank shorter names first, then skill, qualification, title, not counted,
    then catalogue order. Case, width, spaces and brackets do not matter. Each suggestion:
    {"kind", "name", "matched" (the name that matched), "match" (one of MATCHES)} and
    "no" (catalogue entries), "level" and "reason" (titles), "catalogue" and "reason"
    (not counted)."""
    if not isinstance(text, str):
        return []
    query = search_key(text)
    if not query:
        return []
    found = []
    for position, (suggestion, official, everyday) in enumerate(_targets(as_of)):
        best = _best_match(query, official, everyday)
        if best is None:
            continue
        rank, length, name = best
        order = (rank, length, KINDS.index(suggestion["kind"]), position)
        found.append((order, {**suggestion, "matched": name, "match": MATCHES[rank]}))
    found.sort(key=lambda pair: pair[0])
    ranked = [suggestion for _, suggestion in found]
    return ranked if limit is None else ranked[:limit]
