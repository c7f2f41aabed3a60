"""Loads the scoring engine (`calculator/`) and the data the pages show from it.

The engine reads its data lazily and trusts it, so the build checks it first and names the
data file (and line) of any problem: a syntax error in a data file, a malformed catalogue row,
or a problem the engine's own check of its rules data finds (calculator.check)."""

from __future__ import annotations

import datetime as dt
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
SKILL_FIELDS = {"no": int, "name": str, "alt_names": list}
QUALIFICATION_FIELDS = {
    **SKILL_FIELDS, "equivalent_title": str, "registration_required": bool,
}


@dataclass
class Engine:
    module: ModuleType
    rules: ModuleType
    indicators: ModuleType
    decisions: ModuleType
    history: ModuleType
    documents: ModuleType
    catalogues: ModuleType
    yardstick: ModuleType
    dates: ModuleType
    profile: ModuleType
    vocabulary: ModuleType
    rules_version: str
    skills: list[dict]
    qualifications: list[dict]
    last_checked: str


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


def check_rules(check: ModuleType) -> None:
    """The engine's own check of its data (rules, sources, yardsticks, decisions, history,
    documents, everyday names); the first problem fails the build, named by its data file
    (and the line of the entry, where it can be found)."""
    try:
        problems = check.check()
    except Exception as e:
        raise BuildError(relative(DATA), f"the rules data could not be checked: "
                         f"{type(e).__name__}: {e}") from None
    if not problems:
        return
    first = problems[0]
    path = DATA / first.file
    detail = str(first).removeprefix(f"{first.file}: ")
    # the entry a problem names: a quoted name ('standard_score', '电工证') or a key (D2, 2022-08)
    where = (re.search(r"'([^']+)'", first.where)
             or re.search(r"^(?:decision|year) ([^ :]+)", first.where))
    line = _line_of(path, re.escape(f'"{where.group(1)}"')) if where else None
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise BuildError(relative(path), detail + more, line)


def stale_yardstick_warning(rules: ModuleType, today: dt.date) -> str | None:
    """A warning when no published contribution year covers `today`'s month: the figures
    the 市人社局 publishes each July to September are due (docs/maintaining-rules.md)."""
    newest = rules.yardsticks()[-1]
    month = f"{today.year:04d}-{today.month:02d}"
    if month <= newest["to"]:
        return None
    return (
        f"calculator/data/yardsticks.toml: no contribution year covers {month}; the newest "
        f"row ends {newest['to']}. The calculator estimates later months with the "
        f"{newest['from']} average ({newest['average_cny']} yuan) and says so. Add the new "
        "year once the 市人社局 publishes its limits (usually July to September): see "
        "docs/maintaining-rules.md."
    )


def _latest_checked(sources: list[dict]) -> str:
    dates = [str(s.get("checked")) for s in sources if s.get("checked")]
    return max(dates) if dates else ""


def load_engine() -> Engine:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    check_data_syntax()
    try:
        module = importlib.import_module("calculator")
        parts = {
            name: importlib.import_module(f"calculator.{name}")
            for name in ("rules", "indicators", "decisions", "history", "documents", "catalogues",
                         "yardstick", "dates", "profile", "vocabulary", "check")
        }
    except Exception as e:
        raise BuildError(relative(ENGINE), f"the engine failed to import: "
                         f"{type(e).__name__}: {e}") from None
    check_rules(parts.pop("check"))
    skills = parts["catalogues"].skill_occupations()
    check_catalogue(skills, SKILL_FIELDS, SKILLS_FILE)
    qualifications = parts["catalogues"].qualifications()
    check_catalogue(qualifications, QUALIFICATION_FIELDS, QUALIFICATIONS_FILE)
    return Engine(
        module=module,
        **parts,
        rules_version=module.RULES_VERSION,
        skills=skills,
        qualifications=qualifications,
        last_checked=_latest_checked(parts["rules"].sources()),
    )
