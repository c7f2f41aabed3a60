"""`build.py --serve --watch`: serves like a host, rebuilds on change, keeps the last good build."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

PAGE = "site_src/pages/catalogue/index.md"


def _get(url: str, encoding: str = "identity") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def _wait_for(predicate, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def server(project):
    process = subprocess.Popen(
        [sys.executable, "-u", str(project.root / "build.py"), "--out", str(project.out),
         "--serve", "--watch", "--port", "0"],
        cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: list[str] = []

    def serving_url():
        line = process.stdout.readline()
        lines.append(line)
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        return match.group(0) if match else None

    try:
        url = _wait_for(serving_url, 120)
        yield url, process, lines
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serves_types_encodings_and_404(server):
    url, _, _ = server
    status, headers, body = _get(url + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"</html>" in body
    status, headers, _ = _get(url + "/pyodide/314.0.7/pyodide.asm.wasm", "br, gzip")
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"]
    _, headers, _ = _get(url + "/pyodide/314.0.7/pyodide.mjs", "gzip")
    assert headers["Content-Type"].startswith("text/javascript")
    assert headers["Content-Encoding"] == "gzip"
    _, headers, _ = _get(url + "/manifest.webmanifest")
    assert headers["Content-Type"] == "application/manifest+json"
    status, _, body = _get(url + "/no-such-page/")
    assert status == 404 and "没有找到这个页面".encode() in body


def test_watch_rebuilds_and_keeps_the_last_good_build(server, project):
    url, process, lines = server
    project.edit(PAGE, "两个目录页", "改动之后的两个目录页")
    _wait_for(lambda: "改动之后".encode() in _get(url + "/catalogue/")[2])

    project.edit(PAGE, "nav_order: 30", "nav_order: 30\nauthor: 某人")

    def failed():
        line = process.stdout.readline()
        lines.append(line)
        return "still serving the last good build" in line

    _wait_for(failed)
    assert any(f"error: {PAGE}" in line for line in lines)
    status, _, body = _get(url + "/catalogue/")
    assert status == 200 and "改动之后".encode() in body
