"""Rebuild the two catalogue files in calculator/data/ from the scraped page.

Usage: python tools/import_seeds.py SEED_PAGE.txt

A maintenance script: it lives outside the package so that it is not shipped in the engine
wheel (flit_core puts every file of the package into the wheel).

The scraped page wraps some real words in the markers 左边…右边, runs the table
cells together on one line, misprints row 56 as 66 and gives no equivalent
title for its last two qualification rows. Everything this script decides is
recorded in the output (fields `alt_names`, `title_inferred`, `registration_required`).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "calculator" / "data"

# Equivalent 中级 titles as printed in the qualification table, longest first
# so that "工程师或经济师" wins over "经济师".
TITLES = sorted(
    [
        "工程师",
        "经济师",
        "工程师或经济师",
        "经济师或会计师",
        "主管药师(主管中药师)",
        "社会工作师",
        "会计师",
        "统计师",
        "审计师",
        "主治医师、主管医(药、护、技)师、助理研究员",
        "编辑",
        "二级翻译",
    ],
    key=len,
    reverse=True,
)

# Rows printed without a title column; the title is our inference.
INFERRED_TITLES = {"注册会计师": "会计师", "法律职业资格": "律师（执业）"}

# Qualifications that only count once registered: every 注册…/执业… name, plus
# the access-type qualifications that are exercised only after registration.
REGISTERED_NAMES = ("建造师", "监理工程师", "房地产估价师", "造价工程师", "律师")


def strip_noise(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"左边([^左右]*?)右边", r"\1", text)
    return text


def rows(table: str) -> list[tuple[int, str]]:
    found = [(int(no), cell) for no, cell in re.findall(r"(\d+)(\D+)", table)]
    return sorted(found)


def split_names(cell: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,，/]", cell) if part.strip()]


def with_bracket_variants(names: list[str]) -> list[str]:
    """执业药师(执业中药师) names two qualifications: add each as an alternative."""
    extra = []
    for name in names:
        bracket = re.fullmatch(r"(执业药师)\((执业中药师)\)", name)
        if bracket:
            extra.extend(bracket.groups())
    return names + [n for n in extra if n not in names]


def occupations(line: str) -> list[dict]:
    table = line.split("序号职业工种名称序号职业工种名称", 1)[1]
    result = []
    for no, cell in rows(table):
        names = split_names(cell)
        result.append({"no": no, "name": names[0], "alt_names": names[1:]})
    return result


def qualifications(line: str) -> list[dict]:
    table = line.split("序号名称可聘中级职称", 1)[1]
    result = []
    for printed_no, cell in rows(table):
        no = 56 if printed_no == 66 else printed_no
        names = split_names(cell)
        inferred = INFERRED_TITLES.get(names[0])
        if inferred:
            title = inferred
        else:
            title = next(t for t in TITLES if names[-1].endswith(t) and names[-1] != t)
            names[-1] = names[-1][: -len(title)]
        names = with_bracket_variants(names)
        required = any(
            n.startswith(("注册", "执业")) or any(k in n for k in REGISTERED_NAMES) for n in names
        )
        entry = {
            "no": no,
            "name": names[0],
            "alt_names": names[1:],
            "equivalent_title": title,
            "registration_required": required,
        }
        if inferred:
            entry["title_inferred"] = True
        if printed_no != no:
            entry["printed_no"] = printed_no
        result.append(entry)
    return sorted(result, key=lambda e: e["no"])


def main(seed: str) -> None:
    text = strip_noise(Path(seed).read_text(encoding="utf-8"))
    occupation_line = next(ln for ln in text.splitlines() if "序号职业工种名称" in ln)
    qualification_line = next(ln for ln in text.splitlines() if "序号名称可聘中级职称" in ln)
    for name, data in (
        ("skill_occupations.json", occupations(occupation_line)),
        ("qualifications.json", qualifications(qualification_line)),
    ):
        (DATA / name).write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(name, len(data))


if __name__ == "__main__":
    main(sys.argv[1])
