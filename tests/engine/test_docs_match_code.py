"""The lists the docs keep (the profile's keys, the result's, the plan's, the parameter families,
the engine's modules) hold exactly what the code has, in both directions, so neither can change
without the other; and every function or parameter the docs name exists."""

from __future__ import annotations

import ast
import builtins
import importlib
import re
from pathlib import Path

import pytest

import calculator
from calculator import plan_options, profile, rules

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PROFILE_MD = (DOCS / "profile.md").read_text(encoding="utf-8")
ARCHITECTURE_MD = (DOCS / "architecture.md").read_text(encoding="utf-8")
ENGINE = ROOT / "calculator"
PERSON = {
    "version": 2, "birth_date": "1990-05-12", "as_of": "2026-06-01",
    "education": {"level": "bachelor_with_degree"},
    "insurance": [{"from": "2020-01", "base_multiple": 1}],
    "plan": {"target_date": "2029-03-01"},
}
TICKED = re.compile(r"`([A-Za-z_][\w.]*)`")


def table_after(text: str, heading: str) -> list[list[str]]:
    """The cells of the first Markdown table after the line starting with `heading`."""
    lines = text[text.index("\n" + heading) + 1:].splitlines()
    lines = lines if heading.startswith("|") else lines[1:]
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows[2:]  # after the header and its rule


def first_column(text: str, heading: str) -> set[str]:
    return {key for row in table_after(text, heading) for key in TICKED.findall(row[0])}


@pytest.fixture(scope="module")
def result():
    return calculator.score(PERSON)


@pytest.fixture(scope="module")
def planned():
    return calculator.plan(PERSON)


def test_the_profile_tables_are_the_keys_read(result):
    assert first_column(PROFILE_MD, "## 1. Profile") | {"plan"} == profile.TOP_KEYS
    assert first_column(PROFILE_MD, "### `education`") == profile.EDUCATION_KEYS
    assert first_column(PROFILE_MD, "### `insurance`") == profile.PERIOD_KEYS
    assert first_column(PROFILE_MD, "### The profile's `plan` object") == set(plan_options.KEYS)


def test_the_result_table_is_the_results_keys(result):
    assert first_column(PROFILE_MD, "## 2. Result") == set(result)


def test_the_line_table_is_a_lines_keys(result):
    for line in result["lines"]:
        assert first_column(PROFILE_MD, "Each line:") == set(line)


def test_the_plan_tables_are_the_plans_keys(planned):
    assert first_column(PROFILE_MD, "### The plan") == set(planned)
    assert planned["time_only"]["meets_target"] is not None  # a target gives every key
    for route in [planned["time_only"], *planned["routes"]]:
        assert first_column(PROFILE_MD, "A route:") == set(route)


def _families(text: str) -> set[str]:
    """The families the docs list (`age.*`), and the ids without a family (`standard_score`)."""
    section = text.split("Parameter families", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"`([a-z_]+(?:\.[a-z_]+)*)(?:\.\*)?`", section))


def _family(param_id: str, families: set[str]) -> str | None:
    found = [f for f in families if param_id == f or param_id.startswith(f + ".")]
    return max(found, key=len) if found else None


def test_the_parameter_families_are_the_datas_in_both_directions():
    families = _families(ARCHITECTURE_MD)
    ids = [p["id"] for p in rules.parameters()]
    assert [i for i in ids if _family(i, families) is None] == []
    assert {f for f in families if not any(_family(i, families) == f for i in ids)} == set()


def _profile_path(token: str) -> bool:
    """education.level and the like: a field of the profile, not a parameter."""
    fields = {*profile.EDUCATION_KEYS, *profile.PERIOD_KEYS, *plan_options.KEYS,
              *(key for keys in profile.CREDENTIAL_KEYS.values() for key in keys),
              "area", "years", "married_on", "share", "avg_annual_tax_cny", "avg_hukou_employees"}
    if (ENGINE / "hukou_input.py").exists():  # what format version 3 adds to key_area
        fields |= set(importlib.import_module("calculator.hukou_input").AREA_KEYS)
    head, _, rest = token.partition(".")
    return head in profile.TOP_KEYS and rest in fields


def test_every_parameter_id_the_docs_name_exists():
    ids = {p["id"] for p in rules.parameters()}
    families = _families(ARCHITECTURE_MD)
    named = set()
    for doc in DOCS.glob("*.md"):
        for token in TICKED.findall(doc.read_text(encoding="utf-8")):
            if "." in token and _family(token, families) and not _profile_path(token):
                named.add((doc.name, token))
    assert {(doc, token) for doc, token in named if token not in ids} == set()


def test_every_engine_function_the_docs_name_exists():
    """`calculator.<module>.<name>` anywhere in the docs names something that exists there."""
    missing = []
    for doc in [*DOCS.glob("*.md"), ROOT / "README.md"]:
        for module, name in re.findall(r"`calculator\.(\w+)\.(\w+)", doc.read_text("utf-8")):
            if not (ENGINE / f"{module}.py").exists():
                missing.append(f"{doc.name}: calculator.{module}")
            elif not hasattr(importlib.import_module(f"calculator.{module}"), name):
                missing.append(f"{doc.name}: calculator.{module}.{name}")
    assert missing == []


def _imports() -> dict[str, set[str]]:
    """Each engine module → the engine modules it imports (at any depth of its code)."""
    modules = {path.stem for path in ENGINE.glob("*.py")}
    found = {}
    for path in ENGINE.glob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                names |= ({node.module.split(".")[0]} if node.module
                          else {alias.name for alias in node.names})
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("calculator."):
                names.add(node.module.split(".")[1])
        found[path.stem] = names & modules
    return found


def _section(heading: str) -> str:
    return ARCHITECTURE_MD.split(heading, 1)[1].split("\n### ", 1)[0]


def _drawn_rows() -> list[list[str]]:
    drawing = _section("### Engine modules").split("```", 2)[1]
    rows = [line.split("│")[0].split() for line in drawing.splitlines()]
    return [row for row in rows if row and row != ["↓"]]


def _table_rows() -> list[tuple[str, str]]:
    rows = table_after(_section("### Engine modules"), "| module | job |")
    return [(row[0].strip("`"), row[1]) for row in rows]


def _covers(name: str, module: str) -> bool:
    return module == name or (name.endswith("*") and module.startswith(name[:-1]))


def test_the_engine_has_no_import_cycle():
    imports, done, path = _imports(), set(), []

    def visit(module: str) -> None:
        assert module not in path, " → ".join([*path, module])
        if module in done:
            return
        path.append(module)
        for other in sorted(imports[module]):
            visit(other)
        path.pop()
        done.add(module)

    for module in sorted(imports):
        visit(module)


def test_the_drawing_holds_every_module_once_and_its_imports_point_down():
    imports = _imports()
    rows = _drawn_rows()
    drawn = [module for row in rows for module in row]
    assert len(drawn) == len(set(drawn))
    family = [name for name, _ in _table_rows() if name.endswith("*")]
    undrawn = {m for m in imports if not any(_covers(f, m) for f in family)}
    assert set(drawn) == undrawn
    row_of = {module: i for i, row in enumerate(rows) for module in row}
    upward = [f"{module} → {other}" for module in drawn for other in imports[module]
              if other in row_of and row_of[other] <= row_of[module]]
    assert upward == []


def test_the_module_table_is_every_module_in_import_order():
    imports, rows = _imports(), _table_rows()
    names = [name for name, _ in rows]
    assert len(names) == len(set(names))
    assert {m for m in imports if not any(_covers(n, m) for n in names)} == set()
    assert [n for n in names if not any(_covers(n, m) for m in imports)] == []
    # a family of modules (hukou*) stands outside the order; its cycles are checked above
    family = {m for n in names if n.endswith("*") for m in imports if _covers(n, m)}
    above: set[str] = set()
    for name in names:
        if not name.endswith("*"):
            assert imports[name] - family <= above, (name, imports[name] - family - above)
            above.add(name)


def test_every_name_a_module_row_gives_exists_in_that_module(result):
    """A function, class or constant a row names is that module's (a moved function fails);
    other modules, the profile's keys and the result's keys are named as such."""
    other_words = {*_imports(), *profile.TOP_KEYS, *result, *dir(builtins), "ValidationError"}
    missing = []
    for name, job in _table_rows():
        if name.endswith("*"):
            continue
        module = importlib.import_module(f"calculator.{name}")
        for token in re.findall(r"`([A-Za-z_]\w*)(?:\([^`]*\))?`", job):
            if token in other_words and not hasattr(module, token):
                continue
            if not hasattr(module, token):
                missing.append(f"{name}.{token}")
    assert missing == []
