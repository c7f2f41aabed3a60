"""A local server that behaves like the real host: right MIME types, pre-compressed .br/.gz
when the client accepts them, /404.html for unknown paths; with --watch it rebuilds on change
and keeps serving the last good build when a rebuild fails."""

from __future__ import annotations

import http.server
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from .paths import ENGINE, SITE_SRC
from .site_files import CSP, IMMUTABLE, MIME_TYPES

WATCHED = (SITE_SRC, ENGINE)
POLL_SECONDS = 0.5


def make_handler(root: Path):
    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map: ClassVar[dict[str, str]] = {
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            **MIME_TYPES,
            ".html": "text/html; charset=utf-8",
            ".css": "text/css; charset=utf-8",
        }

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, format, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return super().send_head()  # redirects to the slash form
                path = path / "index.html"
            status = 200
            if not path.is_file():
                path, status = root / "404.html", 404
                if not path.is_file():
                    self.send_error(404)
                    return None
            accepted = self.headers.get("Accept-Encoding", "")
            body, encoding = path, None
            for suffix, name in ((".br", "br"), (".gz", "gzip")):
                if name in accepted and path.with_name(path.name + suffix).is_file():
                    body, encoding = path.with_name(path.name + suffix), name
                    break
            f = body.open("rb")
            self.send_response(status)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
            rel = path.relative_to(root).as_posix()
            immutable = rel.startswith(("assets/", "pyodide/", "wheels/"))
            self.send_header("Cache-Control", IMMUTABLE if immutable else "no-cache")
            self.send_header("Content-Security-Policy", CSP)
            self.send_header("X-Frame-Options", "DENY")
            self.end_headers()
            return f

    return Handler


class LocalServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection mid-download (navigation, cancelled fetch) is normal.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(root: Path, port: int) -> LocalServer:
    """A server for `root` on 127.0.0.1 (port 0 picks a free one)."""
    return LocalServer(("127.0.0.1", port), make_handler(root))


def _snapshot() -> dict[str, float]:
    stamps = {}
    for folder in WATCHED:
        for path in folder.rglob("*"):
            if "__pycache__" not in path.parts and path.is_file():
                stamps[str(path)] = path.stat().st_mtime
    return stamps


def _watch(rebuild: Callable[[], bool]) -> None:
    seen = _snapshot()
    while True:
        time.sleep(POLL_SECONDS)
        now = _snapshot()
        if now != seen:
            seen = now
            print("change seen, rebuilding…", flush=True)
            if not rebuild():
                print("build failed; still serving the last good build", flush=True)


def serve(args, rebuild: Callable[[], bool]) -> None:
    root = args.out.resolve()
    server = make_server(root, args.port)
    print(f"serving {root} on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    if args.watch:
        threading.Thread(target=_watch, args=(rebuild,), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
