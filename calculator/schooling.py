"""What a child without Shanghai hukou needs of the parent's 居住证积分 to sit the 中考 and the
高考 in Shanghai, and by when (data/schooling.toml): the facts the 子女升学 page shows and the
deadline the calculator suggests for 「孩子参加中考（某年）」."""

from __future__ import annotations

import copy
from datetime import date
from functools import cache

from .resources import load_toml

SCHOOLING_FILE = "schooling.toml"


@cache
def _data() -> dict:
    return load_toml(SCHOOLING_FILE)


def facts() -> dict:
    """The whole of schooling.toml: `zhongkao`, `gaokao`, `vocational` (with their `cycle`
    lists, oldest first), `authority` and `source` lists."""
    return copy.deepcopy(_data())


def sources() -> list[dict]:
    """[{"key", "title", "url", "published"?, "checked"}, …] in file order."""
    return copy.deepcopy(_data()["source"])


def _cycle(exam: str, exam_year: int) -> dict | None:
    found = [c for c in _data()[exam]["cycle"] if c["exam_year"] == exam_year]
    return copy.deepcopy(found[0]) if found else None


def _day(year: int, month_day: dict) -> date:
    return date(year, month_day["month"], month_day["day"])


def zhongkao_registration_months() -> list[int]:
    """The calendar months the regular online registration has fallen in (12, 1, 2, 3), in
    school-year order."""
    months = set()
    for cycle in _data()["zhongkao"]["cycle"]:
        months.update({cycle["online_from"].month, cycle["online_to"].month})
    return sorted(months, key=lambda m: (m < 9, m))


def zhongkao_deadline(exam_year: int) -> dict:
    """The days a parent aims for when the child sits the 中考 in June of `exam_year`:

    - "recommended": the approved 积分通知单 in hand before the school's material check in
      初三 (the site's estimate, never an official date);
    - "latest": the 补报名 deadline of that year's notice where the site has it, else the
      recent notices' day in that year ("latest_from_notice" says which);
    - "registration": that year's regular registration dates where known, else None;
    - "words": one Chinese sentence for the deadline box.
    A year that is not a whole number between 2000 and 2100 raises ValueError."""
    if isinstance(exam_year, bool) or not isinstance(exam_year, int) or not (
        2000 <= exam_year <= 2100
    ):
        raise ValueError(f"中考年份应为2000至2100之间的整数，而不是“{exam_year}”。")
    zhongkao = _data()["zhongkao"]
    cycle = _cycle("zhongkao", exam_year)
    known = cycle is not None and "late_deadline" in cycle
    latest = cycle["late_deadline"] if known else _day(exam_year, zhongkao["late_deadline"])
    rec = zhongkao["recommended"]
    recommended = _day(exam_year - rec["years_before"], rec)
    registration = None
    if cycle is not None:
        registration = {k: cycle[k] for k in ("check_from", "online_from", "online_to")}
    source = "当年通知所定" if known else "按近年通知推算，当年通知本站未查到"
    words = (
        f"孩子{exam_year}年参加中考：建议{_zh(recommended)}前拿到核定的积分通知单"
        f"（本站估计，赶在初三的报名材料核查之前）；最迟{_zh(latest)}前补报名（{source}）。"
    )
    return {
        "exam_year": exam_year,
        "recommended": recommended,
        "latest": latest,
        "latest_from_notice": known,
        "registration": registration,
        "words": words,
    }


def _zh(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def problems() -> list[str]:
    """Every problem in schooling.toml as "schooling.toml: <where>: <what>"; [] when sound:
    each fact's refs name a source, each cycle's dates are in order and in its exam year."""
    data = _data()
    keys = {s["key"] for s in data.get("source", [])}
    found: list[str] = []

    def refs(where: str, names) -> None:
        for key in names:
            if key not in keys:
                found.append(f"{SCHOOLING_FILE}: {where}: unknown source {key!r}")

    for section in ("zhongkao", "gaokao", "vocational"):
        for key, value in data[section].items():
            if key.endswith("refs"):
                refs(f"[{section}] {key}", value)
        for cycle in data[section].get("cycle", []):
            where = f"[{section}] cycle {cycle.get('exam_year')}"
            refs(where, cycle.get("refs", []))
            if not cycle.get("refs"):
                found.append(f"{SCHOOLING_FILE}: {where}: no source")
            days = [cycle[k] for k in ("check_from", "online_from", "online_to",
                                       "late_deadline") if k in cycle]
            if days != sorted(days):
                found.append(f"{SCHOOLING_FILE}: {where}: dates out of order")
            late = cycle.get("late_deadline")
            if late is not None and late.year != cycle["exam_year"]:
                found.append(f"{SCHOOLING_FILE}: {where}: late deadline outside the exam year")
    for source in data.get("source", []):
        if not str(source.get("url", "")).startswith("https://"):
            found.append(f"{SCHOOLING_FILE}: source {source.get('key')!r}: url must be https")
    return found
