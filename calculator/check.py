"""check(): every rule in calculator/data/ is well formed, dated, cited and consistent.

The build runs it before rendering anything and the tests run it on the shipped data, so a
maintainer's mistake in a data file is reported with the file and the entry, never as a wrong
number on a page. Each problem is a Problem: the file, where in it (the entry) and what is
wrong; its str() is the one line "<file>: <where>: <what is wrong>" the build prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import catalogues, hukou_routes, overseas_list, schooling, verification, vocabulary
from .dates import month_label, parse_month
from .decisions import unknown_placeholders
from .indicators import REGISTRY
from .profile import CREDENTIAL_TYPES, OVERSEAS_CATEGORIES, TITLE_LEVELS
from .resources import load_toml
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


def _parameter_problems(rules: dict, documents: set, sources: set) -> list[str]:
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


def _top_multiple(rules: dict):
    """The highest multiple of the base scale's newest value: the contribution ceiling."""
    scale = next((p for p in rules.get("parameter", []) if p.get("id") == "insurance_base.scale"),
                 {})
    newest = max(scale.get("values", []), key=lambda v: str(v.get("since")), default={})
    multiples = [b.get("multiple") for b in newest.get("brackets", []) if isinstance(b, dict)]
    return max((m for m in multiples if _is_number(m)), default=None)


def _yardstick_problems(years: list, documents: set, sources: set, ceiling) -> list[str]:
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


def _decision_problems(decisions: list, parameter_ids: set, registry=REGISTRY) -> list[str]:
    problems = []
    seen = set()
    for d in decisions:
        did = d.get("id", "?")
        if did in seen:
            problems.append(f"decision {did}: appears twice")
        seen.add(did)
        if not str(d.get("topic", "")).strip() or not str(d.get("text", "")).strip():
            problems.append(f"decision {did}: needs a topic and a text")
            continue
        for name in unknown_placeholders(d["text"], parameter_ids):
            problems.append(f"decision {did}: {{{name}}} is neither a parameter nor a term")
    for indicator in registry:
        for did in indicator.decisions:
            if did not in seen:
                problems.append(f"indicator {indicator.id}: cites unknown decision {did}")
    return problems


def _source_problems(data: dict) -> list[str]:
    problems = []
    for table in ("document", "source"):
        seen = set()
        for entry in data.get(table, []):
            key = entry.get("key", "?")
            if key in seen:
                problems.append(f"{table} {key!r}: appears twice")
            seen.add(key)
            if not str(entry.get("title", "")).strip():
                problems.append(f"{table} {key!r}: title is missing")
            if table == "source" and not isinstance(entry.get("checked"), date):
                problems.append(f"source {key!r}: checked must be a date (YYYY-MM-DD)")
    return problems


def _history_problems(rows: list, parameter_ids: set) -> list[str]:
    problems = []
    for row in rows:
        item = row.get("item", "?")
        sinces = [p.get("since") for p in row.get("periods", [])]
        if not sinces or not all(isinstance(s, date) for s in sinces) or sinces != sorted(sinces):
            problems.append(f"history {item!r}: periods need dates in order")
        for period in row.get("periods", []):
            for name in unknown_placeholders(period.get("text", ""), parameter_ids):
                problems.append(f"history {item!r}: {{{name}}} is neither a parameter nor a term")
    return problems


def _document_problems(data: dict, source_keys: set, parameter_ids: set) -> list[str]:
    problems = []
    lines = {indicator.id for indicator in REGISTRY}
    seen = set()
    for entry in data.get("document", []):
        did = entry.get("id", "?")
        if did in seen:
            problems.append(f"document {did!r}: appears twice")
        seen.add(did)
        if entry.get("when") not in {"always", "eligibility", *lines}:
            problems.append(f"document {did!r}: when must be always, eligibility or a line id")
        items = entry.get("items")
        if not str(entry.get("purpose", "")).strip() or not items or not all(
            isinstance(i, str) and i.strip() for i in items
        ):
            problems.append(f"document {did!r}: needs a purpose and a list of items")
        types = entry.get("item_types")
        if types is not None and (not isinstance(types, list) or len(types) != len(items or [])
                                  or not set(types) <= set(CREDENTIAL_TYPES)):
            problems.append(f"document {did!r}: item_types must name one credential type "
                            f"({', '.join(CREDENTIAL_TYPES)}) for each item")
        for item in items or []:
            for name in unknown_placeholders(str(item), parameter_ids):
                problems.append(f"document {did!r}: {{{name}}} is neither a parameter nor a term")
        problems += [f"document {did!r}: unknown reference {r!r}"
                     for r in entry.get("refs", []) if r not in source_keys]
    for step in data.get("next_step", []):
        for name in unknown_placeholders(step.get("text", ""), parameter_ids):
            problems.append(f"next_step: {{{name}}} is neither a parameter nor a term")
        problems += [f"next_step: unknown reference {r!r}"
                     for r in step.get("refs", []) if r not in source_keys]
    return problems


@dataclass(frozen=True)
class Problem:
    file: str  # the data file, "rules.toml"
    where: str  # the entry, "parameter 'spouse.cap' since 2013-07-01" ("" for the whole file)
    what: str  # what is wrong with it

    def __str__(self) -> str:
        return ": ".join(part for part in (self.file, self.where, self.what) if part)

    @classmethod
    def read(cls, file: str, text: str) -> Problem:
        """A problem from its line "<where>: <what>" in `file`."""
        where, _, what = text.partition(": ")
        return cls(file, where, what) if what else cls(file, "", where)


def _level_points_problems(rules: dict) -> list[str]:
    """Every title level and skill level has its points (credential.<kind>_<level>)."""
    ids = {p.get("id") for p in rules.get("parameter", [])}
    wanted = [f"credential.title_{level}" for level in TITLE_LEVELS]
    wanted += [f"credential.skill_{level}" for level in range(1, 6)]
    return [f"parameter {pid!r}: missing (every title and skill level needs its points)"
            for pid in wanted if pid not in ids]


def _values(data: dict, pid: str) -> list:
    """Every value `pid` has in `data` (the not-in-force ones left out)."""
    param = next((p for p in data.get("parameter", []) if p.get("id") == pid), {})
    return [v["value"] for v in param.get("values", []) if "value" in v]


def _hukou_problems(hukou: dict, rules: dict) -> list[str]:
    """hukou.toml beyond the format: every parameter a 居转户 route reads exists (and none is
    also in rules.toml); a window holds its months; the 3× route's multiple is the contribution
    ceiling's; the children's ages are in order."""
    ids = {p.get("id") for p in hukou.get("parameter", [])}
    problems = [f"parameter {pid!r}: missing (a 居转户 route reads it)"
                for pid in sorted(hukou_routes.parameter_ids() - ids)]
    problems += [f"parameter {pid!r}: also in rules.toml"
                 for pid in sorted(ids & {p.get("id") for p in rules.get("parameter", [])})]
    for _multiple, window, required, _ in hukou_routes.BASE_TESTS.values():
        if any(need > have for need in _values(hukou, required) for have in _values(hukou, window)):
            problems.append(f"parameter {required!r}: more months than the window {window!r}")
    ceiling = _top_multiple(rules)
    three = _values(hukou, "hukou.ceiling_3x_multiple")
    if ceiling is not None and any(m != ceiling for m in three):
        problems.append(f"parameter 'hukou.ceiling_3x_multiple': must be {ceiling:g}, the "
                        "contribution ceiling's multiple")
    if any(free >= top for free in _values(hukou, "hukou.child_free_age")
           for top in _values(hukou, "hukou.child_max_age")):
        problems.append("parameter 'hukou.child_free_age': must be below hukou.child_max_age")
    return problems


def check() -> list[Problem]:
    """Every problem in the shipped data; [] when sound (the everyday certificate names are
    checked by calculator.catalogues.check_everyday, the schooling and verification facts by
    their modules' problems())."""
    sources = load_toml("sources.toml")
    rules = load_toml("rules.toml")
    hukou = load_toml("hukou.toml")
    document_keys = {d.get("key") for d in [*sources.get("document", []),
                                             *hukou.get("document", [])]}
    source_keys = {s.get("key") for s in [*sources.get("source", []), *hukou.get("source", [])]}
    parameter_ids = {p.get("id") for p in [*rules.get("parameter", []),
                                            *hukou.get("parameter", [])]}
    hukou_as_rules = {**hukou, "first_day": rules.get("first_day"),
                      "rules_version": rules.get("rules_version")}
    found = [
        ("sources.toml", _source_problems(sources)),
        ("rules.toml", _parameter_problems(rules, document_keys, source_keys)
         + _level_points_problems(rules)),
        ("yardsticks.toml",
         _yardstick_problems(load_toml("yardsticks.toml").get("year", []), document_keys,
                             source_keys, _top_multiple(rules))),
        ("decisions.toml",
         _decision_problems(load_toml("decisions.toml").get("decision", []), parameter_ids)),
        ("history.toml",
         _history_problems(load_toml("history.toml").get("history", []), parameter_ids)),
        ("documents.toml",
         _document_problems(load_toml("documents.toml"), source_keys, parameter_ids)),
        ("hukou.toml",
         _source_problems(hukou)
         + _parameter_problems(hukou_as_rules, document_keys, source_keys)
         + _decision_problems(hukou.get("decision", []), parameter_ids, registry=())
         + _hukou_problems(hukou, rules)),
        (overseas_list.FILE,
         overseas_list.problems(load_toml(overseas_list.FILE), source_keys, OVERSEAS_CATEGORIES)),
    ]
    # these checks name their file themselves: "<file>: <where>: <what>"
    everyday = [Problem.read(*line.split(": ", 1)) for line in [
        *catalogues.check_everyday(), *schooling.problems(), *verification.problems()]]
    return [Problem.read(file, problem) for file, problems in found for problem in problems] + (
        everyday
    )
