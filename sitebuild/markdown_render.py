"""Page bodies: Jinja (page functions, StrictUndefined) first, then Python-Markdown."""

from __future__ import annotations

import jinja2
import markdown
from markdown.extensions.toc import slugify_unicode

from .errors import BuildError
from .jinja_errors import to_build_error
from .page_functions import PageFunctionError

MARKDOWN_EXTENSIONS = ["tables", "toc", "attr_list", "md_in_html", "fenced_code", "def_list"]
MARKDOWN_CONFIG = {"toc": {"slugify": slugify_unicode, "toc_depth": "2-3", "permalink": False}}
JINJA_MARKERS = ("{{", "{%", "{#")
_converter: markdown.Markdown | None = None


def _markdown() -> markdown.Markdown:
    """One converter per process, reset between pages: setting up the extensions costs
    about as much as converting a short page."""
    global _converter
    if _converter is None:
        _converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS,
                                       extension_configs=MARKDOWN_CONFIG)
    return _converter.reset()


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


def _expand(file: str, body: str, body_line: int, env: jinja2.Environment, functions: dict) -> str:
    """The body with its page function calls expanded (plain Markdown is returned as is)."""
    if not any(marker in body for marker in JINJA_MARKERS):
        return body
    try:
        return env.from_string(body).render(functions)
    except PageFunctionError as e:
        error = to_build_error(e, file, "<template>", body_line - 1)
        raise BuildError(file, str(e), error.line) from None
    except jinja2.TemplateError as e:
        raise to_build_error(e, file, "<template>", body_line - 1) from None
    except BuildError:
        raise
    except Exception as e:
        error = to_build_error(e, file, "<template>", body_line - 1)
        raise BuildError(file, f"{type(e).__name__}: {e}", error.line) from None


def render_source(file: str, body: str, body_line: int, env: jinja2.Environment,
                  functions: dict) -> tuple[str, list[dict]]:
    """(HTML, flattened h2/h3 table of contents) of one page body."""
    md = _markdown()
    html = md.convert(_expand(file, body, body_line, env, functions))
    return html, _flatten_toc(md.toc_tokens)
