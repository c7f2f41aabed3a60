"""Loads the scoring engine (`calculator/`) and the data the pages show from it.

The engine reads its data lazily and trusts it, so the build checks it first and names the
data file (and line) of any problem: a syntax error in a data file, a malformed catalogue row,
or an engine function that fails on the data it reads."""

from __future__ import annotations

import importlib
import json
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from .errors import BuildError, toml_error_line
from .paths import ENGINE, ROOT, relative

DATA = ENGINE / "data"
SKILLS_FILE = DATA / "skill_occupations.json"
QUALIFICATIONS_FILE = DATA / "qualifications.json"
# Which data file each engine function reads, to name it when the function fails.
READS = {
    "parameters": "rules.toml",
    "indicators": "rules.toml",
    "history": "history.toml",
    "decisions": "decisions.toml",
    "sources": "sources.toml",
    "yardsticks": "yardsticks.toml",
}
SKILL_FIELDS = {"no": int, "name": str, "alt_names": list}
QUALIFICATION_FIELDS = {
    **SKILL_FIELDS, "equivalent_title": str, "registration_required": bool,
}


@dataclass
class Engine:
    module: ModuleType
    rules: ModuleType
    catalogues: ModuleType
    rules_version: str
    skills: list[dict]
    qualifications: list[dict]
    last_verified: str


def _line_of(path: Path, pattern: str) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(pattern, line):
                return number
    except OSError:
        pass
    return None


def check_data_syntax(folder: Path = DATA) -> None:
    for path in sorted(folder.glob("*")):
        try:
            if path.suffix == ".json":
                json.loads(path.read_text(encoding="utf-8"))
            elif path.suffix == ".toml":
                tomllib.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise BuildError(relative(path), f"invalid JSON: {e.msg}", e.lineno) from None
        except tomllib.TOMLDecodeError as e:
            raise BuildError(relative(path), f"invalid TOML: {e}", toml_error_line(e)) from None
        except UnicodeDecodeError as e:
            raise BuildError(relative(path), f"not UTF-8 text: {e}") from None


def check_catalogue(rows, fields: dict[str, type], path: Path) -> None:
    file = relative(path)
    if not isinstance(rows, list) or not rows:
        raise BuildError(file, "the catalogue must be a non-empty list of entries")
    seen_no, seen_names = set(), set()
    for index, row in enumerate(rows):
        no = row.get("no") if isinstance(row, dict) else None
        line = _line_of(path, rf'"no":\s*{no}\b') if isinstance(no, int) else None
        where = f"entry {index + 1}" + (f" (no {no})" if no is not None else "")
        if not isinstance(row, dict):
            raise BuildError(file, f"{where}: must be an object")
        for key, kind in fields.items():
            value = row.get(key)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise BuildError(file, f"{where}: '{key}' must be {kind.__name__}, got {value!r}",
                                 line)
            if kind is str and not value.strip():
                raise BuildError(file, f"{where}: '{key}' is empty", line)
        if not all(isinstance(n, str) and n.strip() for n in row["alt_names"]):
            raise BuildError(file, f"{where}: 'alt_names' must be a list of names", line)
        if no in seen_no:
            raise BuildError(file, f"{where}: number {no} appears twice", line)
        for name in (row["name"], *row["alt_names"]):
            if name in seen_names:
                raise BuildError(file, f"{where}: name {name!r} appears twice", line)
            seen_names.add(name)
        seen_no.add(no)


def _call(rules: ModuleType, function: str):
    try:
        return getattr(rules, function)()
    except Exception as e:
        path = DATA / READS[function]
        file = relative(path if path.exists() else DATA)
        raise BuildError(file, f"calculator.rules.{function}() failed on this data: "
                         f"{type(e).__name__}: {e}") from None


def _check_parameters(rules: ModuleType) -> None:
    path = DATA / READS["parameters"]
    for parameter in _call(rules, "parameters"):
        try:
            rules.value(parameter["id"])
        except Exception as e:
            line = _line_of(path, rf'^id\s*=\s*"{re.escape(parameter["id"])}"')
            raise BuildError(relative(path), f"parameter {parameter['id']!r}: "
                             f"{type(e).__name__}: {e}", line) from None


def _latest_verified(sources: list[dict]) -> str:
    dates = [str(s.get("verified")) for s in sources if s.get("verified")]
    return max(dates) if dates else ""


def load_engine() -> Engine:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    check_data_syntax()
    try:
        module = importlib.import_module("calculator")
        rules = importlib.import_module("calculator.rules")
        catalogues = importlib.import_module("calculator.catalogues")
    except Exception as e:
        raise BuildError(relative(ENGINE), f"the engine failed to import: "
                         f"{type(e).__name__}: {e}") from None
    skills = catalogues.skill_occupations()
    check_catalogue(skills, SKILL_FIELDS, SKILLS_FILE)
    qualifications = catalogues.qualifications()
    check_catalogue(qualifications, QUALIFICATION_FIELDS, QUALIFICATIONS_FILE)
    _check_parameters(rules)
    for function in READS:
        _call(rules, function)
    return Engine(
        module=module,
        rules=rules,
        catalogues=catalogues,
        rules_version=module.RULES_VERSION,
        skills=skills,
        qualifications=qualifications,
        last_verified=_latest_verified(rules.sources()),
    )
