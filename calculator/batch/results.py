"""Each row scored, planned and checked for 居转户: the row's result as JSON-able data (name,
total, 达标 or not, what is still to confirm, the problems naming their columns, the day the
standard is reached and stays, the 居转户 earliest month). A bad row never stops the others;
progress is reported through a callback, so a page's worker can show it and stop between rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import vocabulary
from ..engine import score_profile
from ..errors import ValidationError
from ..hukou import hukou
from ..profile import read_profile
from .reach import reach
from .row import engine_problems, read_row

FIELDS = tuple(entry["id"] for entry in vocabulary.entries("batch_results"))


def labels() -> dict:
    """{result field: its column header}."""
    return {entry["id"]: entry["name"] for entry in vocabulary.entries("batch_results")}


def _empty(number: int, name: str) -> dict:
    return {"row": number, "name": name, "total": None, "passes": None, "eligible": None,
            "reaches_on": None, "reach_note": None, "fastest": None, "hukou_month": None,
            "hukou_note": None, "to_confirm": [], "problems": [], "headline": None,
            "planned": False, "profile": None}


def _hukou(profile: dict, out: dict) -> None:
    if "permit" not in profile:
        out["hukou_note"] = "未填居住证持证期间，没有判断居转户。"
        return
    found = hukou(profile)
    earliest, confirmed = found["earliest"], found["earliest_if_confirmed"]
    if earliest:
        out["hukou_month"] = earliest["month"]
        out["hukou_note"] = f"最早{earliest['month']}（{earliest['name']}）"
    elif confirmed:
        out["hukou_note"] = (f"{confirmed['condition']}，最早{confirmed['month']}"
                             f"（{confirmed['name']}）")
    else:
        route = next((r for r in found["routes"] if r.get("missing")), None)
        out["hukou_note"] = f"按现在的情况{found['horizon'][:4]}年前不能申报" + (
            f"（{route['name']}：{route['missing'][0]}）" if route else "")
    out["to_confirm"] += [q["question"] for q in found["to_confirm"]
                          if q["question"] not in out["to_confirm"]]


def result(number: int, name: str, profile: dict | None, problems: list[str],
           as_of: str | None = None, planned: bool = True, documents: bool = False) -> dict:
    """The result of one read row: scored, planned and (with permit periods) checked for
    居转户 when it has no problems; its problems otherwise. The plan is most of the time a row
    takes: `planned=False` leaves its keys (reaches_on, reach_note, fastest) None, for a page
    that shows the totals first and plans the rows after (`plan_of`). `documents` adds the
    score's documents list (`documents`) to a scored row, for a page's printed pages."""
    out = _empty(number, name)
    out["problems"] = list(problems)
    if profile is None or problems:
        return out
    if as_of:
        profile = {**profile, "as_of": as_of}
    out["profile"] = profile
    try:
        person = read_profile(profile)
        scored = score_profile(person)
        course = reach(person, scored, profile.get("plan")) if planned else None
        if profile.get("version") == 3:
            _hukou(profile, out)
    except ValidationError as error:
        out["problems"] = engine_problems(error.problems, profile)
        out["profile"] = None
        return out
    out.update(total=scored["total"], passes=scored["passes"], eligible=scored["eligible"],
               headline=scored["headline"])
    out["to_confirm"] = [q["question"] for q in scored["to_confirm"]] + out["to_confirm"]
    if course is not None:
        out.update(_plan_columns(course))
    if documents:
        out["documents"] = scored["documents"]
    return out


def _plan_columns(found: dict) -> dict:
    fastest = found["fastest"]
    return {"planned": True, "reaches_on": found["reaches_on"], "reach_note": found["reach_note"],
            "fastest": f"{fastest['title']}（预计{fastest['reaches_on']}）" if fastest else None}


def plan_of(row: dict, as_of: str | None = None) -> dict:
    """The plan's keys (planned, reaches_on, reach_note, fastest) of a row as a reader gives it,
    for a page that has shown the row's result made with `planned=False`: its other keys are as
    they were, so only the plan is worked out ({"planned": False} for a row with problems).
    When only the plan finds a problem (a bad `plan` object), the row's whole result."""
    number, name, profile, problems = _read(row)
    if profile is None or problems:
        return {"planned": False}
    if as_of:
        profile = {**profile, "as_of": as_of}
    try:
        person = read_profile(profile)
        found = reach(person, score_profile(person, full=False), profile.get("plan"))
    except ValidationError:
        return result(number, name, profile, problems, as_of)
    return _plan_columns(found)


def run(rows: Iterable[dict], as_of: str | None = None,
        progress: Callable[[int, int], None] | None = None, planned: bool = True) -> list[dict]:
    """The results of rows as the readers give them ({"row", "texts"} or {"row", "name",
    "profile", "problems"}), in order; `progress(done, total)` after each row."""
    rows = list(rows)
    out = []
    for done, row in enumerate(rows, 1):
        out.append(one(row, as_of, planned))
        if progress is not None:
            progress(done, len(rows))
    return out


def one(row: dict, as_of: str | None = None, planned: bool = True,
        documents: bool = False) -> dict:
    """The result of one row as a reader gives it."""
    return result(*_read(row), as_of, planned, documents)


def _read(row: dict) -> tuple:
    """(number, name, profile, problems) of a row as a reader gives it."""
    if "texts" in row:
        name, profile, problems = read_row(row["texts"])
    else:
        name, profile, problems = row.get("name", ""), row.get("profile"), row.get("problems", [])
    return row["row"], name, profile, problems
