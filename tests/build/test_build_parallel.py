"""A large build: bodies rendered in a process pool, links read with a regular expression, files
compressed in threads. Each must give exactly what the plain, serial way gives."""

from __future__ import annotations

import pickle
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitebuild import bodies
from sitebuild.bodies import PARALLEL_FROM, render_bodies, worker_count
from sitebuild.engine import load_engine
from sitebuild.errors import BuildError
from sitebuild.frontmatter import FrontMatter
from sitebuild.html_text import PageLinks, _starttag, collect
from sitebuild.markdown_render import body_environment, render_source
from sitebuild.output import OutputTree, write_tree
from sitebuild.page_functions import PageFunctions
from sitebuild.pages import Page, read_pages


def synthetic(n: int, body: str | None = None) -> Page:
    body = body if body is not None else (
        f"引言 {n}。\n\n## 第一节 {n % 3}\n\n标准分值 {{{{ value(\"standard_score\") }}}} 分。\n\n"
        f"| 项目 | 分值 |\n|---|---|\n| 甲 | {n} |\n\n### 小节\n\n- [下一页](/p{n + 1}/)\n\n"
        "## 重复的标题\n\n## 重复的标题\n"
    )
    return Page(Path(f"site_src/pages/p{n}.md"), f"/p{n}/", f"p{n}/index.html",
                FrontMatter(title=f"页 {n}", description="说明"), body, 5)


def copies(pages: list[Page]) -> list[Page]:
    return [Page(p.source, p.url, p.output, p.meta, p.body, p.body_line) for p in pages]


@pytest.fixture(scope="module")
def functions() -> PageFunctions:
    return PageFunctions(load_engine(), None, None)


def rendered(pages: list[Page]) -> list[tuple]:
    return [(p.html, p.toc, p.sections) for p in pages]


def test_many_pages_render_the_same_in_a_pool_as_one_by_one(functions):
    pages = read_pages() + [synthetic(n) for n in range(PARALLEL_FROM)]
    serial, pooled = copies(pages), copies(pages)
    render_bodies(serial, functions, workers=0)
    render_bodies(pooled, functions, workers=2)
    assert rendered(pooled) == rendered(serial)
    assert all(p.html for p in pooled)
    assert serial[-1].toc[-1]["id"] == "重复的标题_1"  # ids are per page, not carried over


def test_a_reused_converter_starts_each_page_afresh(functions):
    env, context = body_environment(), functions.context()
    first = render_source("a.md", "## 标题\n\n正文[^1]\n", 1, env, context)
    render_source("b.md", "## 标题\n\n## 其他\n", 1, env, context)
    assert render_source("a.md", "## 标题\n\n正文[^1]\n", 1, env, context) == first
    assert first[1] == [{"id": "标题", "name": "标题", "level": 2}]


def test_plain_markdown_skips_jinja_but_still_renders(functions):
    env, context = body_environment(), functions.context()
    html, _ = render_source("a.md", "花括号 } 与 { 照原样。\n", 1, env, context)
    assert html == "<p>花括号 } 与 { 照原样。</p>"
    with pytest.raises(BuildError) as caught:
        render_source("a.md", "第一行\n\n{{ nothing_here }}\n", 5, env, context)
    assert caught.value.file == "a.md" and caught.value.line == 7


def test_a_failing_page_in_the_pool_is_named_with_its_line(functions):
    pages = [synthetic(n) for n in range(PARALLEL_FROM + 6)]
    pages[40] = synthetic(40, "正文\n\n{{ value(\"no.such.parameter\") }}\n")
    pages[60] = synthetic(60, "{{ undefined_name }}\n")
    with pytest.raises(BuildError) as caught:
        render_bodies(pages, functions, workers=2)
    assert caught.value.file == "site_src/pages/p40.md"  # the first failing page, in order
    assert caught.value.line == 7 and "no.such.parameter" in caught.value.message


def test_build_errors_survive_pickling():
    error = pickle.loads(pickle.dumps(BuildError("site_src/pages/a.md", "坏了", 3)))
    assert (error.file, error.message, error.line) == ("site_src/pages/a.md", "坏了", 3)
    assert str(error) == "site_src/pages/a.md:3: 坏了"


def test_small_sites_render_in_this_process(monkeypatch):
    assert worker_count(PARALLEL_FROM - 1) == 0
    monkeypatch.setattr(bodies.os, "sched_getaffinity", lambda _: {0}, raising=False)
    assert worker_count(1000) == 0  # one CPU: a pool would only add start-up
    monkeypatch.setattr(bodies.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    assert worker_count(1000) == 2


class ReferenceCollector(HTMLParser):
    """How the link check read pages with html.parser before: `collect` must find the same tags,
    attributes and lines (what is kept of each tag is one shared rule, `_starttag`)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = PageLinks()

    def handle_starttag(self, tag, attrs):
        _starttag(tag, dict(attrs), self.getpos()[0], self.found)


def reference(html: str) -> tuple:
    parser = ReferenceCollector()
    parser.feed(html)
    parser.close()
    return parser.found.ids, parser.found.links, parser.found.inline


def fast(html: str) -> tuple:
    found = collect(html)
    return found.ids, found.links, found.inline


TRICKY = [
    '<a href="/a/?x=1&amp;y=2" id=top>a</a><A HREF=\'/b/\' NAME="n">b</A>',
    '<!-- <a href="/hidden/"> --><p title="a > b" id="q">x</p>',
    '<script type="application/json">{"a": "<a href=\\"/in-json/\\">"}</script><a href="/after/">',
    "<style>a{color:red}</style>\n<p\nonclick='x()'\nstyle=\"c\">",
    '<script src="/s.js"></script><script>var a = "<img src=/x>";</script>',
    '<img src="/i.png"/><input required id="f"><p data-x="1" id="">',
    '<!DOCTYPE html>\n<link rel="canonical" href="https://x.org/">\n<link rel="icon" href="/i">',
    '<p>no attributes</p>\n\n<br/><td data-label="名称">名</td><h2 id="标题">标题</h2>',
    "<script src=/s.js />\n<a href=/z/>",
]


@pytest.mark.parametrize("html", TRICKY)
def test_link_reader_matches_html_parser_on_tricky_markup(html):
    assert fast(html) == reference(html)


def test_link_reader_matches_html_parser_on_the_whole_site(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) >= 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert fast(html) == reference(html), path


def test_threaded_write_gives_every_file_and_its_compressed_copies(tmp_path):
    tree = OutputTree()
    for n in range(40):
        tree.add(f"p{n}/index.html", (f"<p>页面 {n}</p>" * 200).encode())
    tree.add("same/index.html", tree.data["p0/index.html"])  # identical bytes, compressed once
    source = tmp_path / "big.css"
    source.write_bytes(b"body{color:red}" * 500)
    tree.copy("assets/big.css", source)
    write_tree(tree, tmp_path / "out", compress=True)
    for path in [*tree.data, "assets/big.css"]:
        written = tmp_path / "out" / path
        assert written.read_bytes() == tree.bytes_of(path)
        assert written.with_name(written.name + ".br").is_file()
        assert written.with_name(written.name + ".gz").is_file()
