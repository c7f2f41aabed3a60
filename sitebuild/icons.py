"""App icons drawn in code and written by a tiny PNG encoder (no image library needed):
a square in the theme colour with three rising bars, safe for maskable cropping."""

from __future__ import annotations

import struct
import zlib

BACKGROUND = (0x0B, 0x5C, 0xAD)
FOREGROUND = (0xFF, 0xFF, 0xFF)
# Bars as fractions of the side: (left, top, right, bottom); all inside the maskable safe zone.
BARS = ((0.28, 0.52, 0.38, 0.66), (0.45, 0.41, 0.55, 0.66), (0.62, 0.28, 0.72, 0.66))
BASELINE = (0.26, 0.68, 0.74, 0.71)


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGB PNG from raw rows of width*3 bytes."""
    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def icon(size: int) -> bytes:
    bg, fg = bytes(BACKGROUND), bytes(FOREGROUND)
    shapes = [tuple(round(f * size) for f in shape) for shape in (*BARS, BASELINE)]
    rows = []
    for y in range(size):
        row = bytearray(bg * size)
        for left, top, right, bottom in shapes:
            if top <= y < bottom:
                row[left * 3 : right * 3] = fg * (right - left)
        rows.append(bytes(row))
    return png(size, size, rows)


def icon_files() -> dict[str, bytes]:
    return {f"icons/icon-{size}.png": icon(size) for size in (192, 512)}
