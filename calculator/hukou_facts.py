"""What a profile (format version 3) says for the 居转户 check besides the points: the permit
periods, the area worked in and since when, the 远郊 post, the post type and the children, as
typed values. Every answer only the person can give starts unanswered (None, decision H9)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PermitPeriod:
    start: int  # month index
    end: int | None  # month index; None = still held


@dataclass(frozen=True)
class AreaWork:
    area: str  # an id of vocabulary key_areas
    since: int | None  # the first month worked there; None when only years were given
    years: int  # whole years worked there (given, or derived from `since`)
    recommended: bool | None = None  # recommended (and pledged where the route asks it)
    core: bool | None = None  # core staff (临港) or key-industry backbone (张江)


@dataclass(frozen=True)
class Child:
    birth_date: date
    general_high_school: bool | None = None  # enrolled in a 普通高中


@dataclass(frozen=True)
class HukouFacts:
    permit: tuple[PermitPeriod, ...] = ()
    area: AreaWork | None = None
    suburb_post_since: int | None = None  # first month in a 远郊 teaching/health/agri post
    science_or_skill_post: bool | None = None  # an enterprise science or skill post
    children: tuple[Child, ...] = ()
    # credential index -> appointed (聘任) to a post matching it; missing = unanswered
    appointed: tuple[bool | None, ...] = ()

    def appointed_to(self, index: int) -> bool | None:
        return self.appointed[index] if index < len(self.appointed) else None
