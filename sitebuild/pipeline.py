"""The build as a pipeline of named, timed steps: read -> engine -> wheel -> stdlib -> bodies ->
index -> assets -> templates -> runtime -> site files -> links -> service worker -> write."""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import batch, catalogue, site_files
from .assets import Assets, read_static
from .bodies import render_bodies
from .compress import compressed_variants
from .config import read_package_info, read_site_config
from .engine import load_engine, stale_yardstick_warning
from .hashing import sha256_hex
from .icons import icon_files
from .link_check import check_links
from .output import OutputTree, atomic_write
from .page_functions import PageFunctions
from .pages import Page, read_pages
from .paths import STATIC
from .runtime import pyodide_version, runtime_files
from .search_index import build_index
from .stdlib import build_stdlib
from .templates import render_pages, template_environment
from .vendor import minisearch_module, vendored_modules
from .wheel import batch_wheel_output_path, build_batch_wheel, build_wheel, wheel_output_path


@dataclass
class Report:
    out: Path
    steps: list[tuple[str, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    files: int = 0
    total_bytes: int = 0
    seconds: float = 0.0

    @contextmanager
    def step(self, name: str):
        start = time.perf_counter()
        yield
        self.steps.append((name, time.perf_counter() - start))

    def summary(self) -> str:
        steps = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in self.steps)
        notes = "".join(note + "\n" for note in self.notes)
        return (
            f"steps: {steps}\n"
            f"{notes}"
            f"wrote {self.pages} pages, {self.files} files, {self.total_bytes / 1e6:.1f} MB raw "
            f"to {self.out} in {self.seconds:.2f} s"
        )


def _page_calling(pages: list[Page], function: str) -> str | None:
    for page in pages:
        if f"{function}(" in page.body:
            return page.url
    return None


def _output_version(tree: OutputTree) -> str:
    parts = [f"{path}:{sha256_hex(tree.bytes_of(path))}" for path in sorted(tree.paths())]
    return sha256_hex("\n".join(parts).encode())[:16]


def _download_bytes(files: dict[str, bytes], compress: bool) -> int:
    """What the engine's files weigh on the wire: the brotli copies a host serves when the
    build writes them (the compression cache makes this cheap), else the files themselves."""
    total = 0
    for path, data in files.items():
        variants = dict(compressed_variants(path, data)) if compress else {}
        total += len(variants.get(".br", data))
    return total


def build(out: Path, base_url: str | None = None, compress: bool = True) -> Report:
    report = Report(out)
    started = time.perf_counter()

    with report.step("read"):
        config = read_site_config(base_url=base_url)
        package = read_package_info()
        pages = read_pages()

    with report.step("engine"):
        engine = load_engine()
        # the day in Shanghai, as the engine counts it (the build machine's own date may differ)
        today = engine.dates.today_in_shanghai()
        stale = stale_yardstick_warning(engine.rules, today)
        if stale:
            report.warnings.append(stale)

    with report.step("wheel"):
        wheel = build_wheel(package)
        wheel_path = wheel_output_path(package, wheel)
        # calculator/batch/, loaded beside the engine on /batch/ only
        batch_wheel = build_batch_wheel(package)
        batch_wheel_path = batch_wheel_output_path(package, batch_wheel)

    with report.step("stdlib"):
        stdlib = build_stdlib(wheel)
        # /batch/ only: fetched there, never by the calculator
        batch_wheels = batch.xlsx_wheels()
        batch_stdlib_path, batch_stdlib = batch.trimmed_stdlib(wheel, batch_wheel, batch_wheels)
        for path, made in ((stdlib.path, stdlib), (batch_stdlib_path, batch_stdlib)):
            brotli_size = None
            if compress:  # the write step reads these from the compression cache
                variants = dict(compressed_variants(path, made.file.read_bytes()))
                brotli_size = len(variants[".br"]) if ".br" in variants else None
            report.notes.append(made.summary(brotli_size, path))

    with report.step("bodies"):
        functions = PageFunctions(
            engine, _page_calling(pages, "decisions_list"), _page_calling(pages, "sources_list")
        )
        render_bodies(pages, functions)

    with report.step("index"):
        skills = catalogue.skill_rows(engine.skills)
        qualifications = catalogue.qualification_rows(engine.qualifications)
        index = build_index(pages, skills, qualifications)

    with report.step("assets"):
        assets = Assets()
        vendored = vendored_modules()  # loaded by the page only when asked for
        read_static(assets, vendored=vendored)
        for name, data in icon_files().items():
            assets.add(name, data)
        assets.add("js/minisearch.js", minisearch_module())
        assets.add("search-index.json", index)

    with report.step("templates"):
        tree = OutputTree()
        pyodide_url = f"/pyodide/{pyodide_version()}/"
        common = {
            "site": config,
            "rules_version": engine.rules_version,
            "last_checked": engine.last_checked,
            "build_date": today.isoformat(),
            "asset": lambda name: assets.url(name, "site_src/templates"),
            "pyodide_index_url": pyodide_url,
            "wheel_url": "/" + wheel_path,
            "stdlib_url": "/" + stdlib.path,
            "runtime_bytes": len(wheel) + stdlib.size
            + sum(f.stat().st_size for f in runtime_files().values()),
            "download_bytes": _download_bytes(
                {wheel_path: wheel, stdlib.path: stdlib.file.read_bytes(),
                 **{path: f.read_bytes() for path, f in runtime_files().items()}},
                compress,
            ),
            "skills": skills,
            "qualifications": qualifications,
            "batch": {"stdlib_url": "/" + batch_stdlib_path,
                      "wheel_url": "/" + batch_wheel_path,
                      "wheels": ["/" + path for path in batch_wheels]},
            "csp": site_files.CSP,
            "service_worker": (STATIC / "sw.js").is_file(),
            **functions.context(),
        }
        html = render_pages(pages, template_environment(), common,
                            lambda page: {"canonical": config.base_url + page.url})
        for path, data in html.items():
            tree.add(path, data)
        for path, data in assets.files.items():
            tree.add(path, data)
        tree.add(wheel_path, wheel)
        tree.add(batch_wheel_path, batch_wheel)
        for path, data in {**batch_wheels, **batch.template_files()}.items():
            tree.add(path, data)
        tree.copy(batch_stdlib_path, batch_stdlib.file)

    with report.step("runtime"):
        for path, source in runtime_files().items():
            tree.copy(path, source)
        tree.copy(stdlib.path, stdlib.file)

    with report.step("site files"):
        page_urls = [p.url for p in pages]
        tree.add("sitemap.xml", site_files.sitemap(config, page_urls))
        tree.add("robots.txt", site_files.robots(config))
        tree.add("manifest.webmanifest", site_files.manifest(config, assets))
        immutable = [*assets.files, wheel_path, *runtime_files(), stdlib.path]
        # /batch/'s engine files: named by their content, kept by the service worker only
        # once /batch/ loads them or asks for them
        batch_files = [batch_wheel_path, *batch_wheels, batch_stdlib_path]
        tree.add("_headers", site_files.headers_file(page_urls, [*immutable, *batch_files],
                                                     immutable_files=batch_files))

    with report.step("links"):
        check_links(html, tree.paths(), {p.output: p.file for p in pages})

    with report.step("service worker"):
        # A vendored module (the QR code library) is fetched when a person asks for what it
        # does, and kept by the service worker then, not downloaded with the offline copy.
        on_demand = {assets.urls[name] for name in vendored}
        precache = [*page_urls, *("/" + p for p in immutable if "/" + p not in on_demand),
                    *("/" + p for p in batch.template_files()), "/manifest.webmanifest"]
        worker = site_files.service_worker(_output_version(tree), sorted(precache),
                                           sorted("/" + p for p in batch_files))
        if worker is not None:
            tree.add("sw.js", worker)

    with report.step("write"):
        atomic_write(tree, out, compress=compress)

    report.pages = len(pages)
    report.files = len(tree.paths())
    report.total_bytes = tree.total_bytes()
    report.seconds = time.perf_counter() - started
    return report
