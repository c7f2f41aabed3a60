"""Reads rendered HTML back: the ids and links in a page, and its text split by h2/h3 sections."""

from __future__ import annotations

from html.parser import HTMLParser

SKIP_TEXT = {"script", "style", "nav", "header", "footer", "noscript"}
BLOCK = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "br", "tr", "caption",
         "figcaption", "blockquote", "pre", "div", "section", "table"}


class LinkCollector(HTMLParser):
    """Collects every element id and every href/src with its source line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []
        self.inline: list[tuple[str, int]] = []  # inline scripts/styles/handlers found

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for attr in ("href", "src"):
            if values.get(attr) is not None and not (tag == "link" and attr == "href"
                                                     and values.get("rel") == "canonical"):
                self.links.append((values[attr], line))
        if tag == "script" and not values.get("src") and values.get("type") != "application/json":
            self.inline.append(("<script> without src", line))
        if tag == "style":
            self.inline.append(("<style>", line))
        for name in values:
            if name == "style" or name.startswith("on"):
                self.inline.append((f"{name}= attribute", line))


def collect(html: str) -> LinkCollector:
    parser = LinkCollector()
    parser.feed(html)
    parser.close()
    return parser


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
