"""The batch (calculator/batch) in CPython: a 100-row file read, every row scored, planned and
checked for 居转户, and the results written as CSV (and again without the plan); median and
spread of N runs, and the peak
memory of the rows' work for 100 and 400 rows (results not kept), which stays flat when
nothing accumulates from row to row. `--pyodide`: the same inside Pyodide under Node, as the
/batch/ page's worker runs it (bench/batch_speed.mjs). `--page`: the /batch/ page itself in
headless Chromium, a fresh build served as a host would: the 100-row file chosen in its file
input, until every total is shown and until every row's plan is shown.

    ./dev bench batch_speed [--runs N] [--pyodide] [--page]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile

from common import RESULTS, ROOT, build_site, fresh_profile, machine, serving, spread

sys.path.insert(0, str(ROOT))

from calculator.batch import read_file, results, to_csv

HEADER = ("姓名,出生日期,最高学历,全日制,证书类别,证书名称或职业（工种）,证书等级,证书与岗位相符,"
          "社保缴费记录,居住证持证期间")
# Ten kinds of people, as an HR file holds them: most at 120 already, some not yet (the plan's
# slowest case: time alone never brings them there), a few with problems.
KINDS = [
    "王{},1990-05-12,本科及学士学位,是,专业技术类职业资格,会计专业技术资格(中级),,是,"
    "2016-03至2022-06 0.9倍；2022-07起 25000元,2016-03至今",
    "李{},1988-02-29,大专,是,,,,,2019-07至2023-06 最低；2023-07起 60%,",
    "陈{},19930818,本科,否,技能等级证书,焊工,高级工,,2018-01起 1倍,2018-01至今",
    "周{},1985-01-01,硕士研究生,是,专业技术职称,,中级,是,2012-01起 1.5倍,2012-01至今",
    "吴{},1996-07-01,本科及学士学位,是,,,,,2021-07起 1倍,",
    "郑{},1983-11-20,大专,否,,,,,2016-01起 0.8倍,",
    "孙{},1992-06-15,大专,是,,,,,2024-09起 1倍,2024-09至今",
    "钱{},1979-03-03,博士研究生,是,,,,,2010-01起 3倍,2010-01至今",
    "冯{},1991-13-01,硕士,是,,,,,2020-07至2019-06 1倍,",
    "褚{},1994-04-04,本科,是,专业技术类职业资格,不在目录里的证书,,是,2019-01起 1.2万,",
]


def file_of(rows: int) -> bytes:
    lines = [HEADER] + [KINDS[i % len(KINDS)].format(i) for i in range(rows)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def once(data: bytes, planned: bool = True) -> tuple[float, float, float]:
    start = time.perf_counter()
    found = read_file(data, "名单.csv")
    read = time.perf_counter()
    rows = results.run(found["rows"], as_of="2026-12-01", planned=planned)
    done = time.perf_counter()
    to_csv(rows)
    written = time.perf_counter()
    return read - start, done - read, written - done


def peak(rows: int) -> int:
    """Peak traced memory while each row's result is made and dropped."""
    found = read_file(file_of(rows), "名单.csv")
    tracemalloc.start()
    for row in found["rows"]:
        results.one(row, as_of="2026-12-01")
    top = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return top


def sources() -> bytes:
    """calculator/ as the wheels hold it (the engine and the batch), zipped."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted((ROOT / "calculator").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, path.relative_to(ROOT).as_posix())
    return out.getvalue()


def in_pyodide(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        zipped, table = f"{folder}/calculator.zip", f"{folder}/名单.csv"
        with open(zipped, "wb") as handle:
            handle.write(sources())
        with open(table, "wb") as handle:
            handle.write(file_of(100))
        done = subprocess.run(["node", str(ROOT / "bench" / "batch_speed.mjs"), zipped, table,
                               str(runs)], cwd=ROOT, capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    print(f"Pyodide (Node), {runs} runs after a first one:")
    print(f"100 rows, read: {spread(found['read_ms'])}")
    print(f"100 rows, totals as the page makes them (one(planned=False, documents=True)): "
          f"{spread(found['totals_ms'])}")
    print(f"100 rows, then their plans (plan_of): {spread(found['planned_ms'])}")
    both = [a + b for a, b in zip(found["totals_ms"], found["planned_ms"], strict=True)]
    print(f"100 rows, both: {spread(both)}")
    for rows, top in found["peak"].items():
        print(f"peak memory of the rows' work in Pyodide, {rows} rows: {int(top) / 1e6:.2f} MB")
    for when, size in found["heap"].items():
        print(f"Pyodide's WebAssembly memory {when}: {size / 1e6:.1f} MB")


# performance.now() in the page: the file chosen; every row's total in the table; every row's
# plan in the table too (no 计算中… left) with the page done (data-state="done").
WATCH = """
(count) => {
  const root = document.getElementById("batch");
  const body = document.querySelector("#batch-table tbody");
  const times = { chosen: null, totals: null, done: null };
  window.__batchTimes = times;
  document.getElementById("batch-file").addEventListener("change", () => {
    times.chosen = performance.now();
  }, { capture: true });
  new MutationObserver(() => {
    const now = performance.now();
    if (times.chosen === null || body.rows.length !== count) return;
    if (times.totals === null) times.totals = now;
    if (times.done === null && root.dataset.state === "done"
        && !body.textContent.includes("计算中")) times.done = now;
  }).observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
}
"""


def on_page(runs: int) -> None:
    from playwright.sync_api import sync_playwright

    out = RESULTS / "dist"
    build_site(out)
    data = file_of(100)
    small = file_of(3)
    totals, done = [], []
    with serving(out) as (_server, base), sync_playwright() as playwright:
        for _ in range(runs):
            with fresh_profile(playwright) as context:
                page = context.pages[0] if context.pages else context.new_page()
                page.goto(base + "/batch/")
                chooser = page.locator("#batch-file")
                # the engine started by a first small file, as a person's first try would
                chooser.set_input_files({"name": "试.csv", "mimeType": "text/csv",
                                         "buffer": small})
                page.wait_for_selector("#batch[data-state=done]", timeout=180_000)
                page.evaluate(WATCH, 100)
                chooser.set_input_files({"name": "名单.csv", "mimeType": "text/csv",
                                         "buffer": data})
                page.wait_for_function("() => window.__batchTimes.done !== null",
                                       timeout=180_000)
                times = page.evaluate("() => window.__batchTimes")
                shown = page.locator("#batch-table tbody tr").count()
                if shown != 100:
                    sys.exit(f"the table shows {shown} rows, not 100")
                totals.append(times["totals"] - times["chosen"])
                done.append(times["done"] - times["chosen"])
    print(f"/batch/ in Chromium, {runs} runs, engine started by a 3-row file first:")
    print(f"100 rows, file chosen -> every total shown: {spread(totals)}")
    print(f"100 rows, file chosen -> every row's plan shown: {spread(done)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pyodide", action="store_true",
                        help="also inside Pyodide under Node (bench/batch_speed.mjs)")
    parser.add_argument("--page", action="store_true",
                        help="also the /batch/ page in headless Chromium (builds the site)")
    args = parser.parse_args()
    data = file_of(100)
    once(data)  # the rules and catalogues load once, as in a page's worker
    times = [once(data) for _ in range(args.runs)]
    print(machine())
    for name, values in zip(("read", "score+plan+hukou", "write CSV"), zip(*times, strict=True),
                            strict=True):
        ms = [v * 1000 for v in values]
        print(f"100 rows, {name}: {spread(ms)}")
    print(f"100 rows, total: {spread([sum(t) * 1000 for t in times])}")
    quick = [sum(once(data, planned=False)) * 1000 for _ in range(args.runs)]
    print(f"100 rows without the plan (planned=False), total: {spread(quick)}")
    for rows in (100, 400):
        print(f"peak memory of the rows' work, {rows} rows: {peak(rows) / 1e6:.2f} MB")
    if args.pyodide:
        in_pyodide(args.runs)
    if args.page:
        on_page(args.runs)


if __name__ == "__main__":
    main()
