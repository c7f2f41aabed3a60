"""python -m calculator batch FILE [--json | --xlsx] [--as-of DAY] [--out FILE]: one result per
row of a filled template (CSV, .xlsx) or JSON Lines file; python -m calculator batch --template
[--xlsx] [--out FILE]: the template. Exit status 0 when the file was read (rows with problems
carry them), 2 with one message when it was not."""

from __future__ import annotations

import argparse
import sys

from ..parse import Unreadable, read_date
from . import check_file, template_csv, template_xlsx, to_csv, to_jsonl, to_xlsx
from .limits import limit

EXIT_UNREADABLE = 2


def _write(data: bytes, out: str | None) -> int:
    if out:
        with open(out, "wb") as handle:
            handle.write(data)
        return 0
    if data[:2] == b"PK" and sys.stdout.isatty():
        print("不把 .xlsx 写到终端：请用 --out 文件名，或重定向到文件。", file=sys.stderr)
        return EXIT_UNREADABLE
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m calculator batch",
        description="多人批量计算：读取填好的模板（CSV、.xlsx）或 JSON Lines，每人输出一行结果",
    )
    parser.add_argument("file", nargs="?", help="the filled template (.csv, .xlsx) or .jsonl")
    parser.add_argument("--template", action="store_true", help="write the empty template")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--json", action="store_true", help="results as JSON Lines")
    kind.add_argument("--xlsx", action="store_true", help=".xlsx instead of CSV")
    parser.add_argument("--as-of", help="evaluation date for every row, YYYY-MM-DD")
    parser.add_argument("--out", help="write to this file instead of standard output")
    args = parser.parse_args(argv)
    if args.template:
        if args.json:
            parser.error("--template writes CSV or, with --xlsx, .xlsx")
        return _write(template_xlsx() if args.xlsx else template_csv(), args.out)
    if not args.file:
        parser.error("give the FILE to read, or --template")
    as_of = None
    if args.as_of:
        try:
            as_of = read_date(args.as_of).isoformat()
        except Unreadable as error:
            print(f"--as-of：{error.reason}", file=sys.stderr)
            return EXIT_UNREADABLE
    most = limit("file_bytes_max") + 1  # enough to tell that a file is too big
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read(most)
        else:
            with open(args.file, "rb") as handle:
                data = handle.read(most)
    except OSError as error:
        print(f"无法读取文件 {args.file}：{error.strerror}", file=sys.stderr)
        return EXIT_UNREADABLE
    found = check_file(data, args.file, as_of)
    if "error" in found:
        print(f"{args.file}：{found['error']}", file=sys.stderr)
        return EXIT_UNREADABLE
    for note in found["notes"]:
        print(f"{args.file}：{note}", file=sys.stderr)
    results = found["results"]
    if args.json:
        return _write(to_jsonl(results).encode("utf-8"), args.out)
    return _write(to_xlsx(results) if args.xlsx else to_csv(results), args.out)
