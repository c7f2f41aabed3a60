"""Time from navigation to data-engine=ready: the calculator against a bare page that only calls
loadPyodide() on the same runtime files from the same server (with Pyodide's stock standard
library, where the calculator loads its own trimmed, byte-compiled one). Cold (new profile),
warm (second visit, same profile; on the calculator after the first visit stored its engine
memory snapshot) and offline (network off, through the service worker). Also
the bytes the server sent (as served, compressed, and the raw size of the same files) and the
main thread's long tasks while the engine loads.

    ./dev bench engine_ready [--runs 5] [--sides calculator,bare,...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from common import RESULTS, fresh_profile, fresh_site, machine, mb, serving, settle, spread
from playwright.sync_api import sync_playwright

INSTRUMENT = (Path(__file__).parent / "instrument.js").read_text(encoding="utf-8")
READY_TIMEOUT_MS = 120_000
QUIET_SECONDS = 2.0  # no request for this long after ready = the visit has settled

# name -> (URL path, context options, has a service worker, keeps the engine snapshot)
SIDES = {
    "calculator": ("/calculator/", {}, True, True),
    "bare": ("/bench-bare/", {}, False, False),
    "bare-worker": ("/bench-bare-worker/", {}, False, False),
    "calculator-no-sw": ("/calculator/", {"service_workers": "block"}, False, True),
    # the calculator with its memory snapshot deleted before each later visit
    "calculator-no-snapshot": ("/calculator/", {}, True, False),
}
SNAPSHOT_WAIT_S = 60.0
DROP_SNAPSHOT = "async () => caches.delete('engine-snapshot')"


def wait_for_engine(page):
    """Polls from outside (the page's CSP forbids the string eval wait_for_function uses); the
    time itself is taken inside the page, so the polling interval does not change it."""
    deadline = time.monotonic() + READY_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        bench = page.evaluate("() => window.__bench || null")
        if bench and (bench["ready"] is not None or bench["error"] is not None):
            return bench
        time.sleep(0.05)
    raise SystemExit(f"{page.url}: data-engine did not become ready in {READY_TIMEOUT_MS} ms")


def visit(page, server, url):
    """One navigation; returns ready time, long tasks before ready and what the server sent."""
    mark = server.mark()
    page.goto(url, wait_until="commit")
    bench = wait_for_engine(page)
    if bench["error"] is not None:
        raise SystemExit(f"{url}: the engine failed: {bench['error']}")
    sent_until_ready = server.since(mark)
    long_tasks = None
    if bench["longtasks"] is not None:
        long_tasks = [d for start, d in bench["longtasks"] if start < bench["ready"]]
    return {"ready_ms": bench["ready"], "long_tasks": long_tasks, "start": bench.get("start"),
            "sent_until_ready": sent_until_ready, "mark": mark}


def wait_for_snapshot(page):
    """A fresh calculator start stores its memory snapshot after `ready`; the next visit is
    only "warm" in the calculator's sense once that is done."""
    deadline = time.monotonic() + SNAPSHOT_WAIT_S
    while time.monotonic() < deadline:
        state = page.evaluate("() => window.__bench && window.__bench.snapshot")
        if state:
            return state
        time.sleep(0.1)
    return None


def totals(server, sent):
    return {
        "requests": len(sent),
        "served": sum(s.bytes for s in sent),
        "raw": sum(server.raw_size(s.path) for s in sent),
        "runtime_requests": sum(1 for s in sent if s.path.startswith(("/pyodide/", "/wheels/"))),
    }


def run_side(playwright, server, base, side):
    path, options, has_sw, keeps_snapshot = SIDES[side]
    url = base + path
    out = {}
    with fresh_profile(playwright, **options) as context:
        context.add_init_script(INSTRUMENT)
        page = context.pages[0] if context.pages else context.new_page()

        cold = visit(page, server, url)
        settled = settle(server, cold["mark"], QUIET_SECONDS, limit=30.0)
        out["cold"] = {"ready_ms": cold["ready_ms"], "long_tasks": cold["long_tasks"],
                       "start": cold["start"],
                       "until_ready": totals(server, cold["sent_until_ready"]),
                       "settled": totals(server, settled)}
        if side.startswith("calculator"):
            out["cold"]["snapshot"] = wait_for_snapshot(page)

        def later_visit():
            if not keeps_snapshot:
                page.evaluate(DROP_SNAPSHOT)
            return visit(page, server, url)

        warm = later_visit()
        settle(server, warm["mark"], QUIET_SECONDS, limit=30.0)
        out["warm"] = {"ready_ms": warm["ready_ms"], "long_tasks": warm["long_tasks"],
                       "start": warm["start"],
                       "until_ready": totals(server, warm["sent_until_ready"])}

        if has_sw:
            context.set_offline(True)
            try:
                offline = later_visit()
            finally:
                context.set_offline(False)
            out["offline"] = {"ready_ms": offline["ready_ms"],
                              "long_tasks": offline["long_tasks"], "start": offline["start"],
                              "until_ready": totals(server, offline["sent_until_ready"])}
    return out


def longest(tasks):
    return max(tasks) if tasks else 0.0


def report(results, sides):
    lines = []
    for visit_kind in ("cold", "warm", "offline"):
        lines.append(f"\n{visit_kind}: navigation -> data-engine=ready, median (min–max)")
        for side in sides:
            runs = [r[visit_kind] for r in results[side] if visit_kind in r]
            if not runs:
                lines.append(f"  {side:22} n/a (no service worker)")
                continue
            ready = [r["ready_ms"] for r in runs]
            tasks = [r["long_tasks"] for r in runs]
            task_text = "long tasks: not supported"
            if all(t is not None for t in tasks):
                task_text = (f"longest main-thread task {spread([longest(t) for t in tasks])}, "
                             f"tasks >50 ms {spread([len(t) for t in tasks], '')}")
            served = [r["until_ready"]["served"] for r in runs]
            raw = [r["until_ready"]["raw"] for r in runs]
            reqs = [r["until_ready"]["requests"] for r in runs]
            lines.append(f"  {side:22} {spread(ready)}; {task_text}")
            lines.append(f"  {'':22} until ready: {mb(statistics.median(served))} served, "
                         f"{mb(statistics.median(raw))} raw, "
                         f"{statistics.median(reqs):.0f} requests")
            if visit_kind == "cold":
                s = [r["settled"] for r in runs]
                lines.append(f"  {'':22} whole visit (settled): "
                             f"{mb(statistics.median([x['served'] for x in s]))} served, "
                             f"{mb(statistics.median([x['raw'] for x in s]))} raw, "
                             f"{statistics.median([x['requests'] for x in s]):.0f} requests")
    lines.append("\nratios of medians (calculator / bare main-thread loadPyodide):")
    for visit_kind in ("cold", "warm"):
        for side in sides:
            if side == "bare" or "bare" not in sides:
                continue
            mine = statistics.median(r[visit_kind]["ready_ms"] for r in results[side])
            bare = statistics.median(r[visit_kind]["ready_ms"] for r in results["bare"])
            lines.append(f"  {visit_kind:5} {side:22} {mine / bare:.2f}x  "
                         f"({mine:.0f} / {bare:.0f} ms)")
    if "calculator" in sides and "bare" in sides:
        offline = statistics.median(r["offline"]["ready_ms"] for r in results["calculator"])
        warm_bare = statistics.median(r["warm"]["ready_ms"] for r in results["bare"])
        lines.append(f"  offline calculator / warm bare {offline / warm_bare:.2f}x  "
                     f"({offline:.0f} / {warm_bare:.0f} ms)")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sides", default="calculator,bare",
                        help=f"comma-separated, from {', '.join(SIDES)}")
    args = parser.parse_args()
    sides = [s.strip() for s in args.sides.split(",") if s.strip()]
    unknown = [s for s in sides if s not in SIDES]
    if unknown:
        parser.error(f"unknown side(s) {unknown}; choose from {list(SIDES)}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    print(machine())
    dist = fresh_site()
    results = {side: [] for side in sides}
    with serving(dist) as (server, base), sync_playwright() as playwright:
        for run in range(args.runs):
            order = sides[run % len(sides):] + sides[:run % len(sides)]  # alternate who goes first
            for side in order:
                result = run_side(playwright, server, base, side)
                results[side].append(result)
                warm = result["warm"]["ready_ms"]
                offline = result.get("offline", {}).get("ready_ms")
                cold = result["cold"]["ready_ms"]
                started = "/".join(str(result[k].get("start")) for k in result
                                   if result[k].get("start"))
                print(f"run {run + 1}/{args.runs} {side:22} cold {cold:7.0f} ms"
                      f"  warm {warm:7.0f} ms"
                      + (f"  offline {offline:7.0f} ms" if offline is not None else "")
                      + (f"  (engine start {started})" if started else ""),
                      flush=True)
    text = report(results, sides)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "engine_ready.json").write_text(json.dumps(results, indent=1, default=vars))
    print(f"\nper-run data: {RESULTS / 'engine_ready.json'}; "
          f"first-visit calculator target: {mb(5e6)} served")


if __name__ == "__main__":
    main()
