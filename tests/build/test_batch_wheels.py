"""The openpyxl wheels /batch/ loads: exactly the pinned files, refused when their bytes differ
from the pinned hashes or when they were never downloaded."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest

from sitebuild import batch
from sitebuild.errors import BuildError


def test_the_pinned_wheels_are_shipped():
    wheels = batch.xlsx_wheels()
    names = sorted(path.split("/")[-1].split("-")[0] for path in wheels)
    assert names == ["et_xmlfile", "openpyxl"]
    assert all(path.startswith("batch/") for path in wheels)  # not among the engine's wheels/
    for data in wheels.values():
        assert zipfile.is_zipfile(io.BytesIO(data))


def test_a_wheel_that_differs_from_its_pin_is_refused(tmp_path):
    for path in batch.WHEELS.glob("*.whl"):
        shutil.copy(path, tmp_path / path.name)
    target = next(tmp_path.glob("openpyxl-*.whl"))
    target.write_bytes(target.read_bytes() + b"\0")
    with pytest.raises(BuildError, match="pinned"):
        batch.xlsx_wheels(tmp_path)


def test_missing_wheels_say_how_to_get_them(tmp_path):
    with pytest.raises(BuildError, match="pip download"):
        batch.xlsx_wheels(tmp_path)


def test_the_templates_are_the_engines():
    from calculator.batch import template_csv

    files = batch.template_files()
    assert files["batch/template.csv"] == template_csv()
    assert zipfile.is_zipfile(io.BytesIO(files["batch/template.xlsx"]))
