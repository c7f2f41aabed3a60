"""The engine wheel: valid, reproducible, installable with pip, importable."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import calculator
from sitebuild.config import read_package_info
from sitebuild.wheel import build_wheel, wheel_output_path

ROOT = Path(__file__).resolve().parents[2]


def _wheel(site_dir: Path) -> Path:
    [wheel] = (site_dir / "wheels").rglob("*.whl")
    return wheel


def test_wheel_path_and_name(site_dir):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wheel = _wheel(site_dir)
    assert wheel.name == f"{project['name']}-{project['version']}-py3-none-any.whl"
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert wheel.parent.name == digest[:12]
    assert re.fullmatch(r"[0-9a-f]{12}", wheel.parent.name)


def test_wheel_record_lists_every_file_with_its_hash(site_dir):
    with zipfile.ZipFile(_wheel(site_dir)) as zf:
        names = zf.namelist()
        [record_name] = [n for n in names if n.endswith(".dist-info/RECORD")]
        rows = [line.split(",") for line in zf.read(record_name).decode().splitlines()]
        listed = {row[0] for row in rows}
        assert listed == set(names)
        for name, digest, size in rows:
            if name == record_name:
                assert digest == size == ""
                continue
            data = zf.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            assert digest == "sha256=" + expected.decode()
            assert int(size) == len(data)
        assert all(n.startswith(("calculator/", "calculator-")) for n in names)
        assert "calculator/__init__.py" in names
        assert any(n.startswith("calculator/data/") for n in names)
        assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
        wheel_meta = zf.read(record_name.replace("RECORD", "WHEEL")).decode()
        assert "Tag: py3-none-any" in wheel_meta and "Root-Is-Purelib: true" in wheel_meta


def test_wheel_is_reproducible():
    info = read_package_info()
    first, second = build_wheel(info), build_wheel(info)
    assert first == second
    assert wheel_output_path(info, first) == wheel_output_path(info, second)


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
