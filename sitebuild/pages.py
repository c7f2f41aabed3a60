"""Reads site_src/pages/**/*.md into Page objects with their URL and output path."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import frontmatter
from .errors import BuildError
from .paths import PAGES, relative


@dataclass
class Page:
    source: Path
    url: str
    output: str  # path inside the output folder
    meta: frontmatter.FrontMatter
    body: str
    body_line: int
    html: str = ""
    toc: list = field(default_factory=list)
    sections: list | None = None  # the body split at h2/h3, for the search index

    @property
    def file(self) -> str:
        return relative(self.source)

    @property
    def nav_label(self) -> str:
        return self.meta.nav_title or self.meta.title


def url_for(relative_path: Path) -> tuple[str, str]:
    """Maps `faq.md` -> ('/faq/', 'faq/index.html'), `index.md` -> ('/', 'index.html')."""
    parts = list(relative_path.with_suffix("").parts)
    if parts == ["404"]:
        return "/404.html", "404.html"
    if parts[-1] == "index":
        parts = parts[:-1]
    if not parts:
        return "/", "index.html"
    slug = "/".join(parts)
    return f"/{slug}/", f"{slug}/index.html"


def read_pages(folder: Path = PAGES) -> list[Page]:
    pages = []
    for source in sorted(folder.rglob("*.md")):
        file = relative(source)
        try:
            text = source.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise BuildError(file, f"not UTF-8 text: {e}") from None
        meta, body, body_line = frontmatter.parse(text, file)
        url, output = url_for(source.relative_to(folder))
        pages.append(Page(source, url, output, meta, body, body_line))
    if not pages:
        raise BuildError(relative(folder), "no pages found")
    return pages
