"""The engine's wheels: built by flit_core, valid, reproducible, members stored (the site serves
them brotli-compressed). The engine's holds the engine and its data and nothing else, installable
with pip, importable; the batch's holds calculator/batch/ alone and works beside it."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import flit_core

import calculator
from sitebuild.config import read_package_info
from sitebuild.wheel import build_batch_wheel, build_wheel, wheel_output_path

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "calculator"


def _wheel(site_dir: Path) -> Path:
    [wheel] = (site_dir / "wheels").rglob("*.whl")
    return wheel


def _batch_wheel(site_dir: Path) -> Path:
    [wheel] = (site_dir / "batch").rglob("calculator_batch-*.whl")
    return wheel


def test_wheel_path_and_name(site_dir):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wheel = _wheel(site_dir)
    assert wheel.name == f"{project['name']}-{project['version']}-py3-none-any.whl"
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert wheel.parent.name == digest[:12]
    assert re.fullmatch(r"[0-9a-f]{12}", wheel.parent.name)


def test_the_batch_wheels_path_and_name(site_dir):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = project["version"]
    wheel = _batch_wheel(site_dir)
    assert wheel.name == f"calculator_batch-{version}-py3-none-any.whl"
    assert wheel.parent.name == hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]


def _record_holds(wheel: Path) -> list[str]:
    """Every member listed in RECORD with its hash and size, and nothing else; the names."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        [record_name] = [n for n in names if n.endswith(".dist-info/RECORD")]
        rows = [line.split(",") for line in zf.read(record_name).decode().splitlines()]
        assert {row[0] for row in rows} == set(names)
        for name, digest, size in rows:
            if name == record_name:
                assert digest == size == ""
                continue
            data = zf.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            assert digest == "sha256=" + expected.decode()
            assert int(size) == len(data)
        wheel_meta = zf.read(record_name.replace("RECORD", "WHEEL")).decode()
        assert "Tag: py3-none-any" in wheel_meta and "Root-Is-Purelib: true" in wheel_meta
    return names


def test_the_batch_wheel_holds_calculator_batch_alone(site_dir):
    names = _record_holds(_batch_wheel(site_dir))
    modules = {f"calculator/batch/{p.name}" for p in (ENGINE / "batch").glob("*.py")}
    assert "calculator/batch/__init__.py" in modules
    assert {n for n in names if n.startswith("calculator/")} == modules
    assert {n for n in names if not n.startswith("calculator/")} == {
        f"calculator_batch-0.1.0.dist-info/{n}" for n in ("METADATA", "WHEEL", "RECORD")}
    with zipfile.ZipFile(_batch_wheel(site_dir)) as zf:
        metadata = zf.read("calculator_batch-0.1.0.dist-info/METADATA").decode().splitlines()
        wheel_meta = zf.read("calculator_batch-0.1.0.dist-info/WHEEL").decode()
    assert "Requires-Dist: calculator==0.1.0" in metadata
    assert f"Generator: flit {flit_core.__version__}" in wheel_meta.splitlines()


def test_the_wheels_members_are_stored_not_deflated(site_dir):
    for wheel in (_wheel(site_dir), _batch_wheel(site_dir)):
        with zipfile.ZipFile(wheel) as zf:
            assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}


def test_wheel_record_lists_every_file_with_its_hash(site_dir):
    names = _record_holds(_wheel(site_dir))
    assert all(n.startswith(("calculator/", "calculator-")) for n in names)
    assert "calculator/__init__.py" in names
    assert any(n.startswith("calculator/data/") for n in names)
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


def _names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.namelist()


def test_wheel_is_built_by_flit_core(site_dir):
    with zipfile.ZipFile(_wheel(site_dir)) as zf:
        wheel_meta = zf.read("calculator-0.1.0.dist-info/WHEEL").decode()
        dates = {info.date_time for info in zf.infolist()}
    assert f"Generator: flit {flit_core.__version__}" in wheel_meta.splitlines()
    assert dates == {(1980, 1, 1, 0, 0, 0)}  # SOURCE_DATE_EPOCH, not the files' mtimes


def test_wheel_is_reproducible(site_dir, monkeypatch):
    info = read_package_info()
    first, second = build_wheel(info), build_wheel(info)
    assert first == second
    assert build_batch_wheel(info) == build_batch_wheel(info) == _batch_wheel(site_dir).read_bytes()
    assert wheel_output_path(info, first) == wheel_output_path(info, second)
    # The build's own wheel (another process) and one built under another SOURCE_DATE_EPOCH,
    # which the build overrides for the call and then restores.
    assert _wheel(site_dir).read_bytes() == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_wheel(info) == first
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_wheel(info) == first
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_wheel_holds_the_engine_and_its_data_and_nothing_else(site_dir):
    names = _names(_wheel(site_dir).read_bytes())
    package = {n for n in names if n.startswith("calculator/")}
    # calculator/batch/ is in the batch's wheel, loaded on /batch/ only
    modules = {f"calculator/{p.name}" for p in ENGINE.glob("*.py")}
    data = {f"calculator/data/{p.name}" for p in ENGINE.glob("data/*") if p.suffix in
            (".toml", ".json")}
    assert "calculator/engine.py" in modules and "calculator/data/rules.toml" in data
    assert package == modules | data
    dist_info = {n for n in names if not n.startswith("calculator/")}
    assert dist_info == {f"calculator-0.1.0.dist-info/{n}"
                         for n in ("METADATA", "WHEEL", "RECORD", "entry_points.txt")}
    assert not any("import_seeds" in n or "/tests/" in n or n.rpartition("/")[2].startswith("test_")
                   or "__pycache__" in n or n.endswith((".pyc", ".pyo")) for n in names)
    # flit_core cannot leave a file of the package out of the wheel: maintenance scripts live
    # outside it.
    assert not (ENGINE / "data" / "import_seeds.py").exists()
    assert (ROOT / "tools" / "import_seeds.py").is_file()


def test_wheel_unzipped_imports_and_scores(site_dir, tmp_path):
    target = tmp_path / "unzipped"
    with zipfile.ZipFile(_wheel(site_dir)) as zf:
        zf.extractall(target)
        data_files = sorted(n.rpartition("/")[2] for n in zf.namelist()
                            if n.startswith("calculator/data/"))
    # Each data file is read the way the engine reads it (importlib.resources) and parsed.
    script = (
        "import json, sys, tomllib; sys.path.insert(0, sys.argv[1]); "
        "from importlib import resources; "
        "import calculator; from calculator import catalogues; "
        "assert calculator.__file__.startswith(sys.argv[1]), calculator.__file__; "
        "profile = {'as_of': '2026-11-22', 'birth_date': '1990-01-01'}; "
        "result = calculator.score(profile); calculator.plan(profile); "
        "data = resources.files('calculator').joinpath('data'); "
        "texts = {n: data.joinpath(n).read_text(encoding='utf-8') for n in sys.argv[2:]}; "
        "parsed = [(json.loads if n.endswith('.json') else tomllib.loads)(t) "
        "for n, t in texts.items()]; "
        "print(json.dumps([calculator.RULES_VERSION, result['total'], "
        "len(catalogues.skill_occupations()), len(catalogues.qualifications()), "
        "[bool(p) for p in parsed]]))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", script, str(target), *data_files],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    version, total, skills, quals, parsed = json.loads(result.stdout)
    assert version == calculator.RULES_VERSION
    assert total == calculator.score({"as_of": "2026-11-22", "birth_date": "1990-01-01"})["total"]
    assert (skills, quals) == (62, 56)
    assert {"rules.toml", "skill_occupations.json", "qualifications.json"} <= set(data_files)
    assert len(parsed) == len(data_files) and all(parsed)


def test_wheel_installs_with_pip_and_scores(site_dir, tmp_path):
    target = tmp_path / "target"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--target", str(target), str(_wheel(site_dir))],
        check=True, capture_output=True, text=True, timeout=120,
    )
    script = (
        "import calculator, sys; "
        "assert calculator.__file__.startswith(sys.argv[1]), calculator.__file__; "
        "from calculator import catalogues; "
        "print(calculator.RULES_VERSION, len(catalogues.skill_occupations()))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, sys.argv[1]); {script}",
         str(target)],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    version, skills = result.stdout.split()
    assert version == calculator.RULES_VERSION
    assert skills == "62"


def test_the_batch_wheel_unzipped_beside_the_engines_reads_a_file(site_dir, tmp_path):
    target = tmp_path / "unzipped"
    with zipfile.ZipFile(_wheel(site_dir)) as zf:
        zf.extractall(target)
    script = (
        "import importlib.util, json, sys; sys.path.insert(0, sys.argv[1]); "
        "print(importlib.util.find_spec('calculator.batch') is not None)"
    )

    def run(code: str) -> str:
        done = subprocess.run([sys.executable, "-I", "-c", code, str(target),
                               str(ROOT / "docs" / "examples" / "batch.csv")],
                              capture_output=True, text=True, timeout=60, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run(script) == "False"  # the engine's wheel alone: no batch
    with zipfile.ZipFile(_batch_wheel(site_dir)) as zf:
        zf.extractall(target)
    read = (
        "import json, sys, pathlib; sys.path.insert(0, sys.argv[1]); "
        "import calculator.batch as b; assert b.__file__.startswith(sys.argv[1]); "
        "path = pathlib.Path(sys.argv[2]); "
        "found = b.check_file(path.read_bytes(), path.name, planned=False)['results']; "
        "print(json.dumps([r['name'] for r in found], ensure_ascii=False))"
    )
    from calculator.batch import check_file

    example = ROOT / "docs" / "examples" / "batch.csv"
    names = [r["name"] for r in check_file(example.read_bytes(), example.name,
                                            planned=False)["results"]]
    assert json.loads(run(read)) == names and names
