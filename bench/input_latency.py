"""Time from a changed input to the updated total on the calculator page, measured inside the
page: performance.now() when the field's change event is dispatched, and again when a
MutationObserver sees #total's text change. The field is the education level, switched
between two levels worth different points, so every change must give a new total.

    ./dev bench input_latency [--runs 5] [--changes 20]
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import time

from common import RESULTS, fresh_profile, fresh_site, machine, serving, spread
from playwright.sync_api import sync_playwright

PROFILE = {
    "birth_date": "1992-03-15",
    "education": {"level": "bachelor"},
    "insurance": [{"from": "2021-01", "base_multiple": 0.7}],
}
FIELD = "education.level"
VALUES = ("master", "bachelor")
PAUSE_MS = 400  # lets the follow-up plan request finish, so each change is measured alone
TARGET_MS = 16

MEASURE = """
async ({name, values, pause}) => {
  const control = document.querySelector(`#calculator [name="${name}"]`);
  const total = document.getElementById("total");
  const times = [];
  for (const value of values) {
    const before = total.textContent;
    const elapsed = await new Promise((resolve, reject) => {
      const stuck = () => reject(new Error(`#total stayed ${before} after ${name}=${value}`));
      const timer = setTimeout(stuck, 10000);
      const observer = new MutationObserver(() => {
        if (total.textContent !== before) {
          const end = performance.now();
          observer.disconnect();
          clearTimeout(timer);
          resolve(end - start);
        }
      });
      observer.observe(total, { childList: true, characterData: true, subtree: true });
      const start = performance.now();
      control.value = value;
      control.dispatchEvent(new Event("change", { bubbles: true }));
    });
    times.push(elapsed);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return times;
}
"""


def share_hash(profile: dict) -> str:
    raw = json.dumps(profile, ensure_ascii=False).encode("utf-8")
    return "#profile=" + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def wait_for_total(page, timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = page.evaluate("() => [document.getElementById('calculator')?.dataset.engine,"
                              " document.getElementById('total')?.textContent.trim()]")
        if state[0] == "error":
            raise SystemExit("the engine failed to start")
        if state[0] == "ready" and state[1] and state[1][0].isdigit():
            return state[1]
        time.sleep(0.05)
    raise SystemExit("no total within the time limit")


def one_run(playwright, base, changes):
    with fresh_profile(playwright) as context:
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(base + "/calculator/" + share_hash(PROFILE))
        wait_for_total(page)
        page.wait_for_timeout(PAUSE_MS)
        values = [VALUES[i % 2] for i in range(changes)]
        return page.evaluate(MEASURE, {"name": FIELD, "values": values, "pause": PAUSE_MS})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--changes", type=int, default=20)
    args = parser.parse_args()
    if args.runs < 1 or args.changes < 1:
        parser.error("--runs and --changes must be at least 1")
    print(machine())
    dist = fresh_site()
    per_run = []
    with serving(dist) as (_server, base), sync_playwright() as playwright:
        for run in range(args.runs):
            times = one_run(playwright, base, args.changes)
            per_run.append(times)
            print(f"run {run + 1}/{args.runs}: median {statistics.median(times):.1f} ms, "
                  f"min {min(times):.1f}, max {max(times):.1f}", flush=True)
    every = [t for times in per_run for t in times]
    medians = [statistics.median(times) for times in per_run]
    print(f"\ninput change -> updated #total ({args.runs} runs x {args.changes} changes)")
    print(f"  all changes:     {spread(every, 'ms', 1)}")
    print(f"  per-run medians: {spread(medians, 'ms', 1)}")
    print(f"  target median <= {TARGET_MS} ms: "
          + ("met" if statistics.median(every) <= TARGET_MS else "MISSED"))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "input_latency.json").write_text(json.dumps(per_run, indent=1))


if __name__ == "__main__":
    main()
