"""The one error the engine raises for bad input: every problem at once, each with
its field path and a message in Chinese and English."""

from __future__ import annotations


class ValidationError(ValueError):
    def __init__(self, problems: list[dict]):
        self.problems = [dict(p) for p in problems]
        super().__init__(self.__str__())

    def __str__(self) -> str:
        lines = [f"{len(self.problems)} problem(s) in the profile / 输入有误："]
        for p in self.problems:
            where = p["path"] or "(profile)"
            lines.append(f"- {where}: {p['zh']} / {p['en']}")
        return "\n".join(lines)


class Problems:
    """Collects problems while a profile is read; `raise_if_any` ends the reading."""

    def __init__(self):
        self.items: list[dict] = []

    def add(self, path: str, zh: str, en: str) -> None:
        self.items.append({"path": path, "zh": zh, "en": en})

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)
