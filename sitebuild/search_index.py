"""The offline search index: one document per page section (h2/h3) and per catalogue entry.
Searched in the browser by site_src/static/js/search.js (docs/search.md)."""

from __future__ import annotations

import json

from .html_text import sections
from .pages import Page

NOT_INDEXED = {"/404.html", "/search/"}
MAX_TEXT = 1200  # characters of section text kept for matching and snippets


def page_documents(page: Page) -> list[dict]:
    docs = []
    for section in page.sections if page.sections is not None else sections(page.html):
        if not section["heading"]:
            url, title = page.url, page.meta.title
        else:
            url = f"{page.url}#{section['id']}" if section["id"] else page.url
            title = section["heading"]
        docs.append({
            "url": url,
            "title": title,
            "page": page.meta.title,
            "text": section["text"][:MAX_TEXT],
        })
    return docs


def catalogue_documents(skills: list[dict], qualifications: list[dict]) -> list[dict]:
    docs = []
    for entry in skills:
        alt = "、".join(entry["alt_names"])
        docs.append({
            "url": entry["url"],
            "title": entry["name"],
            "page": "高技能人才职业、工种目录",
            "text": f"第 {entry['no']} 项" + (f"，又称 {alt}" if alt else "")
            + "。技能等级三级及以上的证书，工种须在本目录中。",
        })
    for entry in qualifications:
        alt = "、".join(entry["alt_names"])
        registration = "需注册后计分" if entry["registration_required"] else "无需注册"
        docs.append({
            "url": entry["url"],
            "title": entry["name"],
            "page": "专业技术类职业资格目录",
            "text": f"第 {entry['no']} 项" + (f"，又称 {alt}" if alt else "")
            + f"。相当于中级职称：{entry['equivalent_title']}。{registration}。",
        })
    return docs


def build_index(pages: list[Page], skills: list[dict], qualifications: list[dict]) -> bytes:
    docs = []
    for page in pages:
        if page.url not in NOT_INDEXED:
            docs.extend(page_documents(page))
    docs.extend(catalogue_documents(skills, qualifications))
    for number, doc in enumerate(docs):
        doc["id"] = number
    return json.dumps({"docs": docs}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
