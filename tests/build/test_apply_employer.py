"""The apply page's section for the employer's staff (/apply/#employer): what the employer must
be and where it registers, who files for dispatched staff, with each fact's public source from
the rules data linked to the sources list; a page citing an unknown source fails the build."""

from __future__ import annotations

import re

import pytest

from sitebuild.engine import load_engine
from sitebuild.markdown_render import body_environment, render_source
from sitebuild.page_functions import PageFunctionError, PageFunctions
from sitebuild.pages import read_pages


@pytest.fixture(scope="module")
def functions():
    return PageFunctions(load_engine(), "/about/", "/about/")


@pytest.fixture(scope="module")
def employer(functions) -> str:
    """The rendered #employer section, up to the next section of its level."""
    page = next(p for p in read_pages() if p.file.endswith("apply.md"))
    html, _toc = render_source(page.file, page.body, page.body_line, body_environment(),
                               functions.context())
    start = html.index('id="employer"')
    return html[start:html.index("<h2", start)]


def subsection(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find("<h3", start)
    return html[start:end if end != -1 else len(html)]


def cited(html: str) -> set[str]:
    return set(re.findall(r'href="/about/#source-([\w-]+)"', html))


def test_refs_links_each_known_source_and_fails_on_an_unknown_one(functions):
    assert str(functions.refs("U1", "J-S13")) == (
        '<a href="/about/#source-U1">[U1]</a><a href="/about/#source-J-S13">[J-S13]</a>')
    with pytest.raises(PageFunctionError, match="refs: unknown source key"):
        functions.refs("U1", "U99")
    with pytest.raises(PageFunctionError, match="refs"):
        functions.refs()
    bare = PageFunctions(load_engine(), None, None)
    assert str(bare.refs("U2")) == "[U2]"


def test_the_employers_registration_is_said_with_its_sources(employer):
    unit = subsection(employer, "employer-unit")
    for words in ("注册地或登记地所在区的人才服务中心", "分支机构", "正常经营", "依法纳税",
                  "落户单位管理", "中介"):
        assert words in unit
    # 积分: where it files and who cannot; 居转户: which employer, where it registers, no agents
    assert {"S19b", "S29b", "S18", "S19", "J-O2", "J-S7", "J-S16", "J-S15", "J-S13"} <= cited(unit)


def test_who_files_for_dispatched_staff_is_said_with_its_source(employer):
    dispatch = subsection(employer, "employer-dispatch")
    assert "派遣单位" in dispatch and "实际工作的单位" in dispatch
    assert cited(dispatch) == {"U1"}
    assert 'href="/about/#decision-D26"' in dispatch  # the points side: the site's reading


def test_every_source_the_section_cites_is_in_the_rules_data_with_an_address(employer):
    sources = {s["key"]: s for s in load_engine().rules.sources()}
    keys = cited(employer)
    assert {"U1", "U2"} <= keys
    for key in keys:
        assert sources[key]["url"].startswith("https://"), key
        assert sources[key]["checked"], key
