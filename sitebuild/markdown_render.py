"""Page bodies: Jinja (page functions, StrictUndefined) first, then Python-Markdown."""

from __future__ import annotations

import jinja2
import markdown
from markdown.extensions.toc import slugify_unicode

from .errors import BuildError
from .jinja_errors import to_build_error
from .page_functions import PageFunctionError
from .pages import Page

MARKDOWN_EXTENSIONS = ["tables", "toc", "attr_list", "md_in_html", "fenced_code", "def_list"]
MARKDOWN_CONFIG = {"toc": {"slugify": slugify_unicode, "toc_depth": "2-3", "permalink": False}}


def body_environment() -> jinja2.Environment:
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # bodies are Markdown; page functions return escaped HTML
        keep_trailing_newline=True,
    )


def _flatten_toc(tokens: list[dict]) -> list[dict]:
    out = []
    for token in tokens:
        out.append({"id": token["id"], "name": token["name"], "level": token["level"]})
        out.extend(_flatten_toc(token.get("children", [])))
    return out


def render_body(page: Page, env: jinja2.Environment, functions: dict) -> None:
    try:
        template = env.from_string(page.body)
        source = template.render(functions)
    except PageFunctionError as e:
        error = to_build_error(e, page.file, "<template>", page.body_line - 1)
        raise BuildError(page.file, str(e), error.line) from None
    except jinja2.TemplateError as e:
        raise to_build_error(e, page.file, "<template>", page.body_line - 1) from None
    except BuildError:
        raise
    except Exception as e:
        error = to_build_error(e, page.file, "<template>", page.body_line - 1)
        raise BuildError(page.file, f"{type(e).__name__}: {e}", error.line) from None
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
    page.html = md.convert(source)
    page.toc = _flatten_toc(md.toc_tokens)
