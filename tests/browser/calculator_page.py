"""Helpers shared by the calculator's browser tests."""

from __future__ import annotations

import base64
import functools
import http.server
import json
import threading
from pathlib import Path
from typing import ClassVar

from playwright.sync_api import Page, expect

READY_MS = 30_000
AS_OF = "2026-11-01"


def share_hash(profile, *, padding: bool = False) -> str:
    raw = json.dumps(profile, ensure_ascii=False).encode("utf-8")
    text = base64.urlsafe_b64encode(raw).decode("ascii")
    return "#profile=" + (text if padding else text.rstrip("="))


def open_calculator(page: Page, site_url: str, fragment: str = "") -> None:
    page.goto(f"{site_url}/calculator/{fragment}")


def wait_ready(page: Page) -> None:
    expect(page.locator("#calculator")).to_have_attribute("data-engine", "ready", timeout=READY_MS)


def expect_total(page: Page, total: int, passes: bool | None = None) -> None:
    expect(page.locator("#total")).to_have_text(str(total), timeout=10_000)
    if passes is not None:
        expect(page.locator("#total")).to_have_attribute(
            "data-passes", "true" if passes else "false"
        )


def field(page: Page, name: str):
    """The visible control whose name is the profile path `name`."""
    return page.locator(f'#calculator [name="{name}"]:visible').first


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json",
        ".whl": "application/zip",
    }

    def log_message(self, format, *args):
        pass


def serve(directory: Path):
    """Serve `directory` on a free loopback port; returns (server, base URL)."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
