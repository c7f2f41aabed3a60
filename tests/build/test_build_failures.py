"""Each broken input fails the build cleanly: non-zero exit, `error: <file>[:<line>]: …`,
no traceback, and the previous output left exactly as it was."""

from __future__ import annotations

import json
import os

import pytest

PAGE = "site_src/pages/catalogue/index.md"
GOOD_HEAD = "---\ntitle: 证书目录\n"


def break_front_matter_yaml(p):
    p.edit(PAGE, "nav_order: 30", "nav_order: [30")


def unknown_key(p):
    p.edit(PAGE, "nav_order: 30", "nav_order: 30\nauthor: 某人")


def missing_title(p):
    p.edit(PAGE, GOOD_HEAD, "---\n")


def missing_description(p):
    text = p.path(PAGE).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("description:")]
    p.write(PAGE, "\n".join(lines) + "\n")


def no_front_matter(p):
    p.write(PAGE, "只有正文，没有 front matter。\n")


def unknown_variable(p):
    p.edit(PAGE, "两个目录页", "{{ no_such_variable }} 两个目录页")


def unknown_function(p):
    p.edit(PAGE, "两个目录页", "{{ no_such_function() }} 两个目录页")


def unknown_parameter(p):
    p.edit(PAGE, "两个目录页", '{{ value("no.such.parameter") }} 两个目录页')


def bad_jinja_syntax(p):
    p.edit(PAGE, "两个目录页", "{{ value( }} 两个目录页")


def bad_skill_row(p):
    path = p.path("calculator/data/skill_occupations.json")
    rows = json.loads(path.read_text(encoding="utf-8"))
    del rows[3]["name"]
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def bad_qualification_row(p):
    path = p.path("calculator/data/qualifications.json")
    rows = json.loads(path.read_text(encoding="utf-8"))
    rows[5]["registration_required"] = "是"
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def broken_catalogue_json(p):
    path = p.path("calculator/data/qualifications.json")
    path.write_text(path.read_text(encoding="utf-8").replace("}", "", 1), encoding="utf-8")


def broken_rules_toml(p):
    p.edit("calculator/data/rules.toml", 'id = "standard_score"', 'id = "standard_score')


def unknown_document_in_rules(p):
    p.edit("calculator/data/rules.toml", '"trial-2013", "hf-2017-98"', '"trial-2013", "hf-2017-99"')


def gap_between_contribution_years(p):
    p.edit("calculator/data/yardsticks.toml", 'from = "2022-07"', 'from = "2022-08"')


def misspelt_parameter_in_a_decision(p):
    p.edit("calculator/data/decisions.toml", "最高{age.max_points}分", "最高{age.max_pionts}分")


def missing_asset(p):
    missing = "<link href=\"{{ asset('css/nope.css') }}\">"
    p.edit("site_src/templates/page.html", "<article", missing + "<article")


def bad_template_syntax(p):
    p.edit("site_src/templates/page.html", "{{ content }}", "{{ content }")


def broken_internal_link(p):
    p.edit(PAGE, "两个目录页", "[不存在的页](/no-such-page/) 两个目录页")


def broken_anchor(p):
    p.edit(PAGE, "两个目录页", "[不存在的锚点](/catalogue/skills/#skill-999) 两个目录页")


def broken_local_anchor(p):
    p.edit(PAGE, "两个目录页", "[本页锚点](#no-such-heading) 两个目录页")


def inline_style(p):
    p.edit(PAGE, "两个目录页", '<p style="color:red">红字</p>\n\n两个目录页')


ROWS_JS = "site_src/static/js/calculator-rows.js"
SHARE_JS = "site_src/static/js/calculator-share.js"


def missing_import(p):
    p.edit(ROWS_JS, "// Repeated groups",
           'import { gone } from "./missing.js";\n// Repeated groups')


def import_cycle(p):
    # calculator-form.js imports calculator-share.js, which now imports it back
    p.edit(SHARE_JS, "// Keeping answers", 'import { readProfile } from "./calculator-form.js";\n'
           "// Keeping answers")


CASES = [
    # (break, file named in the message, expected line or None, words in the message)
    (break_front_matter_yaml, PAGE, 5, "YAML"),  # where the parser saw the problem
    (unknown_key, PAGE, 5, "unknown front matter key 'author'"),
    (missing_title, PAGE, None, "'title'"),
    (missing_description, PAGE, None, "'description'"),
    (no_front_matter, PAGE, 1, "front matter missing"),
    (unknown_variable, PAGE, None, "no_such_variable"),
    (unknown_function, PAGE, None, "no_such_function"),
    (unknown_parameter, PAGE, None, "no.such.parameter"),
    (bad_jinja_syntax, PAGE, None, "syntax"),
    (bad_skill_row, "calculator/data/skill_occupations.json", 18, "'name'"),
    (bad_qualification_row, "calculator/data/qualifications.json", None, "registration_required"),
    (broken_catalogue_json, "calculator/data/qualifications.json", None, "invalid JSON"),
    (broken_rules_toml, "calculator/data/rules.toml", None, "invalid TOML"),
    (unknown_document_in_rules, "calculator/data/rules.toml", 20,
     "parameter 'standard_score' since 2013-07-01: unknown document 'hf-2017-99'"),
    (gap_between_contribution_years, "calculator/data/yardsticks.toml", 68,
     "must start the month after 2022-06"),
    (misspelt_parameter_in_a_decision, "calculator/data/decisions.toml", 14,
     "{age.max_pionts} is neither a parameter nor a term"),
    (missing_asset, "site_src/templates/page.html", 3, "css/nope.css"),
    (bad_template_syntax, "site_src/templates/page.html", 5, "syntax"),
    (broken_internal_link, PAGE, None, "/no-such-page/"),
    (broken_anchor, PAGE, None, "skill-999"),
    (broken_local_anchor, PAGE, None, "no-such-heading"),
    (inline_style, PAGE, None, "inline style="),
    (missing_import, ROWS_JS, None, "imports ./missing.js, which does not exist"),
    (import_cycle, SHARE_JS, None,
     "import cycle: js/calculator-form.js -> js/calculator-share.js -> js/calculator-form.js"),
]


@pytest.mark.parametrize(("breaker", "file", "line", "words"), CASES,
                         ids=[case[0].__name__ for case in CASES])
def test_broken_input_fails_cleanly(built_project, breaker, file, line, words):
    before = built_project.snapshot()
    breaker(built_project)
    result = built_project.build("--no-compress")
    assert result.returncode != 0
    message = result.stderr.strip()
    assert message.startswith(f"error: {file}:"), message
    if line is not None:
        assert message.startswith(f"error: {file}:{line}: "), message
    assert words in message
    assert "Traceback" not in result.stderr + result.stdout
    assert built_project.snapshot() == before
    leftovers = [p.name for p in built_project.root.iterdir() if p.name.startswith(".dist.")]
    assert leftovers == []


def test_line_numbers_point_into_the_page_body(project):
    project.edit(PAGE, "两个目录页", "{{ no_such_variable }} 两个目录页")
    lines = project.path(PAGE).read_text(encoding="utf-8").splitlines()
    expected = next(i for i, text in enumerate(lines, start=1) if "no_such_variable" in text)
    result = project.build("--no-compress")
    assert result.stderr.startswith(f"error: {PAGE}:{expected}: "), result.stderr


def test_first_build_failure_writes_no_output(project):
    unknown_key(project)
    result = project.build("--no-compress")
    assert result.returncode != 0
    assert not project.out.exists()


def test_node_is_needed_only_when_the_standard_library_must_be_made(built_project, tmp_path):
    """The calculator's standard library is made by Pyodide under Node and cached: an unchanged
    build never starts Node; a changed engine without Node fails, naming what to install."""
    empty = tmp_path / "no-node"
    empty.mkdir()
    no_node = {**os.environ, "PATH": str(empty)}
    again = built_project.build("--no-compress", env=no_node)
    assert again.returncode == 0, again.stderr
    assert "(from cache)" in again.stdout
    before = built_project.snapshot()

    built_project.edit("calculator/__init__.py", "RULES_VERSION = rules_version()",
                       "RULES_VERSION = rules_version()  # a changed engine, a new wheel")
    result = built_project.build("--no-compress", env=no_node)
    assert result.returncode == 1
    message = result.stderr.strip()
    assert message.startswith("error: sitebuild/stdlib.mjs: `node` was not found"), message
    assert "Node.js" in message and "npm ci" in message
    assert "Traceback" not in result.stderr + result.stdout
    assert built_project.snapshot() == before
