"""One row of the template read into a profile (docs/profile.md, format 2, or 3 when a 居转户
column is filled) and the row's problems, each naming its column in plain Chinese: the cells
this module reads itself (yes or no, choices, the history cells) and those the engine finds
(calculator.ValidationError) mapped back to their columns."""

from __future__ import annotations

from .. import vocabulary
from ..parse import Unreadable
from ..profile_format import CREDENTIAL_KEYS
from . import cells, history
from .columns import columns, for_path
from .limits import check_cell

_MULTI = {"insurance": history.insurance, "permit": history.permits,
          "children": history.children}
_LEVELS = {"title": "title_levels", "skill": "skill_levels", "overseas": "overseas_levels"}


def _put(profile: dict, path: str, value) -> None:
    head, _, field = path.partition(".")
    if field:
        profile.setdefault(head, {})[field] = value
    else:
        profile[head] = value


def _credential(found: dict, problems: list[str]) -> dict | None:
    """The row's one certificate from the credential.* cells (typed text, already tidy)."""
    given = {k: v for k, v in found.items() if v is not None}
    if not given:
        return None
    type_column = _named("credential.type")
    if "type" not in given:
        problems.append(f"{type_column}：填了证书的其他信息，请也填写证书类别。")
        return None
    kind = given.pop("type")
    credential = {"type": kind}
    allowed = CREDENTIAL_KEYS[kind] | {"appointed"}
    level = given.pop("level", None)
    if level is not None and kind in _LEVELS:
        levels = _LEVELS[kind]
        words = [e.get("option", e["name"]) for e in vocabulary.entries(levels)]
        if kind == "skill":
            words = [vocabulary.skill_option(e["id"]) for e in vocabulary.entries(levels)]
        try:
            credential["level"] = cells.choice(level, levels, words)
        except Unreadable as error:
            problems.append(f"{_named('credential.level')}：{error.reason}")
            return None
    name = given.pop("name", None)
    if name is not None:
        key = {"skill": "occupation", "qualification": "name", "overseas": "name"}.get(kind)
        if key:
            credential[key] = name
    credential.update({k: v for k, v in given.items() if k in allowed})
    return credential


def _named(column_id: str) -> str:
    return next(c["name"] for c in columns() if c["id"] == column_id)


def read_row(texts: dict) -> tuple[str, dict, list[str]]:
    """(name, profile, problems) of one row: `texts` maps column ids to the cells' text."""
    profile, problems, credential = {}, [], {}
    name = (texts.get("name") or "").strip()
    hukou = False
    for column in columns():
        text = (texts.get(column["id"]) or "").strip()
        if not text or column["id"] == "name":
            continue
        too_long = check_cell(text, column["name"])
        if too_long:
            problems.append(too_long)
            continue
        try:
            value = _value(column, text, problems)
        except Unreadable as error:
            problems.append(f"{column['name']}：{error.reason}")
            continue
        if value is None and column["kind"] != "yes_no":
            continue
        hukou = hukou or column["hukou"] or value in ("zhangjiang", "new_town")
        if column["id"].startswith("credential."):
            credential[column["id"].split(".", 1)[1]] = value
        else:
            _put(profile, column["id"], value)
    found = _credential(credential, problems)
    if found is not None:
        profile["credentials"] = [found]
    if "investment" in profile and "share" not in profile["investment"]:
        problems.append(f"{_named('investment.share')}：填了投资的纳税额或人数，请也填写持股比例。")
        del profile["investment"]
    if "spouse" in profile:
        profile["spouse"] = {"married_on": profile["spouse"]["married_on"]}
    profile = {"version": 3 if hukou else 2, **profile}
    return name, profile, problems


def _value(column: dict, text: str, problems: list[str]):
    kind = column["kind"]
    if kind == "yes_no":
        return cells.yes_no(text)
    if kind == "choice":
        return cells.choice(text, column["choices"])
    if kind == "percent":
        return cells.percent(text)
    if kind == "dates":
        return history.dates(text)
    if kind in ("history", "periods", "children"):
        found, wrong = _MULTI[column["id"]](text)
        problems.extend(f"{column['name']}：{reason}" for reason in wrong)
        return found if not wrong else None
    return text  # text, date, month, level: read by the engine or by _credential


def engine_problems(found: list[dict], profile: dict) -> list[str]:
    """The engine's problems (calculator.ValidationError.problems) as the row's, each naming
    its column and, in a cell of several parts, the part."""
    out = []
    for problem in found:
        column, part = for_path(problem["path"])
        where = column["name"] if column else "这一行"
        if part is not None and column and column["kind"] in ("history", "periods"):
            where += f"第{part}段"
        elif part is not None and column and column["kind"] == "children":
            where += f"第{part}个孩子"
        elif part is not None and column and column["kind"] == "dates":
            where += f"第{part}个日期"
        line = f"{where}：{problem['zh']}"
        if line not in out:
            out.append(line)
    return out
