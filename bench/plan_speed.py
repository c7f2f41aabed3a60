"""plan() with its projection, and score(), inside Pyodide (Node, the site's own trimmed
standard library and wheel) and in CPython, side by side: median and spread of N calls.

    ./dev bench plan_speed [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time

from common import RESULTS, ROOT, build_site, machine, spread

sys.path.insert(0, str(ROOT))

# Typical people the plan is for: not yet at 120, several routes, a deadline for one.
PROFILES = {
    "typical (大专, 2 years at 1x, a deadline)": {
        "version": 2, "as_of": "2026-11-28", "birth_date": "1992-06-15",
        "education": {"level": "junior_college", "full_time": True},
        "insurance": [{"from": "2024-09", "base_multiple": 1.0}],
        "plan": {"target_date": "2027-06-30"},
    },
    "85 points, no certificate (never by time alone)": {
        "version": 2, "as_of": "2026-11-28", "birth_date": "1983-11-20",
        "education": {"level": "junior_college", "full_time": False,
                      "study_place_consistent": False},
        "insurance": [{"from": "2016-01", "base_multiple": 0.8}],
    },
    "title without the base test, married": {
        "version": 2, "as_of": "2026-11-28", "birth_date": "1988-03-02",
        "education": {"level": "bachelor", "full_time": True},
        "credentials": [{"type": "title", "level": "intermediate", "job_match": True}],
        "insurance": [{"from": "2018-04", "base_cny": "9000"}],
        "spouse": {"married_on": "2019-10-01"},
    },
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    out = RESULTS / "dist"
    build_site(out)
    stdlib = next((out / "pyodide").rglob("stdlib-*.zip"))
    wheel = next((out / "wheels").rglob("*.whl"))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(PROFILES, handle, ensure_ascii=False)
    done = subprocess.run(
        ["node", str(ROOT / "bench" / "plan_speed.mjs"), str(stdlib), str(wheel), handle.name,
         str(args.runs)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    pyodide = json.loads(done.stdout)
    import calculator

    report = {"machine": machine(), "runs": args.runs, "profiles": {}}
    print(f"{machine()}; {args.runs} calls each, after one warm-up call")
    for name, profile in PROFILES.items():
        calculator.plan(profile)
        cpython = []
        for _ in range(args.runs):
            start = time.perf_counter()
            calculator.plan(profile)
            cpython.append((time.perf_counter() - start) * 1000)
        plan_ms = pyodide[name]["plan_ms"]
        score_ms = pyodide[name]["score_ms"]
        print(f"- {name}")
        print(f"    plan in Pyodide  {spread(plan_ms, digits=1)}")
        print(f"    plan in CPython  {spread(cpython, digits=1)}")
        print(f"    score in Pyodide {spread(score_ms, digits=2)}")
        report["profiles"][name] = {
            "pyodide_plan_ms": plan_ms, "cpython_plan_ms": cpython, "pyodide_score_ms": score_ms,
            "pyodide_plan_median": statistics.median(plan_ms),
        }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "plan_speed.json").write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
