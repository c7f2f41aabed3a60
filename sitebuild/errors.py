"""The one error a build step raises: it names the file (and the line where known)."""

from __future__ import annotations

import re
from pathlib import Path


class BuildError(Exception):
    def __init__(self, file: Path | str, message: str, line: int | None = None):
        super().__init__(message)
        self.file = str(file)
        self.line = line
        self.message = message

    def __reduce__(self):  # crosses process boundaries when pages render in parallel
        return type(self), (self.file, self.message, self.line)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


def toml_error_line(error: Exception) -> int | None:
    """The line of a tomllib error (an attribute from Python 3.14, in the message before)."""
    if getattr(error, "lineno", None):
        return error.lineno
    match = re.search(r"at line (\d+)", str(error))
    return int(match.group(1)) if match else None
