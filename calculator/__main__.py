"""Command line: python -m calculator score|plan|hukou FILE|- [--explain] [--as-of YYYY-MM-DD]
[--target YYYY-MM-DD]; python -m calculator batch FILE|--template (calculator/batch/cli.py)"""

from __future__ import annotations

import argparse
import json
import os
import sys

from .engine import score
from .errors import ValidationError
from .explain import explain_plan, explain_result
from .hukou import hukou
from .hukou_explain import explain_hukou
from .planner import plan

EXIT_INVALID = 2


def _read(path: str):
    if path == "-":
        return json.loads(sys.stdin.read())
    with open(path, encoding="utf-8") as handle:
        return json.loads(handle.read())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["batch"]:  # many people at once: its own options
        from .batch.cli import main as batch_main

        return batch_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m calculator",
        description="上海市居住证积分计算 / Shanghai residence-permit points",
    )
    parser.add_argument("command", choices=["score", "plan", "hukou", "batch"])
    parser.add_argument("file", help="profile JSON file, or - for standard input")
    parser.add_argument("--explain", action="store_true", help="readable Chinese breakdown")
    parser.add_argument("--as-of", help="evaluation date YYYY-MM-DD (overrides the profile)")
    parser.add_argument("--target", help="plan: the date 120 is needed by, YYYY-MM-DD")
    args = parser.parse_args(argv)
    try:
        profile = _read(args.file)
    except OSError as error:
        print(f"cannot read {args.file}: {error.strerror} / 无法读取文件", file=sys.stderr)
        return EXIT_INVALID
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        print(f"{args.file} is not valid JSON: {error} / 不是有效的 JSON", file=sys.stderr)
        return EXIT_INVALID
    if args.as_of and isinstance(profile, dict):
        profile["as_of"] = args.as_of
    try:
        if args.command == "hukou":
            result = hukou(profile)
        else:
            result = score(profile) if args.command == "score" else plan(profile, args.target)
    except ValidationError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    if args.explain:
        explain = {"score": explain_result, "plan": explain_plan, "hukou": explain_hukou}
        print(explain[args.command](result))
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def run() -> int:
    try:
        return main()
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(run())
