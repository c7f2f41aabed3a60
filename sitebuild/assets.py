"""Static assets: every file under site_src/static is written as /assets/<name>.<hash>.<ext>,
except the few that must keep a fixed URL (service worker, manifest)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .errors import BuildError
from .hashing import short_hash
from .paths import STATIC

UNHASHED = {"sw.js", "manifest.webmanifest"}


class Assets:
    """Maps a logical name ("css/site.css") to its hashed URL and holds the bytes to write."""

    def __init__(self) -> None:
        self.urls: dict[str, str] = {}
        self.files: dict[str, bytes] = {}  # output path -> content

    def add(self, name: str, data: bytes) -> str:
        path = PurePosixPath(name)
        hashed = path.with_name(f"{path.stem}.{short_hash(data)}{path.suffix}")
        output = f"assets/{hashed}"
        self.files[output] = data
        self.urls[name] = "/" + output
        return self.urls[name]

    def url(self, name: str, referrer: str) -> str:
        try:
            return self.urls[name]
        except KeyError:
            message = f"asset({name!r}): no such file in site_src/static"
            raise BuildError(referrer, message) from None


def read_static(assets: Assets, folder: Path = STATIC) -> None:
    for source in sorted(folder.rglob("*")):
        if not source.is_file() or source.name.startswith("."):
            continue
        name = source.relative_to(folder).as_posix()
        if name in UNHASHED:
            continue
        assets.add(name, source.read_bytes())
