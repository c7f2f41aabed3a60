"""check(): every rule in calculator/data/ is well formed, dated, cited and consistent.

The build runs it before rendering anything and the tests run it on the shipped data, so a
maintainer's mistake in a data file is reported with the file and the entry, never as a wrong
number on a page. Each problem is a Problem: the file, where in it (the entry) and what is
wrong; its str() is the one line "<file>: <where>: <what is wrong>" the build prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import everyday_check, hukou_routes, overseas_list, route_reach, schooling, verification
from .check_values import (
    level_points_problems,
    parameter_problems,
    top_multiple,
    yardstick_problems,
)
from .decisions import unknown_placeholders
from .indicators import REGISTRY
from .profile import CREDENTIAL_TYPES, OVERSEAS_CATEGORIES
from .resources import load_toml


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
    ceiling = top_multiple(rules)
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
    checked by calculator.everyday_check, the schooling and verification facts and the
    planner's data by their modules' problems())."""
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
        ("rules.toml", parameter_problems(rules, document_keys, source_keys)
         + level_points_problems(rules)),
        ("yardsticks.toml",
         yardstick_problems(load_toml("yardsticks.toml").get("year", []), document_keys,
                             source_keys, top_multiple(rules))),
        ("decisions.toml",
         _decision_problems(load_toml("decisions.toml").get("decision", []), parameter_ids)),
        ("history.toml",
         _history_problems(load_toml("history.toml").get("history", []), parameter_ids)),
        ("documents.toml",
         _document_problems(load_toml("documents.toml"), source_keys, parameter_ids)),
        ("hukou.toml",
         _source_problems(hukou)
         + parameter_problems(hukou_as_rules, document_keys, source_keys)
         + _decision_problems(hukou.get("decision", []), parameter_ids, registry=())
         + _hukou_problems(hukou, rules)),
        (overseas_list.FILE,
         overseas_list.problems(load_toml(overseas_list.FILE), source_keys, OVERSEAS_CATEGORIES)),
    ]
    # these checks name their file themselves: "<file>: <where>: <what>"
    everyday = [Problem.read(*line.split(": ", 1)) for line in [
        *everyday_check.check_everyday(), *schooling.problems(), *verification.problems(),
        *route_reach.problems()]]
    return [Problem.read(file, problem) for file, problems in found for problem in problems] + (
        everyday
    )
