"""The month arithmetic of the 居转户 check (decisions H2–H4, H8): for every month from the
evaluation month to the horizon, following the current course, which months qualify (a permit
period and a counted insurance month), how many qualified before it, and how many months of a
window reached a multiple of their own year's yardstick."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cached_property

from .dates import first_day_of_month, month_of
from .hukou_facts import HukouFacts
from .insurance import InsuranceMonths, insurance_months
from .profile import Profile
from .routes import keep_paying, latest_multiple

HORIZON_MONTHS = 15 * 12  # as far ahead as the points planner looks (H8)
WINDOW_REACH = 60  # months before the evaluation month the base tables cover (windows ≤ 48)


@dataclass(frozen=True)
class Months:
    """The course as now: insurance goes on at the base of the month before the evaluation
    day when paid then, an open permit period stays open."""

    first: int  # the evaluation month
    last: int  # the horizon's last month
    insurance: InsuranceMonths  # counted months up to `last` on the course
    permit: tuple  # (start, end or None) month pairs
    latest: Fraction | None  # the base the course goes on at (None: not paying now)

    @cached_property
    def _held(self) -> frozenset[int]:
        """The permit months up to the horizon."""
        return frozenset(month for start, end in self.permit
                         for month in range(start, (self.last if end is None else end) + 1))

    def permit_held(self, month: int) -> bool:
        return month in self._held

    def insured(self, month: int) -> bool:
        return month in self.insurance.normal

    @cached_property
    def _qualifying(self) -> frozenset[int]:
        return self._held & self.insurance.normal.keys()

    def qualifies(self, month: int) -> bool:
        """H2: a permit month with a counted insurance month."""
        return month in self._qualifying

    @cached_property
    def _qualified_before(self) -> dict[int, int]:
        """month -> qualifying months before it, for every month up to the horizon."""
        qualifying = self._qualifying
        start = min([self.first, *qualifying])
        table, total = {}, 0
        for month in range(start, self.last + 2):
            table[month] = total
            if month in qualifying:
                total += 1
        return table

    def qualified_before(self, month: int) -> int:
        """Qualifying months before `month` (H3: up to M−1)."""
        return self._qualified_before[month]

    def permit_before(self, month: int) -> int:
        """Months of permit before `month` (to say which of the two falls short)."""
        count = 0
        for start, end in self.permit:
            stop = month - 1 if end is None else min(end, month - 1)
            count += max(0, stop - start + 1)
        return count

    def reaching(self, multiple: Fraction, months: range) -> int:
        """Counted months in `months` whose base reached `multiple` × its yardstick (H4)."""
        start = self.first - WINDOW_REACH
        if months.start < start or months.stop > self.last + 1:
            return self.insurance.count(months, multiple)
        table = self._reached_before(multiple.numerator, multiple.denominator)
        return table[months.stop - start] - table[months.start - start]

    def _reached_before(self, num: int, den: int) -> list[int]:
        """[i]: months before month `first - WINDOW_REACH + i` (from that month on) whose base
        reached num/den; one table per multiple."""
        tables = self._reach_tables
        key = (num, den)
        if key not in tables:
            table, total, ratios = [], 0, self.insurance.ratios
            for month in range(self.first - WINDOW_REACH, self.last + 2):
                table.append(total)
                ratio = ratios.get(month)
                if ratio is not None and ratio[0] * den >= num * ratio[1]:
                    total += 1
            tables[key] = table
        return tables[key]

    @cached_property
    def _reach_tables(self) -> dict:
        return {}

    def reaches(self, multiple: Fraction, month: int) -> bool:
        return self.reaching(multiple, range(month, month + 1)) == 1

    def base_of(self, month: int) -> Fraction | None:
        return self.insurance.normal.get(month)


def course(p: Profile, facts: HukouFacts) -> Months:
    first = month_of(p.as_of)
    last = first + HORIZON_MONTHS
    latest = latest_multiple(p)
    timeline = keep_paying(p, latest)
    # the counted months up to the horizon: as if evaluated the month after it
    extended = insurance_months(replace(timeline, as_of=first_day_of_month(last + 1)))
    permit = tuple((period.start, period.end) for period in facts.permit)
    return Months(first, last, extended, permit, latest)
