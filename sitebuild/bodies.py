"""Renders every page body (page functions, then Markdown) and splits it into the sections the
search index needs. Many pages are rendered in a pool of processes, one per CPU: pages are
independent, and Python-Markdown is most of a large build's time. A dozen pages render in
this process, where starting the pool would cost more than it saves."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor

from .engine import load_engine
from .html_text import sections
from .markdown_render import body_environment, render_source
from .page_functions import PageFunctions
from .pages import Page

PARALLEL_FROM = 64  # pages; below this the pool's start-up outweighs the gain
MAX_WORKERS = 8

_context: dict = {}  # per process: the body environment and the page functions


def _prepare(functions: PageFunctions) -> None:
    _context["env"] = body_environment()
    _context["functions"] = functions.context()


def _start_worker(decisions_url: str | None, sources_url: str | None) -> None:
    _prepare(PageFunctions(load_engine(), decisions_url, sources_url))


def _render(job: tuple[str, str, int]) -> tuple[str, list[dict], list[dict]]:
    file, body, body_line = job
    html, toc = render_source(file, body, body_line, _context["env"], _context["functions"])
    return html, toc, sections(html)


def worker_count(pages: int) -> int:
    """How many processes render `pages` bodies; 0 means render them here."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    if pages < PARALLEL_FROM or cpus < 2:
        return 0
    return min(cpus, MAX_WORKERS)


def _pool_context() -> multiprocessing.context.BaseContext:
    # Forking is the cheapest start but unsafe once other threads run (the --watch server).
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def render_bodies(pages: list[Page], functions: PageFunctions, workers: int | None = None) -> None:
    """Fills page.html, page.toc and page.sections. A failing page raises its BuildError (the
    first failing page in page order, as in a serial build)."""
    jobs = [(page.file, page.body, page.body_line) for page in pages]
    workers = worker_count(len(pages)) if workers is None else workers
    if workers == 0:
        _prepare(functions)
        results = map(_render, jobs)
    else:
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=_pool_context(), initializer=_start_worker,
            initargs=(functions.decisions_url, functions.sources_url))
        chunk = max(1, len(jobs) // (workers * 4))
        try:
            results = list(pool.map(_render, jobs, chunksize=chunk))
        finally:
            pool.shutdown(cancel_futures=True)  # after a failure, skip the pages not started
    for page, (html, toc, page_sections) in zip(pages, results, strict=True):
        page.html, page.toc, page.sections = html, toc, page_sections
