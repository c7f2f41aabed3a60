"""Build times: the real site by build.py, and a synthetic site of 1,000 Markdown pages built by
build.py and by MkDocs from the same files, alternating the two. Each build runs in a copy of the
project (its own .cache), so "cold" means an empty compression cache and the project's own
cache is never touched. MkDocs (requirements/bench.txt) is installed on first use.

    ./dev bench build_time [--runs 5] [--pages 1000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RESULTS, ROOT, machine, spread

COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", ".cache", "dist", "results", "__pycache__", "*.pyc",
    ".pytest_cache", ".ruff_cache", ".hypothesis", "test-results")
SEARCH_PAGE = "---\ntitle: 搜索\ndescription: 搜索本站。\ntemplate: search.html\n---\n\n搜索。\n"
REAL_TARGET_S = 2.0
RATIO_TARGET = 0.5


def ensure_mkdocs() -> None:
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        print("installing MkDocs for the comparison (requirements/bench.txt)", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        "-r", str(ROOT / "requirements" / "bench.txt")], check=True)


def project_copy(into: Path, pages: Path | None = None) -> Path:
    """A copy of the project's build inputs; with `pages`, those replace site_src/pages."""
    copy = into / "project"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    # the pinned wheels /batch/ ships (`./dev bench` fetches them), not a cache the build fills
    (copy / ".cache").mkdir()
    (copy / ".cache" / "site-wheels").symlink_to(ROOT / ".cache" / "site-wheels")
    if pages is not None:
        shutil.rmtree(copy / "site_src" / "pages")
        shutil.copytree(pages, copy / "site_src" / "pages")
        # build.py's page frame links the search page from every header
        (copy / "site_src" / "pages" / "search.md").write_text(SEARCH_PAGE, encoding="utf-8")
    return copy


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return seconds


# ---- the synthetic site -------------------------------------------------------------------
PARAGRAPH = ("上海市居住证积分以 120 分为标准分值。本页是构建速度测试用的合成页面，编号 {n}，"
             "内容包括标题、段落、列表、表格和代码块，篇幅与本站的普通文章相近。"
             "The same files are built by build.py and by MkDocs; only the time is compared. ")


def synthetic_page(n: int, count: int) -> str:
    nxt, prev = (n % count) + 1, ((n - 2) % count) + 1
    rows = "\n".join(f"| 指标 {n}-{i} | {i * 5} 分 | 条件说明 {i} |" for i in range(1, 9))
    sections = "\n\n".join(
        f"## 第 {s} 节：说明 {n}.{s}\n\n{PARAGRAPH.format(n=n) * 3}\n\n"
        f"- 要点一：连续缴纳社会保险满 {s * 6} 个月\n- 要点二：**加粗**与*强调*\n"
        f"- 要点三：见 [第 {nxt} 页](/p{nxt:04d}/) 与 [第 {prev} 页](/p{prev:04d}/)\n"
        for s in range(1, 5))
    return (f"---\ntitle: 合成页面 {n}\ndescription: 构建速度测试用的第 {n} 个合成页面。\n---\n\n"
            f"{PARAGRAPH.format(n=n)}\n\n{sections}\n\n"
            f"| 项目 | 分值 | 说明 |\n|---|---|---|\n{rows}\n\n"
            f"```\nprofile = score(page={n})\n```\n")


def write_synthetic(folder: Path, count: int) -> Path:
    pages = folder / "pages"
    pages.mkdir(parents=True)
    for n in range(1, count + 1):
        (pages / f"p{n:04d}.md").write_text(synthetic_page(n, count), encoding="utf-8")
    links = "\n".join(f"- [合成页面 {n}](/p{n:04d}/)" for n in range(1, count + 1))
    (pages / "index.md").write_text(
        f"---\ntitle: 合成站点\ndescription: 构建速度测试。\n---\n\n{links}\n", encoding="utf-8")
    (pages / "404.md").write_text(
        "---\ntitle: 找不到页面\ndescription: 没有这个页面。\n---\n\n没有这个页面。\n",
        encoding="utf-8")
    return pages


def mkdocs_config(folder: Path, pages: Path) -> Path:
    config = folder / "mkdocs.yml"
    config.write_text(f"site_name: synthetic\ndocs_dir: {pages}\nsite_dir: {folder / 'mk-out'}\n"
                      "theme:\n  name: mkdocs\n", encoding="utf-8")
    return config


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    if args.runs < 1 or args.pages < 1:
        parser.error("--runs and --pages must be at least 1")
    ensure_mkdocs()
    print(machine())
    python = sys.executable
    results: dict[str, list[float]] = {}

    def record(name, seconds):
        results.setdefault(name, []).append(seconds)

    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        tmp = Path(tmp)
        real = project_copy(tmp / "real")
        record("real, empty cache", timed([python, "build.py", "--out", str(tmp / "o")], real))
        for run in range(args.runs):
            record("real", timed([python, "build.py", "--out", str(tmp / "o")], real))
            record("real --no-compress",
                   timed([python, "build.py", "--out", str(tmp / "o"), "--no-compress"], real))
            print(f"real site run {run + 1}/{args.runs}", flush=True)

        pages = write_synthetic(tmp / "synthetic", args.pages)
        synthetic = project_copy(tmp / "syn", pages)
        config = mkdocs_config(tmp / "synthetic", pages)
        out = str(tmp / "syn-out")
        record("synthetic build.py, empty cache",
               timed([python, "build.py", "--out", out], synthetic))
        mkdocs = [python, "-m", "mkdocs", "build", "-q", "-f", str(config)]
        for run in range(args.runs):
            steps = [
                ("synthetic build.py", [python, "build.py", "--out", out]),
                ("synthetic build.py --no-compress", [python, "build.py", "--out", out,
                                                      "--no-compress"]),
                ("synthetic MkDocs", mkdocs),
            ]
            if run % 2:
                steps.reverse()  # alternate which side goes first
            for name, command in steps:
                cwd = tmp / "synthetic" if name.endswith("MkDocs") else synthetic
                record(name, timed(command, cwd))
            print(f"synthetic run {run + 1}/{args.runs}", flush=True)

    print(f"\nwall time of one full build, median (min–max) over {args.runs} runs")
    for name, values in results.items():
        print(f"  {name:36} {spread(values, 's', 2)}")
    real = statistics.median(results["real"])
    ours = statistics.median(results["synthetic build.py"])
    plain = statistics.median(results["synthetic build.py --no-compress"])
    theirs = statistics.median(results["synthetic MkDocs"])
    print(f"\nreal site: {real:.2f} s (target <= {REAL_TARGET_S} s: "
          f"{'met' if real <= REAL_TARGET_S else 'MISSED'})")
    print(f"{args.pages} pages: build.py / MkDocs = {ours / theirs:.2f}x "
          f"(--no-compress {plain / theirs:.2f}x); target <= {RATIO_TARGET}x: "
          f"{'met' if ours / theirs <= RATIO_TARGET else 'MISSED'}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "build_time.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
