"""Each broken input fails the build cleanly: `error: <file>[:<line>]: …`, no traceback, and
the previous output left exactly as it was.

Every case is met by the build step that reads the broken input, called here directly on a
copy of the inputs (the engine is loaded in a process of its own, so that its data caches stay
clean). Three cases, an engine data file, a template and a link (the last check before the
output is written), run the real build.py twice: a good build, then the broken one, which must
exit non-zero without a traceback and leave the first build's output untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from sitebuild import paths
from sitebuild.assets import Assets, read_static
from sitebuild.bodies import render_bodies
from sitebuild.engine import load_engine
from sitebuild.errors import BuildError
from sitebuild.link_check import check_links
from sitebuild.page_functions import PageFunctions
from sitebuild.pages import read_pages
from sitebuild.templates import render_pages, template_environment
from sitebuild.vendor import vendored_modules

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
    del next(row for row in rows if row["no"] == 4)["name"]
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
    # (break, step that meets it, file named in the message, its line or None, words); a line
    # given as text is the first line of the broken file that holds it
    # the parser sees the unclosed list on the next line
    (break_front_matter_yaml, "read", PAGE, "nav_title:", "YAML"),
    (unknown_key, "read", PAGE, "author:", "unknown front matter key 'author'"),
    (missing_title, "read", PAGE, None, "'title'"),
    (missing_description, "read", PAGE, None, "'description'"),
    (no_front_matter, "read", PAGE, 1, "front matter missing"),
    (unknown_variable, "bodies", PAGE, None, "no_such_variable"),
    (unknown_function, "bodies", PAGE, None, "no_such_function"),
    (unknown_parameter, "bodies", PAGE, None, "no.such.parameter"),
    (bad_jinja_syntax, "bodies", PAGE, None, "syntax"),
    (bad_skill_row, "engine", "calculator/data/skill_occupations.json", '"no": 4,', "'name'"),
    (bad_qualification_row, "engine", "calculator/data/qualifications.json", None,
     "registration_required"),
    (broken_catalogue_json, "engine", "calculator/data/qualifications.json", None, "invalid JSON"),
    (broken_rules_toml, "engine", "calculator/data/rules.toml", None, "invalid TOML"),
    (unknown_document_in_rules, "engine", "calculator/data/rules.toml", 'id = "standard_score"',
     "parameter 'standard_score' since 2013-07-01: unknown document 'hf-2017-99'"),
    (gap_between_contribution_years, "engine", "calculator/data/yardsticks.toml",
     'from = "2022-08"',
     "must start the month after 2022-06"),
    (misspelt_parameter_in_a_decision, "engine", "calculator/data/decisions.toml", 'id = "D2"',
     "{age.max_pionts} is neither a parameter nor a term"),
    # a template's error needs the whole page context, which only the build puts together
    (missing_asset, "build only", "site_src/templates/page.html", "css/nope.css", "css/nope.css"),
    (bad_template_syntax, "templates", "site_src/templates/page.html", "{{ content }", "syntax"),
    (broken_internal_link, "links", PAGE, None, "/no-such-page/"),
    (broken_anchor, "links", PAGE, None, "skill-999"),
    (broken_local_anchor, "links", PAGE, None, "no-such-heading"),
    (inline_style, "links", PAGE, None, "inline style="),
    (missing_import, "assets", ROWS_JS, None, "imports ./missing.js, which does not exist"),
    (import_cycle, "assets", SHARE_JS, None,
     "import cycle: js/calculator-form.js -> js/calculator-share.js -> js/calculator-form.js"),
]
STEP_CASES = [case for case in CASES if case[1] != "build only"]
REAL_BUILDS = (misspelt_parameter_in_a_decision, missing_asset, broken_internal_link)
BUILD_CASES = [case for case in CASES if case[0] in REAL_BUILDS]

# Loads the engine of the copy it runs in, and reports a failure as build.py does.
LOAD_ENGINE = """
import sys
from sitebuild.engine import load_engine
from sitebuild.errors import BuildError
try:
    load_engine()
except BuildError as e:
    print(f"error: {e}", file=sys.stderr)
    sys.exit(1)
"""


@pytest.fixture(scope="module")
def functions() -> PageFunctions:
    return PageFunctions(load_engine(), None, None)


def read_copy(inputs, file: str):
    """The pages read from the copy, and the one read from `file`."""
    pages = read_pages(inputs.path("site_src/pages"))
    return pages, next(page for page in pages if page.file == file)


def step_error(step: str, inputs, file: str, functions: PageFunctions) -> str:
    """What the build prints when `step` meets the copy's broken input."""
    if step == "engine":
        result = subprocess.run([sys.executable, "-c", LOAD_ENGINE], cwd=inputs.root,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        return result.stderr.strip()
    with pytest.raises(BuildError) as caught:
        if step == "read":
            read_pages(inputs.path("site_src/pages"))
        elif step == "bodies":
            render_bodies([read_copy(inputs, file)[1]], functions, workers=0)
        elif step == "templates":
            pages = [p for p in read_copy(inputs, PAGE)[0] if p.meta.template == "page.html"]
            render_pages(pages[:1], template_environment(inputs.path("site_src/templates")),
                         {}, lambda page: {})
        elif step == "links":
            pages, page = read_copy(inputs, file)
            render_bodies([page], functions, workers=0)
            check_links({page.output: page.html.encode("utf-8")},
                        {p.output for p in pages}, {page.output: page.file})
        elif step == "assets":
            read_static(Assets(), inputs.path("site_src/static"), vendored=vendored_modules())
    return f"error: {caught.value}"


def assert_names(message: str, project, file: str, line: int | str | None, words: str) -> None:
    assert message.startswith(f"error: {file}:"), message
    if isinstance(line, str):
        text = project.path(file).read_text(encoding="utf-8").splitlines()
        line = next(number for number, got in enumerate(text, start=1) if line in got)
    if line is not None:
        assert message.startswith(f"error: {file}:{line}: "), message
    assert words in message


@pytest.mark.parametrize(("breaker", "step", "file", "line", "words"), STEP_CASES,
                         ids=[case[0].__name__ for case in STEP_CASES])
def test_the_step_names_the_broken_input(inputs, functions, monkeypatch,
                                         breaker, step, file, line, words):
    monkeypatch.setattr(paths, "ROOT", inputs.root)  # files named as in the project
    breaker(inputs)
    assert_names(step_error(step, inputs, file, functions), inputs, file, line, words)


@pytest.mark.parametrize(("breaker", "step", "file", "line", "words"), BUILD_CASES,
                         ids=[case[0].__name__ for case in BUILD_CASES])
def test_a_failed_build_leaves_the_output_untouched(built_project, breaker, step, file, line,
                                                    words):
    before = built_project.snapshot()
    breaker(built_project)
    result = built_project.build("--no-compress")
    assert result.returncode != 0
    assert_names(result.stderr.strip(), built_project, file, line, words)
    assert "Traceback" not in result.stderr + result.stdout
    assert built_project.snapshot() == before
    leftovers = [p.name for p in built_project.root.iterdir() if p.name.startswith(".dist.")]
    assert leftovers == []


def test_line_numbers_point_into_the_page_body(inputs, functions, monkeypatch):
    monkeypatch.setattr(paths, "ROOT", inputs.root)
    inputs.edit(PAGE, "两个目录页", "{{ no_such_variable }} 两个目录页")
    lines = inputs.path(PAGE).read_text(encoding="utf-8").splitlines()
    expected = next(i for i, text in enumerate(lines, start=1) if "no_such_variable" in text)
    assert step_error("bodies", inputs, PAGE, functions).startswith(f"error: {PAGE}:{expected}: ")



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
