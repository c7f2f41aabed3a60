"""Hypothesis strategies for valid profiles and for arbitrary JSON-like input."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import settings
from hypothesis import strategies as st

from calculator.dates import month_label, month_of
from calculator.profile import (
    AWARDS,
    EDUCATION_LEVELS,
    KEY_AREAS,
    OVERSEAS_CATEGORIES,
    OVERSEAS_LEVELS,
    PROFILE_VERSIONS,
    TITLE_LEVELS,
    TOP_KEYS,
)
from calculator.yardstick import first_month


def examples(full: int) -> int:
    """A test's hypothesis example count: `full`, or a tenth of it in the quick run
    (`./dev test --quick` loads the "quick" profile, tests/conftest.py)."""
    return max(10, full // 10) if settings.get_current_profile_name() == "quick" else full


FIRST = date(2013, 7, 1)
LAST = date(2032, 12, 31)
# CNY bases are drawn only from the first yardstick row on (months after the newest row are
# estimated with it, D24).
FIRST_CNY_MONTH = first_month()

iso = st.builds(lambda d: d.isoformat(), st.dates(date(1950, 1, 1), LAST))
multiples = st.sampled_from([0.6, 0.79, 0.8, 0.99, 1, 1.2, 1.99, 2, 2.5, 2.99, 3])


@st.composite
def periods(draw, as_of: date, count: int | None = None):
    """Disjoint insurance periods, oldest first, around the as_of month."""
    n = count if count is not None else draw(st.integers(0, 5))
    cursor = month_of(as_of) - draw(st.integers(0, 240))
    result = []
    for _ in range(n):
        cursor += draw(st.integers(0, 14))
        length = draw(st.integers(1, 60))
        start, end = cursor, cursor + length - 1
        period = {"from": month_label(start)}
        if draw(st.booleans()) or start < FIRST_CNY_MONTH:
            period["base_multiple"] = draw(multiples)
        else:
            period["base_cny"] = draw(st.integers(5000, 45000))
        if draw(st.integers(0, 9)) == 0:
            period["back_pay"] = True
        for answer in ("employer_matches", "base_matches_tax"):
            if draw(st.integers(0, 9)) == 0:
                period[answer] = draw(st.booleans())
        period["to"] = month_label(end)
        result.append(period)
        cursor = end + 1
    return result


credential = st.one_of(
    st.fixed_dictionaries(
        {"type": st.just("title"), "level": st.sampled_from(TITLE_LEVELS)},
        optional={"job_match": st.booleans()},
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("qualification"),
            "name": st.sampled_from(
                ["注册会计师", "经济专业技术资格(中级)", "心理咨询师", "执业律师"]
            ),
        },
        optional={"job_match": st.booleans(), "registered": st.booleans()},
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("skill"),
            "level": st.integers(1, 5),
            "occupation": st.sampled_from(["焊工", "热处理工", "美发师"]),
        },
        optional={
            "job_match": st.booleans(),
            "obtained_in_shanghai": st.booleans(),
            "verified_in_shanghai": st.booleans(),
        },
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("overseas"),
            "category": st.sampled_from(OVERSEAS_CATEGORIES),
            "level": st.sampled_from(OVERSEAS_LEVELS),
        },
        optional={
            "name": st.sampled_from(["CPA Australia", "", "  ACCA  "]),
            "job_match": st.booleans(),
        },
    ),
)


@st.composite
def valid_profiles(draw):
    as_of = draw(st.dates(FIRST, LAST))
    age_days = draw(st.integers(16 * 366, 70 * 365))
    birth = as_of - timedelta(days=age_days)
    profile = {
        "as_of": as_of.isoformat(),
        "birth_date": birth.isoformat(),
        "insurance": draw(periods(as_of)),
    }
    optional = {
        "education": st.fixed_dictionaries(
            {
                "level": st.sampled_from(EDUCATION_LEVELS)
            },
            optional={
                "full_time": st.booleans(),
                "study_place_consistent": st.booleans(),
                "top_up_combined": st.booleans(),
            },
        ),
        "credentials": st.lists(credential, max_size=3),
        "shortage_major": st.booleans(),
        "fresh_graduate": st.booleans(),
        "entrepreneur": st.booleans(),
        "intermediary": st.booleans(),
        "serious_crime": st.booleans(),
        "family_planning_violation": st.booleans(),
        "investment": st.fixed_dictionaries(
            {
                "share": st.floats(0, 1),
                "avg_annual_tax_cny": st.integers(0, 20_000_000),
                "avg_hukou_employees": st.integers(0, 500),
            }
        ),
        "public_service_years": st.integers(0, 40),
        "key_area": st.fixed_dictionaries(
            {"area": st.sampled_from(KEY_AREAS), "years": st.integers(0, 30)}
        ),
        "award": st.sampled_from(AWARDS),
        "spouse": st.builds(
            lambda days: {"married_on": (birth + timedelta(days=days)).isoformat()},
            st.integers(0, max(0, (as_of - birth).days)),
        ),
        "false_materials": st.lists(st.dates(FIRST, as_of).map(date.isoformat), max_size=2),
        "detentions": st.lists(st.dates(FIRST, as_of).map(date.isoformat), max_size=2),
        "crimes": st.lists(st.dates(FIRST, as_of).map(date.isoformat), max_size=2),
        "version": st.sampled_from(PROFILE_VERSIONS),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            profile[key] = draw(strategy)
    return profile


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    iso,
    st.sampled_from(
        ["2024-07", "2013-13", "", "lingang", "senior", "title", "skill", "overseas", "A"]
    ),
)
INNER_KEYS = [
    "type",
    "level",
    "name",
    "from",
    "to",
    "base_multiple",
    "base_cny",
    "area",
    "years",
    "share",
    "married_on",
    "full_time",
    "occupation",
    "back_pay",
    "employer_matches",
    "base_matches_tax",
    "avg_annual_tax_cny",
    "category",
]
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.text(max_size=8),
                st.sampled_from(INNER_KEYS),
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)
KEYS = sorted(TOP_KEYS)
# Cheap to draw: for the 10,000-example fuzzing run.
shallow_profiles = st.one_of(
    json_scalars,
    st.dictionaries(
        st.sampled_from(KEYS),
        st.one_of(
            json_scalars,
            st.lists(json_scalars, max_size=3),
            st.lists(
                st.dictionaries(st.sampled_from(INNER_KEYS), json_scalars, max_size=4), max_size=2
            ),
            st.dictionaries(st.sampled_from(INNER_KEYS), json_scalars, max_size=4),
        ),
        max_size=6,
    ),
)
json_like_profiles = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(KEYS), json_values, max_size=8),
    valid_profiles().flatmap(
        lambda p: st.dictionaries(st.sampled_from(KEYS), json_values, max_size=3).map(
            lambda noise: {**p, **noise}
        )
    ),
)
