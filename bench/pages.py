"""Bytes and requests of every page other than the calculator on a first visit (new browser
profile), as the server sent them (compressed) and raw; and whether any of them asked for the
runtime (/pyodide/, /wheels/) before its load event. "page" = everything sent until the load
event; "with offline copy" adds what the service worker fetches in the background after it:
the site's pages and assets for offline reading, and, once the page is idle, the calculator's
engine (the warm-up of site.js, counted apart as "warm-up"; never with save-data or on 2G,
which `--save-data` emulates).

    ./dev bench pages [--runs 5] [--save-data]
"""

from __future__ import annotations

import argparse
import json
import statistics

from common import RESULTS, fresh_profile, fresh_site, kb, machine, serving, settle, spread
from playwright.sync_api import sync_playwright

LIMIT_BYTES = 60_000  # decimal, as the target is written
QUIET_SECONDS = 1.5
SKIP = {"/calculator/"}
RUNTIME = ("/pyodide/", "/wheels/")
SAVE_DATA = """Object.defineProperty(Navigator.prototype, "connection", {
  configurable: true,
  get() { return { saveData: true, effectiveType: "4g", addEventListener() {} }; },
});"""


def page_urls(dist) -> list[str]:
    urls = []
    for index in sorted(dist.rglob("index.html")):
        rel = index.parent.relative_to(dist).as_posix()
        url = "/" if rel == "." else f"/{rel}/"
        if not url.startswith("/bench-") and url not in SKIP:
            urls.append(url)
    return [*urls, "/404.html"]


def first_visit(playwright, server, base, url, save_data=False):
    with fresh_profile(playwright) as context:
        if save_data:
            context.add_init_script(SAVE_DATA)
        page = context.pages[0] if context.pages else context.new_page()
        mark = server.mark()
        page.goto(base + url, wait_until="load")
        until_load = server.since(mark)
        settled = settle(server, mark, QUIET_SECONDS, limit=30.0, poll=0.1)

    def sums(sent):
        return {"requests": len(sent), "served": sum(s.bytes for s in sent),
                "raw": sum(server.raw_size(s.path) for s in sent),
                "runtime": sorted({s.path for s in sent if s.path.startswith(RUNTIME)})}

    copy = [s for s in settled if not s.path.startswith(RUNTIME)]
    warm = [s for s in settled if s.path.startswith(RUNTIME)]
    return {"page": sums(until_load), "settled": sums(copy), "warm_up": sums(warm)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--save-data", action="store_true",
                        help="visit with navigator.connection.saveData = true")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    print(machine())
    dist = fresh_site()
    urls = page_urls(dist)
    results = {url: [] for url in urls}
    with serving(dist) as (server, base), sync_playwright() as playwright:
        for run in range(args.runs):
            for url in urls:
                results[url].append(first_visit(playwright, server, base, url, args.save_data))
            print(f"run {run + 1}/{args.runs} done", flush=True)

    print(f"\nfirst visit{' with save-data' if args.save_data else ''}, median (min–max) over "
          f"{args.runs} runs; limit {kb(LIMIT_BYTES)} served until load")
    print(f"{'page':28} {'served until load':>26} {'raw':>10} {'req':>4}   "
          f"{'with offline copy':>26} {'req':>4}  {'idle warm-up':>10}  runtime before load?")
    worst, misses = 0, []
    for url in urls:
        runs = results[url]
        served = [r["page"]["served"] / 1000 for r in runs]
        settled = [r["settled"]["served"] / 1000 for r in runs]
        warm = [r["warm_up"]["served"] / 1e6 for r in runs]
        early = sorted({p for r in runs for p in r["page"]["runtime"]})
        worst = max(worst, max(served))
        if max(served) * 1000 > LIMIT_BYTES or early:
            misses.append(url)
        print(f"{url:28} {spread(served, 'kB', 1):>26} "
              f"{statistics.median(r['page']['raw'] for r in runs) / 1000:>7.1f} kB "
              f"{statistics.median(r['page']['requests'] for r in runs):>4.0f}   "
              f"{spread(settled, 'kB', 1):>26} "
              f"{statistics.median(r['settled']['requests'] for r in runs):>4.0f}  "
              f"{statistics.median(warm):>7.2f} MB  "
              f"{'YES ' + ', '.join(early) if early else 'no'}")
    print(f"\nheaviest page until load: {worst:.1f} kB served; "
          + ("all within the limit, no runtime request before load" if not misses
             else f"over the limit or fetching the runtime while loading: {', '.join(misses)}"))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "pages.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
