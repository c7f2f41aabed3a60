"""Long fuzzing run: 10,000 hypothesis examples of arbitrary JSON-like input, plus
10,000 randomly mutated valid profiles; nothing but ValidationError may escape."""

from __future__ import annotations

import json
import random

import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from profile_strategies import examples, shallow_profiles  # noqa: E402

import calculator  # noqa: E402

BASE = {
    "as_of": "2026-11-22",
    "birth_date": "1990-05-01",
    "education": {"level": "master", "full_time": True},
    "credentials": [{"type": "skill", "level": 2, "occupation": "焊工"}],
    "insurance": [{"from": "2020-01", "to": "2026-10", "base_multiple": 1.5}],
    "investment": {"share": 0.5, "avg_annual_tax_cny": 300000, "avg_hukou_employees": 12},
    "key_area": {"area": "lingang", "years": 4},
    "spouse": {"married_on": "2018-08-08"},
    "detentions": ["2024-01-01"],
}
ODD_VALUES = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    1e308,
    float("nan"),
    "",
    "x",
    "2026-02-30",
    "2024-07",
    [],
    {},
    [1],
    {"a": 1},
    10**30,
]


def _mutate(rng: random.Random, value, depth=0):
    if isinstance(value, dict) and value and rng.random() < 0.7:
        key = rng.choice(list(value))
        changed = dict(value)
        choice = rng.random()
        if choice < 0.15:
            del changed[key]
        elif choice < 0.25:
            changed[rng.choice(["zzz", "to", "level", "type"])] = rng.choice(ODD_VALUES)
        else:
            changed[key] = _mutate(rng, value[key], depth + 1)
        return changed
    if isinstance(value, list) and value and rng.random() < 0.7:
        changed = list(value)
        i = rng.randrange(len(changed))
        changed[i] = _mutate(rng, changed[i], depth + 1)
        if rng.random() < 0.2:
            changed.append(rng.choice(changed))
        return changed
    return rng.choice(ODD_VALUES)


def _check(profile):
    try:
        result = calculator.score(profile)
    except calculator.ValidationError as error:
        assert error.problems
        return
    assert result["total"] == sum(line["points"] for line in result["lines"])
    json.dumps(result)


@settings(
    max_examples=examples(10_000), deadline=None, database=None,
    suppress_health_check=list(HealthCheck),
)
@given(shallow_profiles)
def test_fuzz_hypothesis_ten_thousand(profile):
    _check(profile)


def test_fuzz_mutated_profiles_ten_thousand():
    rng = random.Random(20261122)
    for _ in range(10_000):
        profile = BASE
        for _ in range(rng.randint(1, 4)):
            profile = _mutate(rng, profile)
        _check(profile)
