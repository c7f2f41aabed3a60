"""The small files every host needs: sitemap.xml, robots.txt, _headers, manifest, sw.js."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from .assets import Assets
from .config import SiteConfig
from .errors import BuildError
from .paths import STATIC, relative

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
IMMUTABLE = "public, max-age=31536000, immutable"
MIME_TYPES = {
    ".mjs": "text/javascript; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
}
NOT_IN_SITEMAP = {"/404.html", "/search/"}


def sitemap(config: SiteConfig, page_urls: list[str]) -> bytes:
    urls = "".join(
        f"<url><loc>{escape(config.base_url + url)}</loc></url>\n"
        for url in sorted(page_urls) if url not in NOT_IN_SITEMAP
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n"
    ).encode("utf-8")


def robots(config: SiteConfig) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.base_url}/sitemap.xml\n".encode()


def headers_file(page_urls: list[str], hashed_paths: list[str],
                 immutable_files: list[str] = ()) -> bytes:
    """Netlify / Cloudflare Pages `_headers`. Rules are one per path so that no two
    Cache-Control values are merged by hosts that combine matching rules. immutable_files:
    content-named files outside the immutable folders (/batch/'s, beside its page)."""
    blocks = [
        "/*\n"
        f"  Content-Security-Policy: {CSP}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n"
        # A <meta> CSP cannot forbid framing; the header can.
        "  X-Frame-Options: DENY\n"
    ]
    for prefix in ("/assets/*", "/pyodide/*", "/wheels/*"):
        blocks.append(f"{prefix}\n  Cache-Control: {IMMUTABLE}\n")
    for path in sorted(immutable_files):
        blocks.append(f"/{path}\n  Cache-Control: {IMMUTABLE}\n")
    for url in [*sorted(page_urls), "/sw.js", "/manifest.webmanifest"]:
        blocks.append(f"{url}\n  Cache-Control: no-cache\n")
    for path in sorted(hashed_paths):
        suffix = Path(path).suffix
        if suffix in MIME_TYPES:
            blocks.append(f"/{path}\n  Content-Type: {MIME_TYPES[suffix]}\n")
    blocks.append(f"/manifest.webmanifest\n  Content-Type: {MIME_TYPES['.webmanifest']}\n")
    return "\n".join(blocks).encode("utf-8")


MANIFEST = STATIC / "manifest.webmanifest"
SERVICE_WORKER = STATIC / "sw.js"


def manifest(config: SiteConfig, assets: Assets, source: Path = MANIFEST) -> bytes:
    """The manifest from site_src/static, with icon names resolved to their hashed URLs."""
    file = relative(source)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(file, "file not found") from None
    except json.JSONDecodeError as e:
        raise BuildError(file, f"invalid JSON: {e.msg}", e.lineno) from None
    data.setdefault("name", config.name)
    data.setdefault("short_name", config.short_name)
    data.setdefault("description", config.description)
    data.setdefault("lang", config.language)
    data.setdefault("theme_color", config.theme_color)
    for icon in data.get("icons", []):
        icon["src"] = assets.url(icon["src"], file)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def service_worker(
    version: str, precache: list[str], batch: list[str] = (), source: Path = SERVICE_WORKER
) -> bytes | None:
    """`const BUILD = {...};` followed by site_src/static/sw.js, or None when there is none.
    batch: /batch/'s engine files, kept once /batch/ loads or asks for them."""
    if not source.is_file():
        return None
    build = json.dumps({"version": version, "precache": precache, "batch": list(batch)},
                       ensure_ascii=False, separators=(",", ":"))
    return f"const BUILD = {build};\n".encode() + source.read_bytes()
