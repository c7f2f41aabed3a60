"""/batch/'s standard library (sitebuild/batch.py, made by sitebuild/stdlib.mjs): Pyodide's
python_stdlib.zip trimmed to what the engine, the batch and openpyxl import, byte-compiled, at a
content-named path that /batch/ and the service worker name and the calculator never loads.
The build itself runs the batch on it inside Pyodide (files of every kind, openpyxl reading and
writing .xlsx) and fails when a module is missing; tests/browser/test_batch.py and
test_batch_offline.py run the page on it."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STOCK = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
URL = re.compile(r'data-stdlib="(/batch/(?P<hash>[0-9a-f]{12})/stdlib\.zip)"')
# What reading and writing a file needs beyond the engine: csv, and openpyxl's zip and XML.
BATCH_IMPORTS = [
    "csv.pyc", "zipfile/__init__.pyc", "xml/etree/ElementTree.pyc", "encodings/gb18030.pyc",
    "fractions.pyc", "tomllib/__init__.pyc",
]


@pytest.fixture(scope="module")
def stdlib_url(site_dir) -> str:
    html = (site_dir / "batch" / "index.html").read_text(encoding="utf-8")
    found = URL.search(html)
    assert found, "the /batch/ page names no archive of its own"
    data = (site_dir / found[1].lstrip("/")).read_bytes()
    assert hashlib.sha256(data).hexdigest()[:12] == found["hash"]
    return found[1]


def test_the_batch_archive_is_compiled_and_a_selection(site_dir, stdlib_url):
    with zipfile.ZipFile(site_dir / stdlib_url.lstrip("/")) as archive:
        names = archive.namelist()
    ours = set(names)
    for name in BATCH_IMPORTS:
        assert name in ours, name
    sources = [n for n in names if n.endswith(".py")]
    assert sources and all(n.startswith("encodings/") for n in sources), sources
    with zipfile.ZipFile(STOCK) as stock:
        stock_modules = [n for n in stock.namelist() if n.endswith(".py")]
    compiled = [n for n in names if n.endswith(".pyc")]
    assert 100 < len(compiled) < len(stock_modules) / 2
    for unused in ("unittest/__init__.pyc", "pydoc.pyc", "doctest.pyc", "argparse.pyc"):
        assert unused not in ours


def test_only_batch_names_it_and_the_service_worker_keeps_it_apart(site_dir, stdlib_url):
    calculator = (site_dir / "calculator" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"/batch/[0-9a-f]{12}/", calculator)
    first, _ = (site_dir / "sw.js").read_text(encoding="utf-8").split("\n", 1)
    build = json.loads(first[len("const BUILD = "):-1])
    assert stdlib_url in build["batch"] and stdlib_url not in build["precache"]
    root = (site_dir / "batch" / "index.html").read_text(encoding="utf-8")
    named = re.findall(r'data-(?:batch-wheel|stdlib|xlsx-wheels)="([^"]*)"', root)
    assert sorted(build["batch"]) == sorted(" ".join(named).split())
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    for path in build["batch"]:
        assert f"{path}\n  Cache-Control: public, max-age=31536000, immutable\n" in headers
    assert not list(site_dir.rglob("python_stdlib*.zip"))
