"""The browser worker's requests, answered as JSON text: one function so the page's worker and
the build's check of the trimmed standard library run exactly the same code."""

from __future__ import annotations

import json

from . import catalogues
from .engine import score
from .errors import ValidationError
from .hukou import hukou
from .planner import plan


def answer(op: str, text: str) -> str:
    """`op` is "score", "plan", "hukou" (the 居转户 check) or "catalogues"; `text` the profile
    as JSON. A profile that is not valid gives {"ok": false, "kind": "validation", "problems":
    [...]}; anything else that goes wrong raises, and the worker reports it as an engine
    error."""
    try:
        if op == "catalogues":
            # Entries carry their everyday names; the title hints and not-counted names are
            # what the picker suggests besides them (catalogues.suggest ranks all four).
            result = {
                "skills": catalogues.skill_occupations(),
                "qualifications": catalogues.qualifications(),
                "titles": catalogues.title_hints(),
                "not_counted": catalogues.not_counted(),
            }
        elif op == "score":
            result = score(json.loads(text))
        elif op == "plan":
            result = plan(json.loads(text))
        elif op == "hukou":
            result = hukou(json.loads(text))
        else:
            raise ValueError("unknown op " + repr(op))
    except ValidationError as error:
        return json.dumps({"ok": False, "kind": "validation", "problems": error.problems},
                          ensure_ascii=False)
    return json.dumps({"ok": True, "result": result}, ensure_ascii=False, default=str)
