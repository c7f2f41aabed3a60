"""Static assets: every file under site_src/static is written as /assets/<name>.<hash>.<ext>,
except the few that must keep a fixed URL (service worker, manifest).

JavaScript files are ES modules. Each relative import specifier (`from "./calculator-form.js"`)
is rewritten to the imported file's hashed URL, so a module and everything it imports are
cached as immutable files and the browser needs nothing but `script-src 'self'`. A module's
hash is taken after the rewrite, dependencies first: changing a module gives every module that
imports it, directly or not, a new URL too."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import BuildError
from .hashing import short_hash
from .paths import STATIC, relative

UNHASHED = {"sw.js", "manifest.webmanifest"}
MODULE_SUFFIXES = {".js", ".mjs"}

# The specifier of a static `import … from "x"`, `export … from "x"` or `import "x"` at the
# start of a line, and of a dynamic `import("x")` with a literal string. (A statement cannot
# reach its `from` across a quote, a semicolon or a parenthesis, so a declaration such as
# `export function f(a) {` is never taken for one.)
SPECIFIER = re.compile(
    r"""^[ \t]*(?:import|export)(?=[\s{*])[^"';()]*?\bfrom\s*"""
    r"""(?P<q1>["'])(?P<from>[^"'\n]*)(?P=q1)"""
    r"""|^[ \t]*import\s*(?P<q2>["'])(?P<bare>[^"'\n]*)(?P=q2)"""
    r"""|\bimport\(\s*(?P<q3>["'])(?P<dynamic>[^"'\n]*)(?P=q3)\s*\)""",
    re.M,
)


@dataclass
class Specifier:
    text: str  # as written: "./calculator-form.js"
    start: int  # where it stands in the source (without the quotes)
    end: int


def import_specifiers(code: str) -> list[Specifier]:
    found = []
    for match in SPECIFIER.finditer(code):
        group = next(g for g in ("from", "bare", "dynamic") if match.group(g) is not None)
        found.append(Specifier(match.group(group), match.start(group), match.end(group)))
    return found


URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_relative(specifier: str) -> bool:
    return specifier.startswith(("./", "../"))


class Assets:
    """Maps a logical name ("css/site.css") to its hashed URL and holds the bytes to write."""

    def __init__(self) -> None:
        self.urls: dict[str, str] = {}
        self.files: dict[str, bytes] = {}  # output path -> content

    def add(self, name: str, data: bytes) -> str:
        path = PurePosixPath(name)
        hashed = path.with_name(f"{path.stem}.{short_hash(data)}{path.suffix}")
        output = f"assets/{hashed}"
        self.files[output] = data
        self.urls[name] = "/" + output
        return self.urls[name]

    def url(self, name: str, referrer: str) -> str:
        try:
            return self.urls[name]
        except KeyError:
            message = f"asset({name!r}): no such file in site_src/static"
            raise BuildError(referrer, message) from None


def read_static(assets: Assets, folder: Path = STATIC,
                vendored: dict[str, bytes] | None = None) -> None:
    """Every file of `folder`, modules rewritten; `vendored` (logical name -> code) are
    third-party modules from node_modules that the site's modules may import by relative
    specifier: each is written first, as it is, and must import nothing itself."""
    vendored = vendored or {}
    for name, data in vendored.items():
        if any(is_relative(s.text) for s in import_specifiers(data.decode("utf-8"))):
            raise BuildError(name, "a vendored module must not import other files")
        assets.add(name, data)
    sources: dict[str, Path] = {}
    for source in sorted(folder.rglob("*")):
        if not source.is_file() or source.name.startswith("."):
            continue
        name = source.relative_to(folder).as_posix()
        if name not in UNHASHED:
            sources[name] = source
    modules = {name: source for name, source in sources.items()
               if PurePosixPath(name).suffix in MODULE_SUFFIXES}
    for name, source in sources.items():
        if name not in modules:
            assets.add(name, source.read_bytes())
    graph = {name: _imports(name, source, {**sources, **dict.fromkeys(vendored)})
             for name, source in modules.items()}
    for name in _dependencies_first(graph, modules):
        code = _read_module(modules[name])
        assets.add(name, _rewritten(code, name, assets).encode("utf-8"))


def _read_module(source: Path) -> str:
    try:
        return source.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise BuildError(relative(source), f"not UTF-8 text: {e.reason}") from None


def _target(name: str, specifier: str) -> str:
    """The logical name a relative specifier of module `name` points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(name), specifier))


def _imports(name: str, source: Path, sources: dict[str, Path]) -> list[str]:
    """The static files module `name` imports by relative specifier; a missing one, or a bare
    specifier a browser cannot resolve, fails the build naming the module."""
    file = relative(source)
    found = []
    for specifier in import_specifiers(_read_module(source)):
        text = specifier.text
        if is_relative(text):
            target = _target(name, text)
            if target not in sources:
                raise BuildError(file, f"imports {text}, which does not exist")
            found.append(target)
        elif not text.startswith("/") and not URL_SCHEME.match(text):
            raise BuildError(file, f"imports {text!r}: a browser loads only specifiers that "
                             "start with ./, ../ or / (or a full URL)")
    return found


def _dependencies_first(graph: dict[str, list[str]], modules: dict[str, Path]) -> list[str]:
    """Module names ordered so that each comes after every module it imports; an import cycle
    (whose members could not name each other's hashes) fails the build."""
    order: list[str] = []
    done: set[str] = set()
    path: list[str] = []

    def visit(name: str) -> None:
        if name in done or name not in graph:  # done, or not a module (written as it is)
            return
        if name in path:  # the module last visited imports one still being visited
            cycle = " -> ".join([*path[path.index(name):], name])
            raise BuildError(relative(modules[path[-1]]), f"import cycle: {cycle} (a module "
                             "names the hashed URL of each module it imports, so none of them "
                             "can import it back)")
        path.append(name)
        for target in graph[name]:
            visit(target)
        path.pop()
        done.add(name)
        order.append(name)

    for name in sorted(graph):
        visit(name)
    return order


def _rewritten(code: str, name: str, assets: Assets) -> str:
    """The module's code with each relative specifier replaced by the target's hashed URL."""
    pieces = []
    at = 0
    for specifier in import_specifiers(code):
        if not is_relative(specifier.text):
            continue
        pieces += [code[at:specifier.start], assets.urls[_target(name, specifier.text)]]
        at = specifier.end
    pieces.append(code[at:])
    return "".join(pieces)
