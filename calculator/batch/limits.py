"""What a batch file may hold (vocabulary.toml [batch_limits]) and the one error a file that
cannot be read raises: a single message in plain Chinese, nothing else."""

from __future__ import annotations

from .. import vocabulary


class FileRefused(ValueError):
    """The file as a whole cannot be read; `reason` says why in Chinese and what to do."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def limit(key: str) -> int:
    return vocabulary.entries("batch_limits")[key]


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


def check_cell(text: str, column: str) -> str | None:
    """A problem when one cell is longer than any answer can be."""
    top = limit("cell_chars_max")
    if len(text) > top:
        return f"{column}：这一格有{len(text)}个字，超过了{top}个字，请检查是否填错了格。"
    return None
