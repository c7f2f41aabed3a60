"""A JSON Lines file: one profile per line in the documented format (docs/profile.md), with an
optional "name" beside the profile's own keys. A line that is not a JSON object is that row's
problem; the others are read. A whole file that is one JSON object (a profile as the other
commands read it) or a list of them is read as those rows."""

from __future__ import annotations

import json

from .limits import FileRefused, limit


def _row(number: int, profile) -> dict:
    if not isinstance(profile, dict):
        return {"row": number, "name": "", "profile": None, "problems": [
            "这一行不是有效的 JSON 对象（{…}），每行应是一个人的完整资料。"]}
    name = profile.pop("name", "")
    return {"row": number, "name": name if isinstance(name, str) else str(name),
            "profile": profile, "problems": []}


def _whole(text: str) -> list | None:
    try:
        found = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return [found] if isinstance(found, dict) else found if isinstance(found, list) else None


def rows(text: str) -> dict:
    whole = _whole(text)
    if whole is not None:
        if len(whole) > limit("rows_max"):
            raise FileRefused(f"文件超过{limit('rows_max')}人，请分成几个文件，每个不超过"
                              f"{limit('rows_max')}人。")
        return {"rows": [_row(n, p) for n, p in enumerate(whole, 1)], "notes": []}
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if len(found) >= limit("rows_max"):
            raise FileRefused(f"文件超过{limit('rows_max')}行，请分成几个文件，每个不超过"
                              f"{limit('rows_max')}人。")
        try:
            profile = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            profile = None
        found.append(_row(number, profile))
    if not found:
        raise FileRefused("文件是空的：每行应是一个人的资料（JSON）。")
    return {"rows": found, "notes": []}
