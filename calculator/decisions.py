"""The site's interpretations (本站解释) in words, every number in them filled from the
parameters in force on the evaluation date, so no interpretation can contradict its rule."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from . import vocabulary
from .rule_text import AREA_NAMES, THREE_PLACES, scale_phrase
from .rules import (
    decision_templates,
    epoch,
    first_day,
    first_document,
    in_force_since,
    label,
    newest_change,
    unit,
    value,
)

PLACEHOLDER = re.compile(r"\{([a-z0-9_.]+)\}")
# Words a template may name besides parameters.
TERMS = {"three_places": THREE_PLACES}
# {since.<parameter id>}: the first day that parameter was in force ("2025-11-14");
# {changed.<parameter id>}: the day its newest value took effect ("2019-08-20"), and
# {latest.<parameter id>}: that newest value, whatever the evaluation date;
# {document.<parameter id>}: the official document its first value in force rests on;
# {first_day}: the day the points system started, before which nothing is scored.
SINCE = "since."
CHANGED = "changed."
LATEST = "latest."
DOCUMENT = "document."
PREFIXES = (SINCE, CHANGED, LATEST, DOCUMENT)
FIRST_DAY = "first_day"


def skill_levels_words(levels) -> str:
    """Skill levels in words: 三级及以上 (3, 2, 1), 四级、五级, 二级."""
    names = vocabulary.names("skill_levels")
    ordered = sorted(levels, reverse=True)
    if len(ordered) > 1 and ordered == list(range(ordered[0], 0, -1)):
        return f"{names[ordered[0]]}及以上"
    return "、".join(names[level] for level in sorted(levels))


def in_words(param_id: str, found) -> str:
    """A parameter's value as the site writes it: a scale as its brackets, areas by name."""
    kind = unit(param_id)
    if found is None:
        return "无" if kind == "categories" else "（该日期未施行）"
    if kind == "scale":
        return scale_phrase(found)
    if kind == "areas":
        return "、".join(AREA_NAMES[area] for area in found)
    if kind == "categories":
        return "、".join(f"{c}类" for c in found)
    if kind == "skill_levels":
        return skill_levels_words(found)
    if kind == "title_levels":  # by the labels of their points (中级职称、高级职称)
        return "、".join(label(f"credential.title_{level}") for level in found)
    if kind == "cny" and found % 10000 == 0:
        return f"{found // 10000}万"
    if kind == "multiple":
        return f"{found:g}"
    if kind == "flag":
        return "是" if found else "否"
    if kind == "points" and found < 0:
        return f"－{-found}"
    return str(found)


def fill(template: str, day: date) -> str:
    def one(match: re.Match) -> str:
        name = match.group(1)
        if name in TERMS:
            return TERMS[name]
        if name.startswith(SINCE):
            since = in_force_since(name.removeprefix(SINCE))
            return since.isoformat() if since else "（未施行）"
        if name.startswith(CHANGED):
            return newest_change(name.removeprefix(CHANGED)).isoformat()
        if name.startswith(LATEST):
            param_id = name.removeprefix(LATEST)
            return in_words(param_id, value(param_id, newest_change(param_id)))
        if name.startswith(DOCUMENT):
            return first_document(name.removeprefix(DOCUMENT))
        if name == FIRST_DAY:
            return first_day().isoformat()
        return in_words(name, value(name, day))

    return PLACEHOLDER.sub(one, template)


def placeholders(template: str) -> list[str]:
    return PLACEHOLDER.findall(template)


def unknown_placeholders(template: str, parameter_ids: set) -> list[str]:
    """The names in braces in `template` that are neither a term nor a parameter id (nor
    since.<parameter id>, changed.<parameter id>, latest.<parameter id>,
    document.<parameter id>, first_day)."""
    return [
        name
        for name in placeholders(template)
        if name not in TERMS and name != FIRST_DAY
        and _without_prefix(name) not in parameter_ids
    ]


def _without_prefix(name: str) -> str:
    return next((name.removeprefix(p) for p in PREFIXES if name.startswith(p)), name)


@cache
def _decision_in_epoch(decision_id: str, day: date) -> dict:
    found = decision_templates()[decision_id]
    return {"id": found["id"], "topic": found["topic"], "text": fill(found["text"], day)}


def decision(decision_id: str, as_of: date) -> dict:
    return dict(_decision_in_epoch(decision_id, epoch(as_of)))


def decisions(as_of: date) -> list[dict]:
    return [decision(decision_id, as_of) for decision_id in decision_templates()]
