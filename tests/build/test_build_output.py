"""The real site, built once into a temporary folder: what it contains and how it links."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import brotli
import pytest

from calculator import catalogues

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "site_src" / "pages"
HASHED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})(?P<ext>\.[a-z0-9]+)$")
CSP_DIRECTIVES = [
    "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'",
    "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'",
    "base-uri 'self'", "form-action 'self'",
]
# The standard library is the calculator's own (tests/build/test_stdlib.py), not Pyodide's.
PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json"]


class Parsed(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.ids: set[str] = set()
        self.inline_code: list[str] = []
        self._script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        self.tags.append((tag, values))
        if "id" in values:
            self.ids.add(values["id"])
        # JSON data blocks are not scripts: the CSP does not run them.
        self._script = tag == "script" and values.get("type") != "application/json"
        if tag == "style" or "style" in values or any(k.startswith("on") for k in values):
            self.inline_code.append(tag)

    def handle_data(self, data):
        if self._script and data.strip():
            self.inline_code.append("script")

    def handle_endtag(self, tag):
        self._script = False

    def find(self, tag, **attrs):
        return [v for t, v in self.tags
                if t == tag and all(v.get(k) == a for k, a in attrs.items())]


def expected_outputs() -> dict[str, str]:
    out = {}
    for source in PAGES.rglob("*.md"):
        parts = list(source.relative_to(PAGES).with_suffix("").parts)
        if parts == ["404"]:
            out["404.html"] = "/404.html"
            continue
        if parts[-1] == "index":
            parts = parts[:-1]
        path = "/".join(parts)
        out[f"{path}/index.html" if path else "index.html"] = f"/{path}/" if path else "/"
    return out


def html_pages(site_dir: Path) -> dict[str, Parsed]:
    return {p: Parsed((site_dir / p).read_text(encoding="utf-8")) for p in expected_outputs()}


@pytest.fixture(scope="module")
def pages(site_dir):
    return html_pages(site_dir)


def test_every_page_is_written(site_dir):
    for output in expected_outputs():
        assert (site_dir / output).is_file(), output


def test_catalogue_and_search_pages_exist(site_dir):
    for path in ("catalogue/skills/index.html", "catalogue/qualifications/index.html",
                 "search/index.html", "404.html"):
        assert (site_dir / path).is_file()


def test_each_page_has_title_description_canonical(site_dir, pages):
    titles = []
    for output, page in pages.items():
        html = (site_dir / output).read_text(encoding="utf-8")
        [title] = re.findall(r"<title>(.+?)</title>", html)
        titles.append(title)
        [description] = page.find("meta", name="description")
        assert description["content"].strip(), output
        canonical = page.find("link", rel="canonical")
        if output == "404.html":
            assert canonical == []
        else:
            assert canonical[0]["href"] == "https://jifen.example.org" + expected_outputs()[output]
    assert len(set(titles)) == len(titles)


def test_csp_meta_on_every_page_and_no_inline_code(pages):
    for output, page in pages.items():
        [csp] = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
        directives = [d.strip() for d in csp["content"].split(";")]
        assert directives == CSP_DIRECTIVES, output
        assert page.inline_code == [], output
        for _, attrs in page.tags:
            assert "style" not in attrs


def test_nav_marks_the_current_page(pages):
    for output, page in pages.items():
        nav_links = [a for t, a in page.tags if t == "a" and "aria-current" in a]
        url = expected_outputs()[output]
        exact = [a for a in nav_links if a["aria-current"] == "page"]
        if exact:
            assert [a["href"] for a in exact] == [url]
        section = [a for a in nav_links if a["aria-current"] == "true"]
        for a in section:
            assert url.startswith(a["href"]) and a["href"] != url
    index = pages["index.html"]
    assert [a["href"] for a in index.find("a", **{"aria-current": "page"})] == ["/"]
    skills = pages["catalogue/skills/index.html"]
    assert [a["href"] for a in skills.find("a", **{"aria-current": "true"})] == ["/catalogue/"]


def test_footer_says_not_official_with_rules_version(site_dir):
    import calculator

    for output in expected_outputs():
        text = (site_dir / output).read_text(encoding="utf-8")
        assert "本站不是官方网站" in text
        assert calculator.RULES_VERSION in text
        assert "https://rsj.sh.gov.cn/" in text


def test_assets_have_content_hashes(site_dir):
    assets = [p for p in (site_dir / "assets").rglob("*") if p.is_file()
              and p.suffix not in (".br", ".gz")]
    assert assets
    for path in assets:
        match = HASHED.match(path.name)
        assert match, path.name
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:10] == match["hash"]
    css = [p for p in assets if p.name.startswith("site.") and p.suffix == ".css"]
    assert len(css) == 1


def test_every_internal_link_and_anchor_resolves(site_dir, pages):
    checked = 0
    for output, page in pages.items():
        base = expected_outputs()[output]
        for tag, attrs in page.tags:
            link = attrs.get("href") or attrs.get("src")
            if not link or link.startswith(("http:", "https:", "mailto:", "tel:", "data:")):
                continue
            if tag == "link" and attrs.get("rel") == "canonical":
                continue
            parts = urlsplit(urljoin(base, link))
            path = unquote(parts.path)
            target = site_dir / path.lstrip("/")
            if path.endswith("/"):
                target = target / "index.html"
            assert target.is_file(), f"{output}: {link}"
            fragment = unquote(parts.fragment)
            if fragment and "=" not in fragment:
                ids = Parsed(target.read_text(encoding="utf-8")).ids
                assert fragment in ids, f"{output}: {link}"
            checked += 1
    assert checked > 100


def test_both_catalogues_list_every_entry(pages):
    skills = pages["catalogue/skills/index.html"]
    for entry in catalogues.skill_occupations():
        [row] = skills.find("tr", id=f"skill-{entry['no']}")
        assert entry["name"] in row["data-search"]
        for alt in entry["alt_names"]:
            assert alt in row["data-search"]
    rows = [1 for t, a in skills.tags if t == "tr" and "data-search" in a]
    assert len(rows) == len(catalogues.skill_occupations())
    quals = pages["catalogue/qualifications/index.html"]
    for entry in catalogues.qualifications():
        [row] = quals.find("tr", id=f"qual-{entry['no']}")
        assert entry["name"] in row["data-search"]
        assert entry["equivalent_title"] in row["data-search"]
    rows = [1 for t, a in quals.tags if t == "tr" and "data-search" in a]
    assert len(rows) == len(catalogues.qualifications())


def _profile_of(href: str) -> dict:
    import base64

    encoded = href.split("#profile=", 1)[1].split("&", 1)[0]
    return json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))


def test_catalogue_entries_link_to_a_prefilled_calculator(pages):
    links = [a["href"] for t, a in pages["catalogue/skills/index.html"].tags
             if t == "a" and a.get("href", "").startswith("/calculator/#profile=")]
    assert len(links) == len(catalogues.skill_occupations())
    # The calculator tells these from share links by the marker, and the profile is of today's
    # format, so the confirmations (与岗位相符) start unanswered.
    assert all(h.endswith("&from=catalogue") for h in links)
    profiles = [_profile_of(h) for h in links]
    assert {"version": 3,
            "credentials": [{"type": "skill", "level": 3, "occupation": "焊工"}]} in profiles
    quals = [a["href"] for t, a in pages["catalogue/qualifications/index.html"].tags
             if t == "a" and a.get("href", "").startswith("/calculator/#profile=")]
    assert len(quals) == len(catalogues.qualifications())
    names = {_profile_of(h)["credentials"][0]["name"] for h in quals}
    assert names == {e["name"] for e in catalogues.qualifications()}


def test_pyodide_runtime_files_are_copied(site_dir):
    folder = site_dir / "pyodide" / "314.0.7"
    for name in PYODIDE_FILES:
        copied = folder / name
        original = ROOT / "node_modules" / "pyodide" / name
        assert copied.read_bytes() == original.read_bytes()
    assert not (folder / "python_stdlib.zip").exists()
    [stdlib] = folder.glob("stdlib-*.zip")
    assert zipfile.is_zipfile(stdlib)


def test_precompressed_copies_match(site_dir):
    checked = 0
    for raw in [site_dir / "index.html", site_dir / "pyodide/314.0.7/pyodide.asm.wasm",
                *site_dir.glob("assets/css/site.*.css")]:
        if raw.suffix in (".br", ".gz"):
            continue
        data = raw.read_bytes()
        assert brotli.decompress((raw.parent / (raw.name + ".br")).read_bytes()) == data
        assert gzip.decompress((raw.parent / (raw.name + ".gz")).read_bytes()) == data
        checked += 1
    assert checked == 3


def test_sitemap_robots_and_404(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert "https://jifen.example.org/" in locs
    assert "https://jifen.example.org/catalogue/skills/" in locs
    assert not any("404" in loc for loc in locs)
    robots = (site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://jifen.example.org/sitemap.xml" in robots
    assert "没有找到" in (site_dir / "404.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_base_url_option_overrides_site_toml(tmp_path):
    out = tmp_path / "dist"
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--out", str(out), "--no-compress",
         "--base-url", "https://example.net/"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "https://example.net/faq/" in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.net/faq/">' in (
        out / "faq/index.html").read_text(encoding="utf-8")


def test_headers_file(site_dir):
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    assert "Content-Security-Policy: " + "; ".join(CSP_DIRECTIVES) in headers
    assert "/*\n" in headers and "  X-Frame-Options: DENY\n" in headers
    assert "/assets/*\n  Cache-Control: public, max-age=31536000, immutable" in headers
    assert "/pyodide/*\n  Cache-Control: public, max-age=31536000, immutable" in headers
    assert "/sw.js\n  Cache-Control: no-cache" in headers
    assert "/faq/\n  Cache-Control: no-cache" in headers
    assert "pyodide.asm.wasm\n  Content-Type: application/wasm" in headers


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_manifest_and_icons(site_dir):
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == "/"
    sizes = {}
    for icon in manifest["icons"]:
        path = site_dir / icon["src"].lstrip("/")
        assert path.is_file(), icon["src"]
        if icon["type"] == "image/png":
            sizes[icon["sizes"]] = _png_size(path.read_bytes())
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}


def test_service_worker_lists_everything_to_precache(site_dir):
    worker = site_dir / "sw.js"
    if not (ROOT / "site_src/static/sw.js").is_file():
        assert not worker.exists()
        return
    first, rest = worker.read_text(encoding="utf-8").split("\n", 1)
    assert first.startswith("const BUILD = ") and first.endswith(";")
    build = json.loads(first[len("const BUILD = "):-1])
    assert re.fullmatch(r"[0-9a-f]{16}", build["version"])
    precache = set(build["precache"])
    assert set(expected_outputs().values()) <= precache
    assert {f"/pyodide/314.0.7/{n}" for n in PYODIDE_FILES} <= precache
    wheel = next((site_dir / "wheels").rglob("*.whl"))
    assert "/" + wheel.relative_to(site_dir).as_posix() in precache
    for url in precache:
        path = site_dir / url.lstrip("/")
        assert path.is_file() or (path / "index.html").is_file(), url
    assert rest == (ROOT / "site_src/static/sw.js").read_text(encoding="utf-8")


def test_search_index_has_sections_and_catalogue_entries(site_dir):
    [index] = (site_dir / "assets").glob("search-index.*.json")
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    urls = {d["url"] for d in docs}
    assert "/catalogue/skills/#skill-36" in urls
    assert "/catalogue/qualifications/#qual-12" in urls
    assert any(u.startswith("/faq/#") for u in urls)
    assert not any(u.startswith(("/search/", "/404")) for u in urls)
    by_url = {d["url"]: d for d in docs}
    assert "热处理工" in by_url["/catalogue/skills/#skill-36"]["text"]


def test_pages_do_not_load_the_pyodide_runtime_except_the_calculator(pages):
    for output, page in pages.items():
        if output in ("calculator/index.html", "batch/index.html"):  # both run the engine
            continue
        for _, attrs in page.tags:
            for value in attrs.values():
                assert "pyodide" not in (value or ""), output


# A static import of a built module (the build rewrote it to a hashed URL).
STATIC_IMPORT = re.compile(
    r'^[ \t]*(?:import|export)\b[^"\';()]*?\bfrom\s*"(/assets/[^"]+)"'
    r'|^[ \t]*import\s*"(/assets/[^"]+)"',
    re.M,
)


def _first_visit_bytes(site_dir: Path, output: str, page: Parsed) -> int:
    """HTML + the CSS/JS it links (and the modules those import), as a browser fetches them
    with brotli."""
    def size(path: Path) -> int:
        br = path.with_name(path.name + ".br")
        return (br if br.is_file() else path).stat().st_size

    def with_imports(url: str) -> list[str]:
        if not url.endswith(".js"):
            return [url]
        code = (site_dir / url.lstrip("/")).read_text(encoding="utf-8")
        found = [url]
        for match in STATIC_IMPORT.finditer(code):
            found += with_imports(match[1] or match[2])
        return found

    total = size(site_dir / output)
    seen = set()
    for tag, attrs in page.tags:
        url = attrs.get("src") if tag == "script" else attrs.get("href") if (
            tag == "link" and attrs.get("rel") == "stylesheet") else None
        for needed in with_imports(url) if url else []:
            if needed not in seen:
                seen.add(needed)
                total += size(site_dir / needed.lstrip("/"))
        for key, value in attrs.items():
            if key.startswith("data-") and (value or "").startswith("/assets/") \
                    and value not in seen:
                seen.add(value)
                total += size(site_dir / value.lstrip("/"))
    return total


def test_pages_stay_under_60_kb_on_a_first_visit(site_dir, pages):
    for output, page in pages.items():
        if output == "calculator/index.html":
            continue
        assert _first_visit_bytes(site_dir, output, page) <= 60_000, output
