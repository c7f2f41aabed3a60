"""The calculator's standard library (sitebuild/stdlib.py): a trimmed, byte-compiled copy of
Pyodide's python_stdlib.zip at a content-hashed path, named by the calculator page and the
service worker, that really runs the engine inside Pyodide."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path

import brotli
import pytest

import calculator
from sitebuild import stdlib
from sitebuild.errors import BuildError

ROOT = Path(__file__).resolve().parents[2]
STOCK = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
RUNNER = ROOT / "tests" / "pyodide" / "run_with_stdlib.mjs"
CASES = ROOT / "tests" / "engine" / "cases"
URL = re.compile(r"^/pyodide/314\.0\.7/stdlib-(?P<hash>[0-9a-f]{12})\.zip$")
# What `import calculator` and the worker need, besides Pyodide's own start-up.
ENGINE_IMPORTS = [
    "fractions.pyc", "datetime.pyc", "_pydatetime.pyc", "tomllib/__init__.pyc",
    "tomllib/_parser.pyc", "json/__init__.pyc", "json/decoder.pyc", "json/encoder.pyc",
    "importlib/resources/__init__.pyc", "importlib/resources/_common.pyc", "bisect.pyc",
    "dataclasses.pyc", "copy.pyc", "traceback.pyc", "zipfile/__init__.pyc",
]
FIRST_VISIT_LIMIT = 4_350_000  # the calculator's first visit as served (brotli), docs/benchmarks.md


def calculator_root(site_dir: Path) -> dict[str, str]:
    html = (site_dir / "calculator" / "index.html").read_text(encoding="utf-8")
    tag = re.search(r'<div class="wrap calc" id="calculator"[^>]*>', html).group(0)
    return dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', tag))


@pytest.fixture(scope="module")
def stdlib_url(site_dir) -> str:
    url = calculator_root(site_dir)["data-stdlib"]
    assert URL.match(url), url
    return url


@pytest.fixture(scope="module")
def archive(site_dir, stdlib_url) -> zipfile.ZipFile:
    return zipfile.ZipFile(site_dir / stdlib_url.lstrip("/"))


@pytest.fixture(scope="module")
def wheel_file(site_dir) -> Path:
    (wheel,) = site_dir.glob("wheels/*/*.whl")
    return wheel


def test_the_page_and_the_service_worker_name_the_hashed_archive(site_dir, stdlib_url):
    data = (site_dir / stdlib_url.lstrip("/")).read_bytes()
    assert hashlib.sha256(data).hexdigest()[:12] == URL.match(stdlib_url)["hash"]
    first, _ = (site_dir / "sw.js").read_text(encoding="utf-8").split("\n", 1)
    precache = json.loads(first[len("const BUILD = "):-1])["precache"]
    assert stdlib_url in precache
    assert not any(url.endswith("python_stdlib.zip") for url in precache)
    assert not list(site_dir.rglob("python_stdlib.zip*"))
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    assert f"{stdlib_url}\n  Content-Type: application/zip\n" in headers


def test_runtime_bytes_count_the_archive(site_dir, stdlib_url, wheel_file):
    runtime = site_dir / "pyodide" / "314.0.7"
    files = [wheel_file, site_dir / stdlib_url.lstrip("/"),
             *(runtime / n for n in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                                     "pyodide-lock.json"))]
    expected = sum(f.stat().st_size for f in files)
    assert int(calculator_root(site_dir)["data-runtime-bytes"]) == expected


def test_download_bytes_are_what_travels_compressed(site_dir, stdlib_url, wheel_file):
    runtime = site_dir / "pyodide" / "314.0.7"
    files = [wheel_file, site_dir / stdlib_url.lstrip("/"),
             *(runtime / n for n in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                                     "pyodide-lock.json"))]
    travels = sum(
        (f.with_name(f.name + ".br") if f.with_name(f.name + ".br").exists() else f).stat().st_size
        for f in files
    )
    root = calculator_root(site_dir)
    assert int(root["data-download-bytes"]) == travels < int(root["data-runtime-bytes"]) / 2


def test_modules_are_bytecode_and_only_the_codecs_are_source(archive):
    names = archive.namelist()
    assert names == sorted(names)
    sources = [n for n in names if n.endswith(".py")]
    assert sources and all(n.startswith("encodings/") for n in sources), sources
    for name in names:
        info = archive.getinfo(name)
        assert info.compress_type == zipfile.ZIP_STORED, name
        assert info.date_time == (1980, 1, 1, 0, 0, 0), name
    with zipfile.ZipFile(STOCK) as stock:
        stock_names = stock.namelist()
    ours = set(names)
    # every codec is there, as bytecode when imported at start-up, else as source
    for name in stock_names:
        if name.startswith("encodings/") and name.endswith(".py"):
            assert name in ours or name[:-3] + ".pyc" in ours, name
    # every data file of the stock archive is there
    for name in stock_names:
        if not name.endswith((".py", "/")):
            assert name in ours, name
    # and it is a selection, not the whole library
    compiled = [n for n in names if n.endswith(".pyc")]
    assert 100 < len(compiled) < len([n for n in stock_names if n.endswith(".py")]) / 2
    for unused in ("unittest/__init__.pyc", "pydoc.pyc", "doctest.pyc", "argparse.pyc"):
        assert unused not in ours


def test_the_engine_imports_are_included(archive):
    names = set(archive.namelist())
    for name in ENGINE_IMPORTS:
        assert name in names, name
    assert "encodings/utf_8.pyc" in names and "encodings/__init__.pyc" in names


def test_bytecode_is_unchecked_hash_based_and_names_its_file(archive):
    compiled = [n for n in archive.namelist() if n.endswith(".pyc")]
    magics = set()
    for name in compiled:
        data = archive.read(name)
        magics.add(data[:4])
        assert data[4:8] == b"\x01\x00\x00\x00", name  # hash-based, source not checked
        assert ("/lib/python314.zip/" + name[:-1]).encode() in data, name  # co_filename
    assert len(magics) == 1 and magics.pop()[2:] == b"\r\n"


def test_compressed_copies_match(site_dir, stdlib_url):
    raw = site_dir / stdlib_url.lstrip("/")
    data = raw.read_bytes()
    assert brotli.decompress(raw.with_name(raw.name + ".br").read_bytes()) == data
    assert gzip.decompress(raw.with_name(raw.name + ".gz").read_bytes()) == data


def test_the_calculator_first_visit_stays_under_its_limit(site_dir):
    """The page, what it links, the modules those import and the worker they start, the
    runtime, the wheel and the standard library, as a browser gets them with brotli (within
    about 2 kB of what `./dev bench engine_ready` counts in Chromium)."""
    def served(url: str) -> int:
        path = site_dir / url.lstrip("/")
        br = path.with_name(path.name + ".br")
        return (br if br.is_file() else path).stat().st_size

    html = (site_dir / "calculator" / "index.html").read_text(encoding="utf-8")
    urls = set(re.findall(r'(?:src|href|data-[a-z-]+)="(/(?:assets|wheels|pyodide)/[^"]*)"',
                          html))
    index = calculator_root(site_dir)["data-pyodide"]
    urls.discard(index)
    urls |= {index + n for n in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm",
                                 "pyodide-lock.json")}
    modules = [u for u in urls if u.startswith("/assets/") and u.endswith(".js")]
    while modules:  # every module a module names: its imports and the engine's worker
        text = (site_dir / modules.pop().lstrip("/")).read_text(encoding="utf-8")
        for named in set(re.findall(r'"(/assets/[^"]+\.js)"', text)) - urls:
            urls.add(named)
            modules.append(named)
    assert any(u.endswith(".zip") for u in urls) and any(u.endswith(".whl") for u in urls)
    assert any("engine-worker" in u for u in urls) and not any("batch" in u for u in urls)
    total = served("/calculator/index.html") + sum(served(u) for u in urls)
    assert total <= FIRST_VISIT_LIMIT, total


def _cases() -> list[dict]:
    cases = []
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            profile = {**case["profile"], "as_of": case["as_of"]}
            cases.append({"name": f"{path.stem}:{case['name']}", "profile": profile})
    cases.append({"name": "today", "profile": {"birth_date": "1990-05-12"}})
    return json.loads(json.dumps(cases, default=str))


def _on_cpython(profile: dict) -> dict:
    try:
        answer = {"score": calculator.score(profile), "plan": calculator.plan(profile)}
    except calculator.ValidationError as error:
        answer = {"problems": error.problems}
    return json.loads(json.dumps(answer, ensure_ascii=False, default=str))


@pytest.mark.slow
def test_the_engine_runs_in_pyodide_on_the_trimmed_archive(site_dir, stdlib_url, wheel_file,
                                                           tmp_path):
    node = shutil.which("node")
    assert node, "node is needed to run the engine inside Pyodide"
    cases = _cases()
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [node, str(RUNNER), str(site_dir / stdlib_url.lstrip("/")), str(wheel_file),
         str(cases_file)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    got = json.loads(done.stdout)
    assert len(got["answers"]) == len(cases) > 100
    assert sum("problems" in a for a in got["answers"].values()) >= 10
    for case in cases:
        answer = got["answers"][case["name"]]
        if case["name"] == "today":  # the date is Pyodide's own clock
            assert isinstance(answer["score"]["total"], int)
            continue
        assert answer == _on_cpython(case["profile"]), case["name"]
    assert got["catalogues"] == [62, 56]
    # Python exceptions reach JavaScript with their traceback, file names included
    assert "Traceback" in got["raised"] and "ValueError: unknown op 'no-such-op'" in got["raised"]
    assert 'File "/lib/python314.zip/json/decoder.py"' in got["runPython"]
    assert "JSONDecodeError" in got["runPython"]
    # nothing was compiled from source but codecs
    assert all(name.startswith("encodings") for name in got["fromSource"]), got["fromSource"]
    assert got["output"] == []


@pytest.mark.slow
def test_the_same_inputs_give_the_same_archive(site_dir, stdlib_url, wheel_file, tmp_path):
    """A fresh Node run (empty cache) writes exactly the archive the site build wrote."""
    made = stdlib.build_stdlib(wheel_file.read_bytes(), folder=tmp_path / "cache")
    assert made.node_seconds is not None
    assert "/" + made.path == stdlib_url
    assert made.file.read_bytes() == (site_dir / stdlib_url.lstrip("/")).read_bytes()
    again = stdlib.build_stdlib(wheel_file.read_bytes(), folder=tmp_path / "cache")
    assert again.node_seconds is None and again.path == made.path


def test_a_failing_node_run_is_a_build_error(tmp_path, monkeypatch):
    if shutil.which("node") is None:
        pytest.skip("needs node")
    script = tmp_path / "broken.mjs"
    script.write_text('console.error("Pyodide did not start: broken on purpose");\n'
                      "process.exit(1);\n", encoding="utf-8")
    monkeypatch.setattr(stdlib, "SCRIPT", script)
    with pytest.raises(BuildError) as caught:
        stdlib.build_stdlib(_wheel({"calculator/__init__.py": b""}), folder=tmp_path / "cache")
    message = str(caught.value)
    assert "exit 1" in message and "broken on purpose" in message and "npm ci" in message
    assert not list((tmp_path / "cache").glob("*"))  # nothing half-written is cached


def _wheel(files: dict[str, bytes]) -> bytes:
    made = io.BytesIO()
    with zipfile.ZipFile(made, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return made.getvalue()


def test_only_the_wheels_python_files_decide_the_archive():
    """New rules data alone (the yearly figures) reuse the archive; any change of code, in the
    engine's wheel or the batch's, makes a new one."""
    engine = {"calculator/__init__.py": b"import json\n", "calculator/data/rules.toml": b"a = 1\n",
              "calculator-1.dist-info/RECORD": b"calculator/data/rules.toml,sha256=1\n"}
    batch = {"calculator/batch/__init__.py": b"import csv\n"}

    def key_of(engine_files: dict, batch_files: dict = batch) -> str:
        return stdlib.cache_key(_wheel(engine_files), batch_wheels=(_wheel(batch_files),))

    key = key_of(engine)
    new_data = {**engine, "calculator/data/rules.toml": b"a = 2\n",
                "calculator-1.dist-info/RECORD": b"calculator/data/rules.toml,sha256=2\n"}
    assert key_of(new_data) == key
    assert key_of({**engine, "calculator/__init__.py": b"import json, csv\n"}) != key
    assert key_of({**engine, "calculator/more.py": b""}) != key
    assert key_of(engine, {"calculator/batch/__init__.py": b"import csv, io\n"}) != key
    assert stdlib.cache_key(_wheel(engine)) != key
