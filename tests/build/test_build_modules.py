"""The browser code as ES modules: the build rewrites each relative import to the imported
file's hashed URL, hashing dependencies first, and refuses a missing import or a cycle."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitebuild.assets import Assets, import_specifiers, read_static
from sitebuild.errors import BuildError
from sitebuild.vendor import vendored_modules

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "site_src" / "static" / "js"
# What a browser reads as a module specifier in the built files (static and dynamic imports).
IMPORTED = re.compile(
    r"""^[ \t]*(?:import|export)\b[^"';()]*?\bfrom\s*["']([^"']+)["']"""
    r"""|^[ \t]*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)""",
    re.M,
)
HASHED_JS = re.compile(r"^/assets/js/[\w-]+\.[0-9a-f]{10}\.m?js$")


def imported(code: str) -> list[str]:
    return [next(g for g in match.groups() if g) for match in IMPORTED.finditer(code)]


def built_modules(site_dir: Path) -> dict[str, str]:
    """URL -> code of every JavaScript file the build wrote under /assets/js/."""
    return {
        "/" + path.relative_to(site_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((site_dir / "assets" / "js").glob("*.js"))
    }


def asset_urls(site_dir: Path) -> dict[str, str]:
    """Logical name ("calculator-form.js") -> its hashed URL in the output."""
    urls = {}
    for url in built_modules(site_dir):
        stem, _hash, suffix = Path(url).name.rsplit(".", 2)
        urls[f"{stem}.{suffix}"] = url
    return urls


# ---- the real site --------------------------------------------------------------------------

def test_sources_use_relative_imports_and_no_shared_global():
    vendored = {name.removeprefix("js/") for name in vendored_modules()}
    for source in sorted(JS.glob("*.js")):
        code = source.read_text(encoding="utf-8")
        assert "globalThis.ShPoints" not in code, source.name
        for specifier in imported(code):
            if specifier.startswith("./"):
                name = specifier.removeprefix("./")
                assert (JS / name).is_file() or name in vendored, f"{source.name}: {specifier}"


EXPORTED = re.compile(r"^export (?:async )?(?:function\*?|class|const|let) ([\w$]+)", re.M)
NAMED_IMPORT = re.compile(r"^import \{([^}]*)\} from \"\./([\w.-]+)\";", re.M)
# A unit test under tests/js imports a module's pure parts from the site's folder.
TEST_IMPORT = re.compile(
    r"^import \{([^}]*)\} from \"\.\./\.\./site_src/static/js/([\w.-]+)\";", re.M)
JS_TESTS = Path(__file__).resolve().parents[1] / "js"


def test_every_export_is_imported_by_another_module_or_a_unit_test():
    exports = {source.name: set(EXPORTED.findall(source.read_text(encoding="utf-8")))
               for source in JS.glob("*.js")}
    used = {name: set() for name in exports}
    importers = [(source, NAMED_IMPORT) for source in JS.glob("*.js")]
    importers += [(test, TEST_IMPORT) for test in JS_TESTS.glob("*.mjs")]
    for source, pattern in importers:
        for names, target in pattern.findall(source.read_text(encoding="utf-8")):
            assert target in exports, f"{source.name} imports ./{target}"
            for name in names.split(","):
                name = name.split(" as ")[0].strip()
                if name:
                    assert name in exports[target], f"{source.name}: {name} from ./{target}"
                    used[target].add(name)
    unused = {name: sorted(exports[name] - used[name]) for name in exports}
    assert {name: left for name, left in unused.items() if left} == {}


def test_every_import_in_the_output_is_an_existing_hashed_file(site_dir):
    modules = built_modules(site_dir)
    rewritten = 0
    for url, code in modules.items():
        for specifier in imported(code):
            assert not specifier.startswith("."), f"{url} still imports {specifier}"
            if specifier.startswith("/assets/"):
                assert HASHED_JS.match(specifier), f"{url}: {specifier}"
                assert specifier in modules, f"{url} imports {specifier}, which was not written"
                rewritten += 1
    assert rewritten >= 8  # the calculator's modules and site.js import their parts


def test_a_page_and_the_modules_it_imports_name_one_url_per_module(site_dir):
    """The calculator page loads calculator-engine.js itself and calculator.js imports it: both
    must name the same URL, or the browser would run two copies (two engine workers)."""
    html = (site_dir / "calculator" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="module" src="([^"]+)"', html)
    urls = asset_urls(site_dir)
    assert urls["calculator-engine.js"] in scripts and urls["calculator.js"] in scripts
    calculator = built_modules(site_dir)[urls["calculator.js"]]
    assert urls["calculator-engine.js"] in imported(calculator)
    assert urls["offline.js"] in imported(calculator)
    site = built_modules(site_dir)[urls["site.js"]]
    assert imported(site) == [urls["offline.js"]]


def test_changing_a_leaf_module_changes_the_hash_of_every_module_that_imports_it(built_project):
    before = asset_urls(built_project.out)
    # calculator-share.js imports nothing; calculator-form.js, calculator-keep.js,
    # calculator-answers.js and calculator-scoring.js import it, calculator-errors.js and
    # calculator-form-fill.js import calculator-form.js, and calculator.js all of them.
    built_project.edit("site_src/static/js/calculator-share.js", "const MAX_LINK_CHARS = 20000;",
                       "const MAX_LINK_CHARS = 20001;")
    result = built_project.build("--no-compress")
    assert result.returncode == 0, result.stderr
    after = asset_urls(built_project.out)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"calculator-share.js", "calculator-form.js", "calculator-keep.js",
                       "calculator-answers.js", "calculator-scoring.js", "calculator-errors.js",
                       "calculator-form-fill.js", "calculator.js"}
    html = (built_project.out / "calculator" / "index.html").read_text(encoding="utf-8")
    assert after["calculator.js"] in html and before["calculator.js"] not in html
    form = (built_project.out / after["calculator-form.js"].lstrip("/")).read_text(encoding="utf-8")
    assert after["calculator-share.js"] in form


# ---- the rewrite on its own -----------------------------------------------------------------

def test_import_specifiers_finds_static_and_dynamic_imports_only():
    code = (
        'import { a, b } from "./a.js";\n'
        "import {\n  c,\n  d,\n} from './b.js';\n"
        'import "./side.js";\n'
        'import * as all from "./all.js";\n'
        'export { e } from "../up/e.js";\n'
        'export function f(x) { return "from"; }\n'
        "export const g = 1;\n"
        'const h = await import("./later.js");\n'
        "const i = await import(form.dataset.minisearch);\n"
        '// import j from "./comment.js";\n'
        "const k = import.meta.url;\n"
    )
    found = [s.text for s in import_specifiers(code)]
    assert found == ["./a.js", "./b.js", "./side.js", "./all.js", "../up/e.js", "./later.js"]
    for specifier in import_specifiers(code):
        assert code[specifier.start:specifier.end] == specifier.text


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def read(folder: Path) -> Assets:
    assets = Assets()
    read_static(assets, folder)
    return assets


def test_specifiers_become_hashed_urls_dependencies_first(tmp_path):
    folder = write(tmp_path, {
        "js/leaf.js": "export const x = 1;\n",
        "js/middle.js": 'import { x } from "./leaf.js";\nexport const y = x;\n',
        "js/top.js": "import { y } from './middle.js';\nimport \"../lib/z.mjs\";\n",
        "lib/z.mjs": "export {};\n",
        "css/site.css": "body {}\n",
    })
    assets = read(folder)
    top = assets.files[assets.urls["js/top.js"].lstrip("/")].decode()
    assert f"from '{assets.urls['js/middle.js']}'" in top
    assert f'import "{assets.urls["lib/z.mjs"]}"' in top
    middle = assets.files[assets.urls["js/middle.js"].lstrip("/")].decode()
    assert f'from "{assets.urls["js/leaf.js"]}"' in middle

    (folder / "js" / "leaf.js").write_text("export const x = 2;\n", encoding="utf-8")
    again = read(folder)
    for name in ("js/leaf.js", "js/middle.js", "js/top.js"):
        assert again.urls[name] != assets.urls[name], name
    for name in ("lib/z.mjs", "css/site.css"):
        assert again.urls[name] == assets.urls[name], name


@pytest.mark.parametrize(("files", "file", "words"), [
    ({"js/a.js": 'import { x } from "./missing.js";\n'},
     "js/a.js", "imports ./missing.js, which does not exist"),
    ({"js/a.js": 'import "./b.js";\n', "js/b.js": 'import { a } from "./a.js";\n'},
     "js/b.js", "import cycle: js/a.js -> js/b.js -> js/a.js"),
    ({"js/a.js": 'import "./a.js";\n'}, "js/a.js", "import cycle: js/a.js -> js/a.js"),
    ({"js/a.js": 'import MiniSearch from "minisearch";\n'}, "js/a.js", "'minisearch'"),
], ids=["missing", "cycle", "itself", "bare"])
def test_broken_imports_fail_naming_the_module(tmp_path, files, file, words):
    folder = write(tmp_path, files)
    with pytest.raises(BuildError) as caught:
        read(folder)
    assert caught.value.file.endswith(file)
    assert words in caught.value.message


# ---- vendored modules (sitebuild/vendor.py) --------------------------------------------------

def test_a_vendored_module_is_imported_by_relative_specifier_and_hashed(tmp_path):
    folder = write(tmp_path, {"js/uses.js": 'const lib = await import("./lib.js");\n'})
    assets = Assets()
    read_static(assets, folder, vendored={"js/lib.js": b"export const a = 1;\n"})
    uses = assets.files[assets.urls["js/uses.js"].lstrip("/")].decode()
    assert f'import("{assets.urls["js/lib.js"]}")' in uses
    assert assets.files[assets.urls["js/lib.js"].lstrip("/")] == b"export const a = 1;\n"
    with pytest.raises(BuildError) as caught:
        read_static(Assets(), folder, vendored={"js/lib.js": b'import "./other.js";\n'})
    assert "must not import" in caught.value.message


def test_the_qr_library_is_vendored_with_its_licence_and_loaded_only_when_asked(site_dir):
    modules = built_modules(site_dir)
    urls = asset_urls(site_dir)
    qr = urls["qr.js"]
    code = modules[qr]
    assert code.splitlines()[0].startswith("/*! uqr ") and "MIT License" in code.splitlines()[0]
    assert "function encode(" in code and imported(code) == []
    # one module imports it, by a dynamic import() of its hashed URL
    assert [url for url, c in modules.items() if qr in imported(c)] == [urls["calculator-qr.js"]]
    assert f'import("{qr}")' in modules[urls["calculator-qr.js"]]
    html = (site_dir / "calculator" / "index.html").read_text(encoding="utf-8")
    assert qr not in html
    # not in the offline copy made when the service worker installs: fetched (and then kept)
    # when a code is first asked for; the plan's own modules are
    first = (site_dir / "sw.js").read_text(encoding="utf-8").split("\n", 1)[0]
    precache = json.loads(first[len("const BUILD = "):-1])["precache"]
    assert qr not in precache
    assert {urls["calculator-plan.js"], urls["calculator-plan-chart.js"]} <= set(precache)
