"""Read the data files shipped inside the package (works from a wheel and in Pyodide)."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib import resources


def _data_text(name: str) -> str:
    return resources.files("calculator").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@cache
def load_json(name: str):
    return json.loads(_data_text(name))


@cache
def load_toml(name: str) -> dict:
    return tomllib.loads(_data_text(name))
