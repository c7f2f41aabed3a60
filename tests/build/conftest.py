"""A throwaway copy of the project's build inputs, to break on purpose: `inputs` for a build
step to read, `project` and `built_project` to run the real build.py in."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("build.py", "pyproject.toml", "requirements", "sitebuild", "site_src", "calculator")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "tests")


class Project:
    def __init__(self, root: Path):
        self.root = root
        self.out = root / "dist"

    def path(self, relative: str) -> Path:
        return self.root / relative

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.path(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def build(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, str(self.root / "build.py"), "--out", str(self.out), *args],
            cwd=self.root, capture_output=True, text=True, timeout=300, env=env,
        )

    def snapshot(self) -> dict[str, str]:
        """Every file of the output with its hash, to prove a failed build left it untouched."""
        return {
            p.relative_to(self.out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(self.out.rglob("*")) if p.is_file()
        }


def copy_project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    root.mkdir()
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=IGNORED)
        else:
            shutil.copy2(source, root / name)
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    (ROOT / ".cache").mkdir(exist_ok=True)
    (root / ".cache").symlink_to(ROOT / ".cache")
    return Project(root)


@pytest.fixture
def inputs(tmp_path) -> Project:
    """A copy to break and hand to one build step; nothing here runs build.py."""
    return copy_project(tmp_path)


@pytest.fixture
def project(tmp_path) -> Project:
    """A copy to run build.py in (tests/conftest.py marks the tests that ask for it "build")."""
    return copy_project(tmp_path)


@pytest.fixture
def built_project(project) -> Project:
    """A project copy with one good build in its output folder."""
    result = project.build("--no-compress")
    assert result.returncode == 0, result.stderr
    return project
