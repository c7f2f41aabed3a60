"""Reads rendered HTML back: the ids and links in a page, and its text split by h2/h3 sections."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

SKIP_TEXT = {"script", "style", "nav", "header", "footer", "noscript"}
BLOCK = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "br", "tr", "caption",
         "figcaption", "blockquote", "pre", "div", "section", "table"}


# Start tags and what hides markup, as html.parser sees them: comments, declarations, and
# script/style content (not markup). Tags without attributes (<p>, </p>) are never matched,
# so one regular expression over the page is ~5x faster than HTMLParser's callbacks.
TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)|<[!?][^>]*>"""
    r"""|<(script|style)((?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?)>(?:(?<=/>)|.*?(?:</(?i:\1)\s*>|\Z))"""
    r"""|<([a-zA-Z][^\t\n\r\f />\x00]*)(\s(?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.S | re.I,
)
ATTRIBUTE = re.compile(
    r"""(?<=['"\s/])([^\s/>][^\s/=>]*)(?:\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?"""
)
NEWLINE = re.compile("\n")
RAW_TEXT = {"script", "style"}  # content is not markup (html.parser's CDATA_CONTENT_ELEMENTS)


@dataclass
class PageLinks:
    """Every element id and every href/src of a page, with source lines, and any inline
    script, style or event handler (forbidden by the Content Security Policy)."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)
    inline: list[tuple[str, int]] = field(default_factory=list)


def _attributes(text: str) -> dict[str, str | None]:
    values: dict[str, str | None] = {}
    for match in ATTRIBUTE.finditer(text):
        value = match.group(2)
        if value is not None:
            if value[:1] in ("'", '"') and value[:1] == value[-1:] and len(value) > 1:
                value = value[1:-1]
            value = unescape(value)
        values[match.group(1).lower()] = value
    return values


def _starttag(tag: str, values: dict, line: int, found: PageLinks) -> None:
    if values.get("id"):
        found.ids.add(values["id"])
    if tag == "a" and values.get("name"):
        found.ids.add(values["name"])
    for attr in ("href", "src"):
        if values.get(attr) is not None and not (tag == "link" and attr == "href"
                                                 and values.get("rel") == "canonical"):
            found.links.append((values[attr], line))
    if tag == "script" and not values.get("src") and values.get("type") != "application/json":
        found.inline.append(("<script> without src", line))
    if tag == "style":
        found.inline.append(("<style>", line))
    for name in values:
        if name == "style" or name.startswith("on"):
            found.inline.append((f"{name}= attribute", line))


def collect(html: str) -> PageLinks:
    found = PageLinks()
    newlines = [match.start() for match in NEWLINE.finditer(html)]
    for match in TOKEN.finditer(html):
        raw_tag, raw_attrs, tag, attrs = match.groups()
        if raw_tag is not None:
            tag, attrs = raw_tag, raw_attrs
        elif tag is None:
            continue
        values = _attributes(attrs)
        if values or raw_tag is not None:
            _starttag(tag.lower(), values, bisect_left(newlines, match.start()) + 1, found)
    return found


class SectionSplitter(HTMLParser):
    """Splits the main content into sections at each h2/h3 (with its id)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[dict] = [{"id": "", "heading": "", "text": []}]
        self._heading: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TEXT:
            self._skip += 1
        elif tag in ("h2", "h3"):
            self.sections.append({"id": dict(attrs).get("id") or "", "heading": "", "text": []})
            self._heading = []
        elif tag in BLOCK:
            self.sections[-1]["text"].append(" ")

    def handle_endtag(self, tag):
        if tag in SKIP_TEXT:
            self._skip = max(0, self._skip - 1)
        elif tag in ("h2", "h3") and self._heading is not None:
            self.sections[-1]["heading"] = "".join(self._heading).strip()
            self._heading = None

    def handle_data(self, data):
        if self._skip:
            return
        if self._heading is not None:
            self._heading.append(data)
        else:
            self.sections[-1]["text"].append(data)


def sections(html: str) -> list[dict]:
    parser = SectionSplitter()
    parser.feed(html)
    parser.close()
    out = []
    for section in parser.sections:
        text = " ".join("".join(section["text"]).split())
        if text or section["heading"]:
            out.append({"id": section["id"], "heading": section["heading"], "text": text})
    return out
