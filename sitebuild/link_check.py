"""Checks every href/src in every written HTML page against the written files and their ids,
and that no page carries inline script or style (the CSP forbids them)."""

from __future__ import annotations

from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

from .errors import BuildError
from .html_text import collect

EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "blob:")


def _output_path(path: str, files: set[str]) -> str | None:
    """The output file a URL path is served from (as a static host would)."""
    rel = path.lstrip("/")
    candidates = [rel + "index.html"] if path.endswith("/") else [rel, rel + "/index.html"]
    for candidate in candidates:
        if normpath(candidate or ".") in files or candidate in files:
            return candidate
    return None


def page_url(output: str) -> str:
    if output == "index.html":
        return "/"
    if output.endswith("/index.html"):
        return "/" + output[: -len("index.html")]
    return "/" + output


def check_links(html_outputs: dict[str, bytes], files: set[str], source_of: dict[str, str]) -> int:
    """Raises BuildError for the first broken link; returns how many links were checked."""
    parsed = {path: collect(data.decode("utf-8")) for path, data in html_outputs.items()}
    checked = 0
    for path, page in parsed.items():
        source = source_of.get(path, path)
        for what, line in page.inline:
            raise BuildError(source, f"inline {what} in the written page (line {line} of {path}); "
                             "the Content Security Policy forbids it")
        base = page_url(path)
        for link, line in page.links:
            if link.startswith(EXTERNAL) or link.startswith("//"):
                continue
            checked += 1
            parts = urlsplit(urljoin(base, link))
            target = path if not link.split("#")[0] else _output_path(unquote(parts.path), files)
            if target is None:
                raise BuildError(source, f"link {link!r} points to nothing that was written "
                                 f"(line {line} of {path})")
            fragment = unquote(parts.fragment)
            if not fragment or "=" in fragment:  # "#profile=..." is state for the page's script
                continue
            ids = parsed[target].ids if target in parsed else None
            if ids is None or fragment not in ids:
                raise BuildError(source, f"link {link!r}: no element with id {fragment!r} in "
                                 f"{target} (line {line} of {path})")
    return checked
