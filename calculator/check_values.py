"""The points data's own checks: every parameter of rules.toml (and hukou.toml) is well
formed, dated and cited, with a value of its unit; the yardstick rows are in order and cited;
every title and skill level has its points. Each problem is a line "<where>: <what>";
calculator.check puts them under their file with the other data's checks."""

from __future__ import annotations

from datetime import date

from . import vocabulary
from .dates import month_label, parse_month
from .profile import TITLE_LEVELS
from .rule_text import AREA_NAMES

UNITS = vocabulary.units()
VALUE_FIELDS = {"since", "value", "brackets", "documents", "article", "refs", "confidence",
                "checked", "note"}
BRACKET_FIELDS = {"multiple", "window_months", "months_required", "points"}
YEAR_FIELDS = {"from", "to", "average_cny", "ceiling_cny", "floor_cny", "documents", "refs",
               "confidence", "checked", "published", "note"}
CONFIDENCE = ("H", "M", "L")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _value_problem(kind: str, found) -> str | None:
    """What is wrong with `found` as a value of unit `kind`, or None."""
    if kind == "points":
        return None if _is_int(found) else "points must be a whole number"
    if kind in ("age", "months", "years", "people", "working_days", "days", "cny"):
        return None if _is_int(found) and found > 0 else f"{kind} must be a whole number above 0"
    if kind == "multiple":
        return None if _is_number(found) and found > 0 else "a multiple must be a number above 0"
    if kind == "flag":
        return None if isinstance(found, bool) else "a flag must be true or false"
    if kind == "date":
        return None if isinstance(found, date) else "a date must be YYYY-MM-DD"
    if kind == "areas":
        ok = isinstance(found, list) and found and set(found) <= set(AREA_NAMES)
        return None if ok else f"areas must be a list of {', '.join(AREA_NAMES)}"
    if kind == "categories":
        ok = isinstance(found, list) and found and all(isinstance(c, str) for c in found)
        return None if ok else "categories must be a list of names"
    if kind == "skill_levels":
        ok = (isinstance(found, list) and found and all(_is_int(x) and 1 <= x <= 5 for x in found)
              and len(set(found)) == len(found))
        return None if ok else "skill levels must be a list of distinct levels 1-5"
    if kind == "title_levels":
        ok = (isinstance(found, list) and found and set(found) <= set(TITLE_LEVELS)
              and len(set(found)) == len(found))
        return None if ok else f"title levels must be a list of {', '.join(TITLE_LEVELS)}"
    return f"unknown unit {kind!r}"


def _bracket_problems(brackets) -> list[str]:
    if not isinstance(brackets, list) or not brackets:
        return ["a scale needs [[parameter.values.brackets]]"]
    problems = []
    for i, b in enumerate(brackets, start=1):
        where = f"bracket {i}"
        if set(b) != BRACKET_FIELDS:
            problems.append(f"{where}: needs exactly {', '.join(sorted(BRACKET_FIELDS))}")
            continue
        if not (_is_number(b["multiple"]) and b["multiple"] > 0):
            problems.append(f"{where}: multiple must be a number above 0")
        if not (_is_int(b["window_months"]) and _is_int(b["months_required"])
                and 0 < b["months_required"] <= b["window_months"]):
            problems.append(f"{where}: months_required must be 1..window_months")
        if not _is_int(b["points"]):
            problems.append(f"{where}: points must be a whole number")
    multiples = [b.get("multiple") for b in brackets]
    if len(set(multiples)) != len(multiples):
        problems.append("two brackets have the same multiple")
    return problems


def _cited_problems(entry: dict, documents: set, sources: set) -> list[str]:
    problems = []
    docs = entry.get("documents")
    if not isinstance(docs, list) or not docs:
        problems.append("documents: name at least one [[document]] key")
    else:
        problems += [f"unknown document {d!r}" for d in docs if d not in documents]
    refs = entry.get("refs")
    if not isinstance(refs, list):
        problems.append("refs must be a list of [[source]] keys")
    else:
        problems += [f"unknown reference {r!r}" for r in refs if r not in sources]
    if entry.get("confidence") not in CONFIDENCE:
        problems.append("confidence must be H, M or L")
    if not isinstance(entry.get("checked"), date):
        problems.append("checked must be a date (YYYY-MM-DD)")
    return problems


def parameter_problems(rules: dict, documents: set, sources: set) -> list[str]:
    problems = []
    first_day = rules.get("first_day")
    if not isinstance(first_day, date):
        problems.append("first_day must be a date")
    if not isinstance(rules.get("rules_version"), str):
        problems.append("rules_version must be text")
    seen = set()
    for param in rules.get("parameter", []):
        pid = param.get("id", "?")
        where = f"parameter {pid!r}"
        if pid in seen:
            problems.append(f"{where}: appears twice")
        seen.add(pid)
        if not str(param.get("label", "")).strip():
            problems.append(f"{where}: label is missing")
        kind = param.get("unit")
        if kind not in UNITS:
            problems.append(f"{where}: unit must be one of {', '.join(UNITS)}")
            continue
        values = param.get("values", [])
        if not values:
            problems.append(f"{where}: has no [[parameter.values]]")
            continue
        sinces = [v.get("since") for v in values]
        if not all(isinstance(s, date) for s in sinces):
            problems.append(f"{where}: every value needs since = YYYY-MM-DD")
            continue
        if sinces != sorted(set(sinces)):
            problems.append(f"{where}: the since dates must be in order and distinct")
        if sinces[0] != first_day:
            problems.append(f"{where}: the first value must start on first_day ({first_day})")
        for entry in values:
            at = f"{where} since {entry['since']}"
            unknown = set(entry) - VALUE_FIELDS
            if unknown:
                problems.append(f"{at}: unknown field(s) {', '.join(sorted(unknown))}")
            problems += [f"{at}: {p}" for p in _cited_problems(entry, documents, sources)]
            if not str(entry.get("article", "")).strip():
                problems.append(f"{at}: article is missing (use \"—\" when there is none)")
            if kind == "scale":
                if "brackets" in entry:
                    problems += [f"{at}: {p}" for p in _bracket_problems(entry["brackets"])]
                elif not entry.get("note"):
                    problems.append(f"{at}: a scale needs brackets, or a note saying why not")
            elif "value" in entry:
                problem = _value_problem(kind, entry["value"])
                if problem:
                    problems.append(f"{at}: {problem}")
            elif not entry.get("note"):
                problems.append(f"{at}: no value means 'not in force'; add a note saying why")
    return problems


def top_multiple(rules: dict):
    """The highest multiple of the base scale's newest value: the contribution ceiling."""
    scale = next((p for p in rules.get("parameter", []) if p.get("id") == "insurance_base.scale"),
                 {})
    newest = max(scale.get("values", []), key=lambda v: str(v.get("since")), default={})
    multiples = [b.get("multiple") for b in newest.get("brackets", []) if isinstance(b, dict)]
    return max((m for m in multiples if _is_number(m)), default=None)


def yardstick_problems(years: list, documents: set, sources: set, ceiling) -> list[str]:
    """`ceiling`: the multiple of the average every row's ceiling must be (the base scale's
    highest multiple)."""
    problems = []
    previous_end = None
    for row in years:
        where = f"year {row.get('from', '?')}"
        unknown = set(row) - YEAR_FIELDS
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        try:
            start, end = parse_month(row["from"]), parse_month(row["to"])
        except (KeyError, ValueError, TypeError):
            problems.append(f"{where}: from and to must be months YYYY-MM")
            continue
        if end < start:
            problems.append(f"{where}: ends before it starts")
        if previous_end is not None and start != previous_end + 1:
            problems.append(f"{where}: must start the month after {month_label(previous_end)}")
        previous_end = end
        amounts = [row.get(k) for k in ("floor_cny", "average_cny", "ceiling_cny")]
        if not all(_is_int(a) and a > 0 for a in amounts):
            problems.append(f"{where}: floor_cny, average_cny, ceiling_cny must be whole yuan")
        elif not amounts[0] < amounts[1] < amounts[2]:
            problems.append(f"{where}: needs floor < average < ceiling")
        elif ceiling is not None and amounts[2] != ceiling * amounts[1]:
            problems.append(
                f"{where}: the ceiling is {ceiling:g} × the average in every year (the base "
                "scale's highest multiple)"
            )
        if "published" in row and not isinstance(row["published"], date):
            problems.append(f"{where}: published must be a date")
        problems += [f"{where}: {p}" for p in _cited_problems(row, documents, sources)]
    if not years:
        problems.append("no [[year]] rows")
    return problems

def level_points_problems(rules: dict) -> list[str]:
    """Every title level and skill level has its points (credential.<kind>_<level>)."""
    ids = {p.get("id") for p in rules.get("parameter", [])}
    wanted = [f"credential.title_{level}" for level in TITLE_LEVELS]
    wanted += [f"credential.skill_{level}" for level in range(1, 6)]
    return [f"parameter {pid!r}: missing (every title and skill level needs its points)"
            for pid in wanted if pid not in ids]
