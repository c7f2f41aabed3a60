"""One cell of a batch row read as the profile's value: yes or no, a choice by its name, a
percentage. Dates, months, amounts and bases stay as typed: the engine reads them
(calculator.parse), so the file and the calculator accept the same forms."""

from __future__ import annotations

import re
import unicodedata

from .. import vocabulary
from ..parse import Unreadable

_YES = {"是", "有", "对", "已", "已确认", "Y", "YES", "TRUE", "1", "√", "✓", "✔", "符合", "相符",
        "一致", "已注册", "已核验", "已聘任", "已取得", "属于", "在", "T"}
_NO = {"否", "无", "没有", "不", "不是", "N", "NO", "FALSE", "0", "×", "✗", "✘", "不符合",
       "不相符", "不一致", "未", "未注册", "未核验", "未聘任", "未取得", "不属于", "不在", "F"}
_UNSURE = {"不确定", "不知道", "不清楚", "未确认", "待确认", "?", "？", "-", "—", "/"}

# Words people write for a choice, tried in this order after the vocabulary's own names.
ALIASES = {
    "education_levels": (
        ("博士", "doctor"), ("硕士", "master"), ("研究生", "master"),
        ("无学士", "bachelor"), ("没有学士", "bachelor"), ("无学位", "bachelor"),
        ("学士", "bachelor_with_degree"), ("本科", "bachelor"),
        ("大专", "junior_college"), ("专科", "junior_college"), ("高职", "junior_college"),
        ("高中", "none"), ("中专", "none"), ("初中", "none"), ("以下", "none"), ("无", "none"),
    ),
    "credential_types": (
        ("境外", "overseas"), ("认可清单", "overseas"), ("职称", "title"),
        ("技能", "skill"), ("职业资格", "qualification"), ("执业资格", "qualification"),
    ),
    "title_levels": (
        ("正高", "senior"), ("副高", "senior"), ("高级", "senior"), ("中级", "intermediate"),
        ("初级", "junior"), ("助理", "junior"), ("员级", "junior"),
    ),
    "skill_levels": (
        ("高级技师", 1), ("技师", 2), ("高级工", 3), ("中级工", 4), ("初级工", 5),
        ("一级", 1), ("二级", 2), ("三级", 3), ("四级", 4), ("五级", 5),
        ("1", 1), ("2", 2), ("3", 3), ("4", 4), ("5", 5),
    ),
    "overseas_levels": (("高级", "senior"), ("中级", "intermediate")),
    "overseas_categories": (("A", "A"), ("B", "B"), ("C", "C")),
    "awards": (
        ("省部级", "national"), ("国家", "national"), ("综合", "municipal_comprehensive"),
        ("专项", "municipal_special"), ("没有", "none"), ("无", "none"),
    ),
    "key_areas": (
        ("临港", "lingang"), ("张江", "zhangjiang"), ("新城", "new_town"),
        ("南北转型", "other"), ("其他", "other"), ("其它", "other"),
    ),
}


def tidy(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def yes_no(text: str) -> bool | None:
    """True, False, or None for 不确定 (unanswered)."""
    word = tidy(text).upper().rstrip("。.")
    if word in _YES:
        return True
    if word in _NO:
        return False
    if word in _UNSURE:
        return None
    raise Unreadable(f"“{text.strip()[:20]}”看不出是还是否，请填“是”或“否”（不确定的留空）。")


def _names(kind: str) -> dict:
    found = {}
    kinds = [kind, "hukou_areas"] if kind == "key_areas" else [kind]
    for each in kinds:
        for entry in vocabulary.entries(each):
            for word in ("name", "option", "worker"):
                if word in entry:
                    found[tidy(entry[word]).upper()] = entry["id"]
    return found


def choice(text: str, kind: str, words: list[str] | None = None):
    """The id of the choice `text` names: its name in the vocabulary, or a word of ALIASES in
    it (本科 → bachelor); `words` names the choices in the message."""
    word = tidy(text).upper()
    names = _names(kind)
    if word in names:
        return names[word]
    for alias, value in ALIASES.get(kind, ()):
        if alias.upper() in word:
            return value
    offered = words or [e.get("option", e["name"]) for e in vocabulary.entries(kind)]
    raise Unreadable(f"“{text.strip()[:20]}”不是可选的值，请填：{'、'.join(offered)}。")


def percent(text: str) -> float:
    """A share in percent, 60 or 60%, as a part of one (0.6)."""
    found = re.fullmatch(r"(\d+(?:\.\d+)?)%?", tidy(text))
    if not found or float(found.group(1)) > 100:
        raise Unreadable(f"“{text.strip()[:20]}”不是百分比，请填0至100的数字，如 60 或 60%。")
    return float(found.group(1)) / 100
