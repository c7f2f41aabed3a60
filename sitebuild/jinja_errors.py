"""Turns a Jinja exception into a BuildError with the template's line number."""

from __future__ import annotations

import jinja2

from .errors import BuildError


def template_line(error: BaseException, name: str) -> int | None:
    """The line in template `name` where `error` happened (Jinja rewrites tracebacks so that
    template frames carry the template's file name and line)."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.lineno:
        return error.lineno
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in (name, f"<template:{name}>") or (
            tb.tb_frame.f_code.co_filename.endswith(name)
        ):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def describe(error: BaseException) -> str:
    if isinstance(error, jinja2.UndefinedError):
        return f"unknown name in template: {error.message}"
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"template syntax error: {error.message}"
    if isinstance(error, jinja2.TemplateNotFound):
        return f"template not found: {error.name}"
    return f"{error}" if type(error).__name__.endswith("Error") and str(error) else repr(error)


def to_build_error(error: BaseException, file: str, name: str, line_offset: int = 0) -> BuildError:
    line = template_line(error, name)
    if line is not None:
        line += line_offset
    return BuildError(file, describe(error), line)
