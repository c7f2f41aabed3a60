"""A JSON Lines file: one profile per line in the documented format (docs/profile.md), with an
optional "name" beside the profile's own keys. A line that is not a JSON object is that row's
problem; the others are read."""

from __future__ import annotations

import json

from .limits import FileRefused, limit


def rows(text: str) -> dict:
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
        if not isinstance(profile, dict):
            found.append({"row": number, "name": "", "profile": None, "problems": [
                "这一行不是有效的 JSON 对象（{…}），每行应是一个人的完整资料。"]})
            continue
        name = profile.pop("name", "")
        found.append({"row": number, "name": name if isinstance(name, str) else str(name),
                      "profile": profile, "problems": []})
    if not found:
        raise FileRefused("文件是空的：每行应是一个人的资料（JSON）。")
    return {"rows": found, "notes": []}
