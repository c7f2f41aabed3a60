"""Command line: `python build.py [--out DIR] [--base-url URL] [--serve [--port N] [--watch]]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BuildError
from .paths import ROOT


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the static site.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (dist)")
    parser.add_argument("--base-url", help="public base URL (overrides site.toml)")
    parser.add_argument("--serve", action="store_true", help="serve the build on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="port for --serve (default 8000)")
    parser.add_argument("--watch", action="store_true", help="with --serve: rebuild on change")
    parser.add_argument("--no-compress", action="store_true", help="skip the .br/.gz copies")
    args = parser.parse_args(argv)
    if args.watch and not args.serve:
        parser.error("--watch needs --serve")
    return args


def run_build(args: argparse.Namespace) -> bool:
    from .pipeline import build

    try:
        report = build(args.out, base_url=args.base_url, compress=not args.no_compress)
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr, flush=True)
        return False
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    print(report.summary(), flush=True)
    return True


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ok = run_build(args)
    if not args.serve:
        return 0 if ok else 1
    if not ok and not args.watch:
        return 1
    from .serve import serve

    serve(args, rebuild=lambda: run_build(args))
    return 0
