"""The generator's small parts, one at a time."""

from __future__ import annotations

import base64
import json
import zlib

import pytest
from markdown.extensions.toc import slugify_unicode

from sitebuild import frontmatter
from sitebuild.compress import _brotli_quality, compressed_variants
from sitebuild.errors import BuildError
from sitebuild.html_text import sections
from sitebuild.icons import icon
from sitebuild.link_check import check_links
from sitebuild.links import calc_link
from sitebuild.markdown_render import MARKDOWN_CONFIG, MARKDOWN_EXTENSIONS
from sitebuild.pages import url_for


def test_heading_ids_keep_chinese():
    import markdown

    html = markdown.markdown("## 社保基数怎么算？\n\n## Age 年龄 (D2)\n",
                             extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
    assert '<h2 id="社保基数怎么算">' in html
    assert '<h2 id="age-年龄-d2">' in html
    assert slugify_unicode("积分：怎么申请", "-") == "积分怎么申请"


@pytest.mark.parametrize(("path", "url", "output"), [
    ("index.md", "/", "index.html"),
    ("faq.md", "/faq/", "faq/index.html"),
    ("404.md", "/404.html", "404.html"),
    ("catalogue/index.md", "/catalogue/", "catalogue/index.html"),
    ("catalogue/skills.md", "/catalogue/skills/", "catalogue/skills/index.html"),
])
def test_page_urls(path, url, output):
    from pathlib import Path

    assert url_for(Path(path)) == (url, output)


def test_front_matter_defaults_and_body_line():
    meta, body, line = frontmatter.parse("---\ntitle: 标题\ndescription: 说明\n---\n正文\n", "x.md")
    assert meta.template == "page.html" and meta.nav_order is None
    assert body == "正文\n" and line == 5


@pytest.mark.parametrize(("text", "words"), [
    ("---\ntitle: 标题\ndescription: 说明\nnav_order: 一\n---\n", "nav_order"),
    ("---\ntitle: 标题\ndescription: 说明\nnav_order: true\n---\n", "nav_order"),
    ("---\ntitle: ''\ndescription: 说明\n---\n", "title"),
    ("---\n- a\n- b\n---\n", "mapping"),
    ("---\ntitle: 标题\n", "not closed"),
])
def test_front_matter_errors(text, words):
    with pytest.raises(BuildError) as caught:
        frontmatter.parse(text, "x.md")
    assert caught.value.file == "x.md" and words in caught.value.message


def test_calc_link_is_base64url_json_without_padding():
    profile = {"credentials": [{"type": "skill", "level": 3, "occupation": "焊工"}]}
    link = calc_link(profile)
    encoded = link.removeprefix("/calculator/#profile=")
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded
    decoded = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode("utf-8")
    assert json.loads(decoded) == profile


def test_calc_link_from_another_page_carries_a_marker_after_the_profile():
    profile = {"version": 2, "credentials": [{"type": "qualification", "name": "注册会计师"}]}
    link = calc_link(profile, source="catalogue")
    assert link == calc_link(profile) + "&from=catalogue"


def test_sections_split_at_h2_and_h3():
    html = ('<p>引言</p><h2 id="a">第一节</h2><p>甲 乙</p><h3 id="b">小节</h3><p>丙</p>'
            '<nav>导航</nav>')
    assert sections(html) == [
        {"id": "", "heading": "", "text": "引言"},
        {"id": "a", "heading": "第一节", "text": "甲 乙"},
        {"id": "b", "heading": "小节", "text": "丙"},
    ]


def test_link_check_accepts_good_links_and_state_fragments():
    outputs = {
        "index.html": b'<a href="/faq/#q1">q</a><a href="#top">t</a><h1 id="top">x</h1>'
                      b'<a href="/calculator/#profile=abc">c</a><a href="https://x.org/">o</a>'
                      b'<script type="application/json">{}</script>',
        "faq/index.html": b'<h2 id="q1">q1</h2><a href="../">home</a>',
        "calculator/index.html": b"<p>calc</p>",
    }
    assert check_links(outputs, set(outputs), {}) == 4


@pytest.mark.parametrize(("html", "words"), [
    (b'<a href="/nowhere/">x</a>', "/nowhere/"),
    (b'<a href="/faq/#nope">x</a>', "nope"),
    (b'<img src="/assets/missing.png">', "missing.png"),
    (b"<script>alert(1)</script>", "inline"),
    (b'<p onclick="x()">x</p>', "onclick"),
])
def test_link_check_rejects(html, words):
    outputs = {"index.html": html, "faq/index.html": b'<h2 id="q1">q</h2>'}
    with pytest.raises(BuildError) as caught:
        check_links(outputs, set(outputs), {"index.html": "site_src/pages/index.md"})
    assert caught.value.file == "site_src/pages/index.md" and words in caught.value.message


def test_compression_is_skipped_for_small_or_binary_files():
    assert compressed_variants("a.css", b"x" * 100) == []
    assert compressed_variants("a.png", b"x" * 5000) == []
    variants = dict(compressed_variants("a.css", b"body{color:red}" * 200))
    assert set(variants) == {".br", ".gz"}


def test_large_runtime_files_get_the_best_brotli_quality():
    big = 5_000_000
    assert _brotli_quality("pyodide/314.0.7/stdlib-0123456789ab.zip", big) == 11
    assert _brotli_quality("pyodide/314.0.7/pyodide.asm.wasm", big) == 11
    assert _brotli_quality("wheels/0123/calculator-0.1.0-py3-none-any.whl", big) == 11
    assert _brotli_quality("batch/0123/calculator_batch-0.1.0-py3-none-any.whl", big) == 11
    assert _brotli_quality("batch/0123456789ab/stdlib.zip", big) == 11
    assert _brotli_quality("assets/search-index.0123456789.json", big) == 9


def test_icon_is_a_valid_png():
    data = icon(48)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    idat_length = int.from_bytes(data[33:37], "big")
    raw = zlib.decompress(data[41:41 + idat_length])
    assert len(raw) == 48 * (1 + 48 * 3)


def test_the_build_warns_when_todays_contribution_year_is_not_published():
    import datetime as dt

    from calculator import rules
    from sitebuild.engine import stale_yardstick_warning

    last = rules.yardsticks()[-1]["to"]
    year, month = (int(x) for x in last.split("-"))
    in_last_month = dt.date(year, month, 28)
    after = dt.date(year + (month == 12), month % 12 + 1, 1)
    assert stale_yardstick_warning(rules, in_last_month) is None
    warning = stale_yardstick_warning(rules, after)
    assert warning.startswith("calculator/data/yardsticks.toml: no contribution year covers ")
    assert f"{after.year:04d}-{after.month:02d}" in warning and "maintaining-rules.md" in warning


def _page_functions():
    from sitebuild.engine import load_engine
    from sitebuild.page_functions import PageFunctions

    return PageFunctions(load_engine(), None, None)


def test_the_build_counts_today_in_shanghai_as_the_engine_does():
    from calculator.dates import today_in_shanghai

    assert _page_functions().today == today_in_shanghai()


def test_the_yardstick_table_lists_every_rows_checked_date_and_the_ceilings_multiple():
    from calculator import rules

    functions = _page_functions()
    table = str(functions.yardstick_table())
    assert "<th scope=\"col\">资料查阅日期</th>" in table
    assert "<th scope=\"col\">缴费上限（3倍）</th>" in table
    for row in rules.yardsticks():
        cell = f'<td data-label="资料查阅日期">{row["checked"]}</td>'
        assert cell in table, row["from"]


def test_value_words_writes_a_value_as_the_sentences_do():
    functions = _page_functions()
    assert functions.value_words("credential.overseas_categories") == "A类、B类"
    assert functions.value_words("credential.skill_outside_levels") == "三级及以上"
    assert functions.value_words("credential.title_base_test_levels") == "中级职称、高级职称"
    assert functions.value_words("investment.tax_step_cny") == "10万"
    assert functions.since("credential.overseas_categories") == "2024-11-22"
    with pytest.raises(Exception, match="since: unknown parameter id"):
        functions.since("nope")
    with pytest.raises(Exception, match="value_words: unknown parameter id"):
        functions.value_words("nope")


def test_the_overseas_list_table_names_each_entry_its_categories_and_source():
    from calculator import overseas_list

    table = str(_page_functions().overseas_list_table())
    assert "2.0、3.0版的清单附件没有找到" in table
    for entry in overseas_list.facts()["entries"]:
        assert entry["name"] in table
    assert "A类、B类、C类（C类对应副高级）" in table


def test_pages_word_three_places_only_through_the_engine():
    from sitebuild.paths import ROOT

    for page in sorted((ROOT / "site_src" / "pages").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert "学习地" not in text and "户籍地" not in text, page.name
