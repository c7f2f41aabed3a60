"""Where the project's inputs live."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_SRC = ROOT / "site_src"
PAGES = SITE_SRC / "pages"
TEMPLATES = SITE_SRC / "templates"
STATIC = SITE_SRC / "static"
SITE_TOML = SITE_SRC / "site.toml"
ENGINE = ROOT / "calculator"
PYPROJECT = ROOT / "pyproject.toml"
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
NODE_MODULES = ROOT / "node_modules"
CACHE = ROOT / ".cache" / "build"


def relative(path: Path) -> str:
    """A path as shown in messages: relative to the project when inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
