"""Reading what profile format version 3 adds for the 居转户 check: `permit`, each credential's
`appointed`, `key_area.since` / `recommended` / `core` and the areas zhangjiang and new_town,
`suburb_post`, `science_or_skill_post` and `children` (docs/profile.md). Every bad value is a
problem on its path in plain Chinese. `points_view` gives the rest of the profile as the
points side reads it: the key area's years from `since` where given, 五个新城 scored as the
other outer-suburb areas, 张江 (not an outer-suburb area) not scored."""

from __future__ import annotations

import itertools
from datetime import date

from . import vocabulary
from .dates import first_day_of_month, full_years, month_label, month_of, today_in_shanghai
from .errors import Problems
from .field_reader import read_text
from .hukou_facts import AreaWork, Child, HukouFacts, PermitPeriod
from .parse import Unreadable, read_date, read_month

VERSION = 3
TOP_KEYS = ("permit", "suburb_post", "science_or_skill_post", "children")
AREA_KEYS = ("since", "recommended", "core")
HUKOU_AREAS = ("zhangjiang", "new_town")
# How the points side reads an area only 居转户 names (None: not an area the points count).
POINTS_AREA = {"zhangjiang": None, "new_town": "other"}
CHILDREN_MAX = vocabulary.limit("children_max")


def points_view(raw: dict, as_of: date | None) -> dict:
    """A version-3 profile without what only 居转户 reads, as version 2 (the points side's
    format); any other profile as it is."""
    if not isinstance(raw, dict) or raw.get("version") != VERSION:
        return raw
    out = {k: v for k, v in raw.items() if k not in TOP_KEYS}
    out["version"] = VERSION - 1
    if isinstance(raw.get("credentials"), list):
        out["credentials"] = [
            {k: v for k, v in c.items() if k != "appointed"} if isinstance(c, dict) else c
            for c in raw["credentials"]
        ]
    area = raw.get("key_area")
    if isinstance(area, dict):
        kept = {k: v for k, v in area.items() if k not in AREA_KEYS}
        name = kept.get("area")
        since = _month_or_none(area.get("since"))
        if since is not None and as_of is not None and since <= month_of(as_of):
            kept["years"] = full_years(first_day_of_month(since), as_of)
        if name in POINTS_AREA:
            kept["area"] = POINTS_AREA[name]
        out["key_area"] = None if kept.get("area", "") is None else kept
    return out


def _month_or_none(text) -> int | None:
    if not isinstance(text, str):
        return None
    try:
        return read_month(text)
    except Unreadable:
        return None


class _Fields:
    def __init__(self, problems: Problems):
        self.problems = problems

    def month(self, raw, path: str, required: bool) -> int | None:
        if raw is None:
            if required:
                self.problems.add(path, "必须填写，如 2019-07。", "required: a month YYYY-MM")
            return None
        return read_text(self.problems, raw, path, read_month,
                         ("应为月份，如 2019-07。", "expected a month YYYY-MM"),
                         "is not a month YYYY-MM")

    def flag(self, raw, path: str) -> bool | None:
        if raw is None or isinstance(raw, bool):
            return raw
        self.problems.add(path, "应为 true 或 false（不确定可以不填）。", "expected true or false")
        return None

    def object(self, raw, path: str, allowed: tuple) -> dict | None:
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.problems.add(path, "应为对象（{…}）。", "expected an object")
            return None
        for key in raw:
            if key not in allowed:
                self.problems.add(f"{path}.{key}", f"不认识的字段“{key}”，请检查拼写。",
                                  f"unknown field '{key}'; allowed: {', '.join(allowed)}")
        return raw

    def objects(self, items: list, path: str, allowed: tuple) -> list[tuple[int, str, dict]]:
        """(index, path, object) of each item that is an object; any other item a problem."""
        found = []
        for i, item in enumerate(items):
            at = f"{path}[{i}]"
            data = self.object(item, at, allowed)
            if data is not None:
                found.append((i, at, data))
            elif item is None:
                self.problems.add(at, "应为对象（{…}）。", "expected an object")
        return found

    def items(self, raw, path: str) -> list:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.problems.add(path, "应为列表（[…]）。", "expected a list")
            return []
        return raw


def _not_after(f: _Fields, month: int | None, path: str, as_of: date | None, what: str) -> None:
    if month is not None and as_of is not None and month > month_of(as_of):
        f.problems.add(path, f"{what}晚于评估日所在月（{month_label(month_of(as_of))}）。",
                       f"{path} is after the month of as_of")


def _permit(f: _Fields, raw, as_of: date | None) -> tuple[PermitPeriod, ...]:
    periods = []
    for i, path, data in f.objects(f.items(raw, "permit"), "permit", ("from", "to")):
        start = f.month(data.get("from"), f"{path}.from", required=True)
        end = f.month(data.get("to"), f"{path}.to", required=False)
        _not_after(f, start, f"{path}.from", as_of, "持证开始月份")
        if start is not None and end is not None and end < start:
            f.problems.add(f"{path}.to", "结束月份早于开始月份：请填开始月份当月或以后的月份，"
                           "仍在持有请留空。", "'to' is before 'from'")
            continue
        if start is not None:
            periods.append((i, PermitPeriod(start, end)))
    spans = sorted((p.start, p.end if p.end is not None else 10**9, i) for i, p in periods)
    for (_s1, e1, i1), (s2, _e2, i2) in itertools.pairwise(spans):
        if s2 <= e1:
            f.problems.add(f"permit[{i2}]", f"与第{i1 + 1}段持证时间重叠（{month_label(s2)}），"
                           "同一月份只能填写一次。", f"overlaps permit[{i1}]")
    return tuple(p for _, p in sorted(periods, key=lambda x: x[1].start))


def _area(f: _Fields, raw, as_of: date | None) -> AreaWork | None:
    if not isinstance(raw, dict):
        return None  # the points side reports it
    since = f.month(raw.get("since"), "key_area.since", required=False)
    _not_after(f, since, "key_area.since", as_of, "开始在该区域工作的月份")
    recommended = f.flag(raw.get("recommended"), "key_area.recommended")
    core = f.flag(raw.get("core"), "key_area.core")
    area = raw.get("area")
    years = raw.get("years") if isinstance(raw.get("years"), int) else 0
    if since is not None and as_of is not None and since <= month_of(as_of):
        years = full_years(first_day_of_month(since), as_of)
    return AreaWork(area, since, years, recommended, core) if isinstance(area, str) else None


def _children(f: _Fields, raw, as_of: date | None) -> tuple[Child, ...]:
    found = []
    items = f.items(raw, "children")
    if len(items) > CHILDREN_MAX:
        f.problems.add("children", f"最多填写{CHILDREN_MAX}个孩子。",
                       f"at most {CHILDREN_MAX} children")
        return ()
    for _, path, data in f.objects(items, "children", ("birth_date", "general_high_school")):
        text = data.get("birth_date")
        school = f.flag(data.get("general_high_school"), f"{path}.general_high_school")
        if not isinstance(text, str):
            f.problems.add(f"{path}.birth_date", "请填写孩子的出生日期，如 2012-09-01。",
                           "birth_date is required: YYYY-MM-DD")
            continue
        try:
            born = read_date(text)
        except Unreadable as error:
            f.problems.add(f"{path}.birth_date", error.reason, f"'{text}' is not a date")
            continue
        if as_of is not None and born > as_of:
            f.problems.add(f"{path}.birth_date", "孩子的出生日期晚于评估日。",
                           "birth_date is after as_of")
            continue
        found.append(Child(born, school))
    return tuple(found)


def read_facts(problems: Problems, raw: dict, as_of: date | None) -> HukouFacts:
    """What version 3 adds, read from a version-3 profile; empty for older versions."""
    if not isinstance(raw, dict) or raw.get("version") != VERSION:
        return HukouFacts()
    f = _Fields(problems)
    suburb = f.object(raw.get("suburb_post"), "suburb_post", ("since",))
    suburb_since = None
    if suburb is not None:
        suburb_since = f.month(suburb.get("since"), "suburb_post.since", required=True)
        _not_after(f, suburb_since, "suburb_post.since", as_of, "开始在远郊岗位工作的月份")
    appointed = []
    credentials = raw.get("credentials")
    for i, c in enumerate(credentials if isinstance(credentials, list) else []):
        given = c.get("appointed") if isinstance(c, dict) else None
        appointed.append(f.flag(given, f"credentials[{i}].appointed"))
    return HukouFacts(
        permit=_permit(f, raw.get("permit"), as_of),
        area=_area(f, raw.get("key_area"), as_of),
        suburb_post_since=suburb_since,
        science_or_skill_post=f.flag(raw.get("science_or_skill_post"), "science_or_skill_post"),
        children=_children(f, raw.get("children"), as_of),
        appointed=tuple(appointed),
    )



def lenient_as_of(raw: dict) -> date | None:
    """The evaluation day for reading what version 3 adds: today when not given, None when
    unreadable (the points side reports it)."""
    text = raw.get("as_of")
    if text is None:
        return today_in_shanghai()
    try:
        return read_date(text) if isinstance(text, str) else None
    except Unreadable:
        return None
