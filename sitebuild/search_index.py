"""The offline search index: one document per page section (h2/h3), per catalogue entry (with
its everyday names) and per common certificate that is in neither catalogue (with the reason).
Searched in the browser by site_src/static/js/search.js (docs/search.md)."""

from __future__ import annotations

import json

from .catalogue import not_counted_rows, title_rows
from .html_text import sections
from .pages import Page

NOT_INDEXED = {"/404.html", "/search/"}
NOT_COUNTED_PAGE = "常见但不在目录中的证书"
TITLES_PAGE = "其实是职称的叫法"
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


def _aka(names: list[str]) -> str:
    return f"常用叫法：{'、'.join(names)}。" if names else ""


def catalogue_documents(skills: list[dict], qualifications: list[dict]) -> list[dict]:
    """One document per entry. `names` (the entry's name and alternative names) and `aka`
    (everyday names) are searched with a high weight, and search.js puts a document whose
    name or everyday name is the query, or starts with it, first (docs/search.md)."""
    docs = []
    for entry in skills:
        alt = "、".join(entry["alt_names"])
        docs.append({
            "url": entry["url"],
            "title": entry["name"],
            "page": "高技能人才职业、工种目录",
            "kind": "skill",
            "names": [entry["name"], *entry["alt_names"]],
            "aka": entry.get("everyday_names", []),
            **({"words": entry["words"]} if entry.get("words") else {}),
            "text": f"第 {entry['no']} 项" + (f"，又称 {alt}" if alt else "") + "。"
            + _aka(entry.get("everyday_names", []))
            + "技能等级三级及以上的证书，工种须在本目录中。",
        })
    for entry in qualifications:
        alt = "、".join(entry["alt_names"])
        registration = "需注册后计分" if entry["registration_required"] else "无需注册"
        docs.append({
            "url": entry["url"],
            "title": entry["name"],
            "page": "专业技术类职业资格目录",
            "kind": "qualification",
            "names": [entry["name"], *entry["alt_names"]],
            "aka": entry.get("everyday_names", []),
            **({"words": entry["words"]} if entry.get("words") else {}),
            "text": f"第 {entry['no']} 项" + (f"，又称 {alt}" if alt else "") + "。"
            + _aka(entry.get("everyday_names", []))
            + f"相当于中级职称：{entry['equivalent_title']}。{registration}。",
        })
    return docs


def not_counted_documents(not_counted: list[dict], titles: list[dict]) -> list[dict]:
    """One document per certificate in neither catalogue and per title hint, its text the
    reason (search.js shows these texts whole)."""
    docs = []
    for group in not_counted:
        docs.append({
            "url": group["url"],
            "title": group["name"],
            "page": NOT_COUNTED_PAGE,
            "kind": "not_counted",
            "names": [],
            "aka": group["names"],
            "text": group["reason"]
            + (f"也叫 {'、'.join(group['also'])}。" if group["also"] else ""),
        })
    for hint in titles:
        docs.append({
            "url": hint["url"],
            "title": hint["name"],
            "page": TITLES_PAGE,
            "kind": "title",
            "names": [],
            "aka": hint["names"],
            "text": f"{hint['reason']}包括 {'、'.join(hint['also'])}。",
        })
    return docs


def build_index(pages: list[Page], skills: list[dict], qualifications: list[dict]) -> bytes:
    docs = []
    for page in pages:
        if page.url not in NOT_INDEXED:
            docs.extend(page_documents(page))
    docs.extend(catalogue_documents(skills, qualifications))
    not_counted = getattr(qualifications, "not_counted", None)
    titles = getattr(qualifications, "titles", None)
    docs.extend(not_counted_documents(
        not_counted_rows() if not_counted is None else not_counted,
        title_rows() if titles is None else titles,
    ))
    for number, doc in enumerate(docs):
        doc["id"] = number
    return json.dumps({"docs": docs}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
