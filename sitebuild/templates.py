"""Renders each page through its template (which extends base.html)."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup

from .errors import BuildError
from .jinja_errors import describe
from .pages import Page
from .paths import TEMPLATES, relative


def template_environment(folder: Path = TEMPLATES) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _where(error: BaseException, page: Page) -> tuple[str, int | None]:
    """The template file and line of the error, else the page."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return relative(error.filename), error.lineno
    found = (page.file, None)
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.startswith(str(TEMPLATES)):
            found = (relative(frame.filename), frame.lineno)
    return found


def nav_items(pages: list[Page], current: Page) -> list[dict]:
    items = []
    for page in sorted((p for p in pages if p.meta.nav_order is not None),
                       key=lambda p: (p.meta.nav_order, p.url)):
        if page.url == current.url:
            state = "page"
        elif page.url != "/" and current.url.startswith(page.url):
            state = "true"
        else:
            state = None
        items.append({"url": page.url, "label": page.nav_label, "current": state})
    return items


def render_pages(
    pages: list[Page],
    env: jinja2.Environment,
    common: dict,
    per_page: Callable[[Page], dict],
) -> dict[str, bytes]:
    outputs = {}
    for page in pages:
        try:
            template = env.get_template(page.meta.template)
            html = template.render(
                **common,
                **per_page(page),
                page=page,
                content=Markup(page.html),
                nav=nav_items(pages, page),
            )
        except jinja2.TemplateNotFound as e:
            raise BuildError(page.file, f"template not found: {e.name}") from None
        except BuildError as e:
            file, line = _where(e, page)
            raise BuildError(file, f"{e.message} (rendering {page.file})", line) from None
        except Exception as e:
            file, line = _where(e, page)
            raise BuildError(file, f"{describe(e)} (rendering {page.file})", line) from None
        outputs[page.output] = html.encode("utf-8")
    return outputs
