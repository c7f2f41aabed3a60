"""Month-by-month view of the insurance history up to the month before `as_of`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from .dates import month_of, window
from .profile import Profile
from .yardstick import multiple_of, yardstick_for


@dataclass(frozen=True)
class InsuranceMonths:
    # month -> base multiple (None: a CNY base in a year without yardstick, only ever
    # outside the windows that compare bases); back-paid months excluded
    normal: dict[int, Fraction | None]
    # month -> (numerator, denominator) of the same multiple, for fast exact comparison
    ratios: dict[int, tuple[int, int]]
    back_paid: frozenset[int]

    def count(self, months: range, at_least: Fraction | int = 0) -> int:
        """Normal months in `months` whose base is at least `at_least` × the yardstick."""
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

    def gaps(self) -> bool:
        """True when the normal months do not form one unbroken run."""
        if not self.normal:
            return False
        first, last = min(self.normal), max(self.normal)
        return last - first + 1 != len(self.normal)


def insurance_months(profile: Profile) -> InsuranceMonths:
    last = month_of(profile.as_of) - 1
    normal: dict[int, Fraction | None] = {}
    ratios: dict[int, tuple[int, int]] = {}
    back_paid: set[int] = set()
    for period in profile.insurance:
        months = range(period.start, min(period.end if period.end is not None else last, last) + 1)
        if period.back_pay:
            back_paid.update(months)
        elif period.base_multiple is not None:
            multiple = period.base_multiple
            ratio = (multiple.numerator, multiple.denominator)
            for month in months:
                normal[month] = multiple
                ratios[month] = ratio
        else:
            for month in months:
                if yardstick_for(month) is None:
                    normal[month] = None
                    continue
                multiple = multiple_of(period.base_cny, month)
                normal[month] = multiple
                ratios[month] = (multiple.numerator, multiple.denominator)
    return InsuranceMonths(normal, ratios, frozenset(back_paid))


def last_months(as_of: date, count: int) -> range:
    return window(as_of, count)
