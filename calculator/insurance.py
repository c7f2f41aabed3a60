"""Month-by-month view of the insurance history up to the month before `as_of`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cached_property, lru_cache

from .dates import month_label, month_of, window
from .profile import Period, Profile
from .yardstick import Yardstick, ceiling_multiple, convert, yardstick_for, year_name

# Why a period's months do not count (D26), as the lines say it.
EMPLOYER_MISMATCH = "缴费单位与劳动合同单位不一致"
TAX_MISMATCH = "缴费基数与个税申报收入不符"


@dataclass(frozen=True)
class CnyMonth:
    """A month whose base was given in yuan: the yardstick it converted with and how the
    base stood against that year's limits ("ceiling", "floor" or None)."""

    stick: Yardstick
    limit: str | None


@dataclass(frozen=True)
class InsuranceMonths:
    # month -> base multiple (None: a base in yuan before the first yardstick, only ever
    # outside the windows that compare bases); back-paid and excluded months left out
    normal: dict[int, Fraction | None]
    # month -> (numerator, denominator) of the same multiple, for fast exact comparison
    ratios: dict[int, tuple[int, int]]
    back_paid: frozenset[int]
    # month -> why it does not count (D26)
    excluded: dict[int, str] = field(default_factory=dict)
    # months whose base was given in yuan and converted
    cny: dict[int, CnyMonth] = field(default_factory=dict)
    # months some line compared bases in (filled by yardstick_notes)
    compared: set[int] = field(default_factory=set)

    def count(self, months: range, at_least: Fraction | int = 0) -> int:
        """Normal months in `months` whose base is at least `at_least` × the yardstick."""
        key = (months.start, months.stop, at_least)
        found = self._counts.get(key)
        if found is None:
            found = self._counts[key] = self._count(months, at_least)
        return found

    @cached_property
    def _counts(self) -> dict:
        return {}

    def _count(self, months: range, at_least: Fraction | int) -> int:
        if not at_least:
            return sum(1 for m in months if m in self.normal)
        num, den = at_least.numerator, at_least.denominator
        ratios = self.ratios
        count = 0
        for m in months:
            ratio = ratios.get(m)
            if ratio is not None and ratio[0] * den >= num * ratio[1]:
                count += 1
        return count

    @cached_property
    def has_gaps(self) -> bool:
        return self.gaps()

    def gaps(self) -> bool:
        """True when the normal months do not form one unbroken run."""
        if not self.normal:
            return False
        first, last = min(self.normal), max(self.normal)
        return last - first + 1 != len(self.normal)

    def excluded_note(self, months: range | None = None) -> str:
        """'另有4个月不计（缴费单位与劳动合同单位不一致）' for the excluded months (in
        `months` when given); '' when none."""
        by_reason: dict[str, int] = {}
        for month, reason in self.excluded.items():
            if months is None or month in months:
                by_reason[reason] = by_reason.get(reason, 0) + 1
        if not by_reason:
            return ""
        return "另有" + "，".join(f"{n}个月不计（{why}）" for why, n in by_reason.items())

    def yardstick_notes(self, months: range) -> list[str]:
        """What a line comparing bases in `months` must say about bases given in yuan:
        months estimated with the newest published yardstick (D24), bases at or above the
        ceiling (counted as the ceiling) and below the floor. Records `months` as compared."""
        cny = self.cny
        if not cny:  # bases given as multiples: nothing to say (and nothing estimated)
            return []
        self.compared.update(months)
        found: dict[str, list[int]] = {}
        figures: dict[str, set[int]] = {}
        estimate = None
        for month in months:
            entry = cny.get(month)
            if entry is None:
                continue
            if entry.stick.estimated:
                found.setdefault("estimated", []).append(month)
                estimate = entry.stick.year
            if entry.limit is not None:
                found.setdefault(entry.limit, []).append(month)
                year = entry.stick.year
                figure = year.ceiling_cny if entry.limit == "ceiling" else year.floor_cny
                figures.setdefault(entry.limit, set()).add(figure)
        notes = []
        for kind, listed in sorted(found.items(), key=lambda item: item[1][0]):
            spans = spans_text(listed)
            if kind == "estimated":
                notes.append(
                    f"{spans}按{year_name(estimate)}的社平工资{estimate.average_cny:,}元估算"
                )
                continue
            low, high = min(figures[kind]), max(figures[kind])
            amount = f"{low:,}元" if low == high else f"（{low:,}至{high:,}元）"
            if kind == "ceiling":
                # the same multiple in every year (calculator.check)
                times = f"{float(ceiling_multiple()):g}倍"
                notes.append(f"{spans}的基数不低于当年缴费上限{amount}，按上限（{times}）计")
            else:
                notes.append(f"{spans}的基数低于当年缴费下限{amount}，请核对")
        return notes

    def estimated_compared(self) -> list[int]:
        """Months some line compared whose yardstick was estimated (D24), in order."""
        return sorted(m for m in self.compared if m in self.cny and self.cny[m].stick.estimated)


def spans_text(months: list[int]) -> str:
    """Sorted months as runs: '2024-07至2025-06、2025-09'."""
    runs: list[list[int]] = []
    for month in months:
        if runs and month == runs[-1][1] + 1:
            runs[-1][1] = month
        else:
            runs.append([month, month])
    return "、".join(
        month_label(a) if a == b else f"{month_label(a)}至{month_label(b)}" for a, b in runs
    )


def excluded_reason(period: Period) -> str | None:
    """Why a period's months do not count (D26), or None when they do."""
    reasons = []
    if not period.employer_matches:
        reasons.append(EMPLOYER_MISMATCH)
    if not period.base_matches_tax:
        reasons.append(TAX_MISMATCH)
    return "，且".join(reasons) or None


def insurance_months(profile: Profile) -> InsuranceMonths:
    """The months up to the one before `as_of`. The same history on the same month gives the
    same (shared, never changed after the lines read it) object: the planner re-scores one
    history on many later days, along several routes that share it."""
    return _months(profile.insurance, month_of(profile.as_of) - 1)


@lru_cache(maxsize=1024)
def _months(insurance: tuple[Period, ...], last: int) -> InsuranceMonths:
    normal: dict[int, Fraction | None] = {}
    ratios: dict[int, tuple[int, int]] = {}
    back_paid: set[int] = set()
    excluded: dict[int, str] = {}
    cny: dict[int, CnyMonth] = {}
    for period in insurance:
        months = range(period.start, min(period.end if period.end is not None else last, last) + 1)
        if period.back_pay:
            back_paid.update(months)
            continue
        reason = excluded_reason(period)
        if reason is not None:
            excluded.update(dict.fromkeys(months, reason))
            continue
        if period.base_multiple is not None:
            multiple = period.base_multiple
            ratio = (multiple.numerator, multiple.denominator)
            for month in months:
                normal[month] = multiple
                ratios[month] = ratio
            continue
        converted: dict[Yardstick, tuple] = {}
        for month in months:
            stick = yardstick_for(month)
            if stick is None:
                normal[month] = None
                continue
            if stick not in converted:
                multiple, limit = convert(period.base_cny, stick)
                converted[stick] = (
                    multiple,
                    (multiple.numerator, multiple.denominator),
                    CnyMonth(stick, limit),
                )
            normal[month], ratios[month], cny[month] = converted[stick]
    return InsuranceMonths(normal, ratios, frozenset(back_paid), excluded, cny)


def last_months(as_of: date, count: int) -> range:
    return window(as_of, count)
