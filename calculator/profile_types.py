"""The profile as typed values, once read and checked (calculator.profile.read_profile), and the
choices its fields take (their names live in data/vocabulary.toml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from . import vocabulary
from .hukou_facts import HukouFacts

EDUCATION_LEVELS = vocabulary.ids("education_levels")
TITLE_LEVELS = vocabulary.ids("title_levels")
SKILL_LEVELS = vocabulary.ids("skill_levels")
CREDENTIAL_TYPES = vocabulary.ids("credential_types")
OVERSEAS_CATEGORIES = vocabulary.ids("overseas_categories")
OVERSEAS_LEVELS = vocabulary.ids("overseas_levels")
OVERSEAS_NAME_MAX = vocabulary.limit("overseas_name_max")
AWARDS = vocabulary.ids("awards")
KEY_AREAS = vocabulary.ids("key_areas")


@dataclass(frozen=True)
class Education:
    level: str = "none"
    full_time: bool = True
    study_place_consistent: bool | None = True  # None: not answered yet
    top_up_combined: bool = False


@dataclass(frozen=True)
class Credential:
    type: str
    # "junior"… for titles, "intermediate"/"senior" for overseas, 1–5 for skills,
    # None for qualifications
    level: object
    name: str | None = None  # qualification name, skill occupation or overseas certificate
    job_match: bool | None = True  # None: not answered yet (also the next two)
    registered: bool | None = True
    obtained_in_shanghai: bool = True
    verified_in_shanghai: bool | None = False
    category: str | None = None  # overseas: the recognition list's category "A"/"B"/"C"


@dataclass(frozen=True)
class Period:
    start: int  # month index
    end: int | None  # month index; None = still paying
    base_multiple: Fraction | None
    base_cny: Fraction | None
    back_pay: bool
    employer_matches: bool = True  # 缴费单位与劳动合同单位一致 (D26)
    base_matches_tax: bool = True  # 缴费基数与个税申报收入相符 (D26)


@dataclass(frozen=True)
class Investment:
    share: Fraction
    avg_annual_tax_cny: Fraction
    avg_hukou_employees: Fraction


@dataclass(frozen=True)
class Profile:
    as_of: date
    birth_date: date
    education: Education
    credentials: tuple[Credential, ...]
    insurance: tuple[Period, ...]
    flags: dict = field(default_factory=dict)
    investment: Investment | None = None
    public_service_years: int = 0
    key_area: tuple[str, int] | None = None
    award: str = "none"
    married_on: date | None = None
    events: dict = field(default_factory=dict)
    hukou: HukouFacts = field(default_factory=HukouFacts)  # what format 3 adds for 居转户

