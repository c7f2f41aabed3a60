"""The batch (calculator/batch) in CPython: a 100-row file read, every row scored, planned and
checked for 居转户, and the results written as CSV (and again without the plan); median and
spread of N runs, and the peak
memory of the rows' work for 100 and 400 rows (results not kept), which stays flat when
nothing accumulates from row to row.

    ./dev bench batch_speed [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc

from common import ROOT, machine, spread

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
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


if __name__ == "__main__":
    main()
