"""Time from navigation to data-engine=ready: the calculator against a bare page that only calls
loadPyodide() on the same runtime files from the same server (with Pyodide's stock standard
library, where the calculator loads its own trimmed, byte-compiled one). Cold (new profile),
warm (second visit, same profile; on the calculator after the first visit stored its engine
memory snapshot) and offline (network off, through the service worker). Also
the bytes the server sent (as served, compressed, and the raw size of the same files) and the
main thread's long tasks while the engine loads.

On a slow link (9 Mbit/s down, 150 ms per request, applied by the bench's own server to every
request: the page's, the engine worker's and the service worker's), a first visit that goes
straight to the calculator against one that reads the home page first, where the engine's
files are warmed into the service worker's cache once the page is idle (site.js), and then
goes to the calculator: `throttled-direct`, `throttled-via-home` (waits until the warm-up is
done) and `throttled-via-home-5s` (goes on after 5 s on the home page, warm-up or not).

    ./dev bench engine_ready [--runs 5] [--sides calculator,bare,...]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path

from common import (
    RESULTS,
    Link,
    fresh_profile,
    fresh_site,
    machine,
    mb,
    serving,
    settle,
    spread,
)
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

# A first visit on a slow link: name -> seconds on the home page first (None: not at all;
# "warm": until the engine's files are in the service worker's cache).
THROTTLED = {
    "throttled-direct": None,
    "throttled-via-home": "warm",
    "throttled-via-home-5s": 5.0,
}
SLOW_LINK = Link(down_bps=9e6, rtt=0.150)
WARM_WAIT_S = 120.0
CACHED = """async (paths) => {
  for (const name of await caches.keys()) {
    if (!name.startsWith("sh-points-")) continue;
    const cache = await caches.open(name);
    if ((await Promise.all(paths.map((p) => cache.match(p)))).every(Boolean)) return true;
  }
  return false;
}"""


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
    """One navigation; returns ready time, long tasks before ready and what the server sent
    until then: the requests that reached it before the moment the page became ready (the
    page's clock starts at navigation, taken here as the moment goto() was called; polling
    for ready lags, and the calculator asks for its offline copy as soon as it is idle)."""
    mark = server.mark()
    asked = time.monotonic()
    page.goto(url, wait_until="commit")
    bench = wait_for_engine(page)
    if bench["error"] is not None:
        raise SystemExit(f"{url}: the engine failed: {bench['error']}")
    ready_at = asked + bench["ready"] / 1000
    sent_until_ready = [s for s in server.since(mark) if s.at <= ready_at]
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


def runtime_paths(dist: Path) -> list[str]:
    """The files the calculator's engine loads, as its page names them."""
    html = (dist / "calculator" / "index.html").read_text(encoding="utf-8")
    attr = {name: re.search(rf'data-{name}="([^"]+)"', html).group(1)
            for name in ("pyodide", "wheel", "stdlib")}
    base = attr["pyodide"]
    return [base + "pyodide.mjs", base + "pyodide.asm.mjs", base + "pyodide.asm.wasm",
            base + "pyodide-lock.json", attr["stdlib"], attr["wheel"]]


def run_throttled(playwright, server, base, side, paths):
    """A first visit (new profile) on the slow link, straight to the calculator or by way of
    the home page. Times: ms from the calculator's navigation to ready; for the home page, ms
    from its navigation until the warm-up was complete (or until the person went on)."""
    dwell = THROTTLED[side]
    out = {}
    first_transfer = len(server.transfers)
    server.throttle(SLOW_LINK)
    try:
        with fresh_profile(playwright) as context:
            context.add_init_script(INSTRUMENT)
            page = context.pages[0] if context.pages else context.new_page()
            if dwell is not None:
                mark = server.mark()
                started = time.monotonic()
                page.goto(base + "/", wait_until="load")
                if dwell == "warm":
                    deadline = started + WARM_WAIT_S
                    while not page.evaluate(CACHED, paths):
                        if time.monotonic() > deadline:
                            raise SystemExit("the home page never warmed the engine's files")
                        time.sleep(0.1)
                else:
                    time.sleep(max(0.0, started + dwell - time.monotonic()))
                out["home_ms"] = (time.monotonic() - started) * 1000
                out["home"] = totals(server, server.since(mark))
                out["warmed"] = page.evaluate(CACHED, paths)
            calc = visit(page, server, base + "/calculator/")
            out.update({"ready_ms": calc["ready_ms"], "long_tasks": calc["long_tasks"],
                        "start": calc["start"],
                        "until_ready": totals(server, calc["sent_until_ready"])})
            # the engine's biggest file, as the server sent it: proof the link slowed it too
            wasm = [t for t in server.transfers[first_transfer:]
                    if t.path.endswith("pyodide.asm.wasm")]
            if wasm:
                out["wasm_seconds"] = max(t.seconds for t in wasm)
                out["wasm_bytes"] = max(t.bytes for t in wasm)
    finally:
        server.throttle(None)
    return out


def report_throttled(results, sides):
    lines = [f"\nfirst visit on a slow link ({SLOW_LINK.describe()}, every request):"]
    for side in sides:
        runs = results[side]
        ready = [r["ready_ms"] for r in runs]
        served = statistics.median(r["until_ready"]["served"] for r in runs)
        runtime = statistics.median(r["until_ready"]["runtime_requests"] for r in runs)
        lines.append(f"  {side:24} calculator navigation -> ready {spread(ready)}; "
                     f"sent {mb(served)} meanwhile ({runtime:.0f} runtime requests)")
        if "home_ms" in runs[0]:
            home = [r["home_ms"] for r in runs]
            total = [r["home_ms"] + r["ready_ms"] for r in runs]
            warmed = sum(1 for r in runs if r["warmed"])
            lines.append(f"  {'':24} on the home page {spread(home)} "
                         f"({mb(statistics.median(r['home']['served'] for r in runs))} sent; "
                         f"warm-up complete in {warmed}/{len(runs)}); "
                         f"home + calculator {spread(total)}")
        wasm = [r for r in runs if "wasm_seconds" in r]
        if wasm:
            rate = statistics.median(r["wasm_bytes"] * 8 / r["wasm_seconds"] / 1e6 for r in wasm)
            lines.append(f"  {'':24} pyodide.asm.wasm went out at {rate:.1f} Mbit/s "
                         f"({spread([r['wasm_seconds'] * 1000 for r in wasm])} for "
                         f"{mb(statistics.median(r['wasm_bytes'] for r in wasm))}; fetched by the "
                         f"{'service worker' if 'home_ms' in runs[0] else 'engine worker'})")
    if "throttled-direct" in sides:
        direct = statistics.median(r["ready_ms"] for r in results["throttled-direct"])
        for side in sides:
            if side != "throttled-direct":
                mine = statistics.median(r["ready_ms"] for r in results[side])
                lines.append(f"  ratio {side} / throttled-direct: {mine / direct:.2f}x "
                             f"({mine:.0f} / {direct:.0f} ms)")
    return "\n".join(lines)


def longest(tasks):
    return max(tasks) if tasks else 0.0


def report(results, sides):
    lines = []
    if not sides:
        return ""
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
                        help=f"comma-separated, from {', '.join([*SIDES, *THROTTLED])}")
    args = parser.parse_args()
    chosen = [s.strip() for s in args.sides.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SIDES and s not in THROTTLED]
    if unknown:
        parser.error(f"unknown side(s) {unknown}; choose from {[*SIDES, *THROTTLED]}")
    sides = [s for s in chosen if s in SIDES]
    slow = [s for s in chosen if s in THROTTLED]
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    print(machine())
    dist = fresh_site()
    paths = runtime_paths(dist)
    results = {side: [] for side in chosen}
    with serving(dist) as (server, base), sync_playwright() as playwright:
        for run in range(args.runs):
            order = sides[run % len(sides):] + sides[:run % len(sides)] if sides else []
            for side in (slow[run % len(slow):] + slow[:run % len(slow)]) if slow else []:
                result = run_throttled(playwright, server, base, side, paths)
                results[side].append(result)
                home = f"  home {result['home_ms']:7.0f} ms" if "home_ms" in result else ""
                print(f"run {run + 1}/{args.runs} {side:22} ready {result['ready_ms']:7.0f} ms"
                      f"{home}  (engine start {result.get('start')})", flush=True)
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
    if slow:
        text += "\n" + report_throttled(results, slow)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "engine_ready.json").write_text(json.dumps(results, indent=1, default=vars))
    print(f"\nper-run data: {RESULTS / 'engine_ready.json'}; "
          f"first-visit calculator target: {mb(5e6)} served")


if __name__ == "__main__":
    main()
