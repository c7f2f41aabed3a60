"""The functions page bodies call (docs/architecture.md §2), rendering engine data as HTML.

Every number shown comes from the engine; nothing here restates a rule by hand."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from html import escape

from markupsafe import Markup

from .engine import Engine
from .links import calc_link

CONFIDENCE = {"H": "高", "M": "中", "L": "低"}
SOURCE_KEY = re.compile(r"\[([A-Z](?:-[A-Z])?\d+[a-z]?)\]")  # S7, J-S40c


def _zh_day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _source_items(sources: list[dict]) -> str:
    """A page's own sources as a list with anchors source-<key>, each linked, with its date."""
    items = []
    for s in sources:
        key = escape(s["key"])
        dates = []
        if s.get("published"):
            dates.append(f"发布于 {escape(str(s['published']))}")
        if s.get("checked"):
            dates.append(f"查阅于 {escape(str(s['checked']))}")
        when = f"（{'，'.join(dates)}）" if dates else ""
        link = f'<a href="{escape(s["url"])}" rel="noopener">{escape(s["title"])}</a>'
        items.append(f'<li id="source-{key}">[{key}] {link}{when}</li>')
    return f'<ol class="sources">{"".join(items)}</ol>'


class PageFunctionError(Exception):
    """A page called a function wrongly (unknown parameter id, bad group, invalid profile)."""


def _text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    return escape(str(value))


def _money(value) -> str:
    return f"{value:,}" if isinstance(value, int) else _text(value)


def _table(headers: list[str], rows: list[list[str]], caption: str = "", css: str = "") -> Markup:
    """A table as one raw-HTML block (no blank lines, so Markdown passes it through). Each cell
    carries its column's name in data-label, for the card layout on narrow screens."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f'<td data-label="{h}">{c}</td>' for h, c in zip(headers, row, strict=True))
        + "</tr>"
        for row in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return Markup(
        f'<div class="table-wrap"><table class="{css or "data"}">{cap}'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _verdict(result: dict) -> str:
    """One sentence on a worked example's result (the engine's headline speaks to "you")."""
    total, standard = result["total"], result["standard"]
    if result.get("vetoed"):
        return f"此例合计 {total} 分，但有一票否决情形，不能申请。"
    if not result.get("eligible", True):
        return f"此例合计 {total} 分，但暂不符合申请条件。"
    if result.get("passes"):
        return f"此例合计 {total} 分，达到 {standard} 分标准。"
    return f"此例合计 {total} 分，未达到 {standard} 分标准。"


class PageFunctions:
    """Bound to one engine; `decisions_url` is the page that lists the decisions, if any."""

    def __init__(self, engine: Engine, decisions_url: str | None, sources_url: str | None):
        self.engine = engine
        self.decisions_url = decisions_url
        self.sources_url = sources_url
        self.today = engine.dates.today_in_shanghai()  # the day the engine's defaults use

    def _decision_refs(self, ids) -> str:
        if not ids:
            return ""
        if self.decisions_url is None:
            return "、".join(escape(i) for i in ids)
        return "、".join(
            f'<a href="{self.decisions_url}#decision-{escape(i)}">{escape(i)}</a>' for i in ids
        )

    def _source_refs(self, text) -> str:
        """The source text with each known reference key ("[S7]") linked to the sources list."""
        if self.sources_url is None or not text:
            return _text(text)
        keys = {s["key"] for s in self.engine.rules.sources()}

        def link(match: re.Match) -> str:
            key = match.group(1)
            if key not in keys:
                return match.group(0)
            return f'<a href="{self.sources_url}#source-{key}">[{key}]</a>'

        return SOURCE_KEY.sub(link, _text(text))

    def refs(self, *keys: str) -> Markup:
        """A page's own sentence cited: refs("S19b", "J-S13") links [S19b][J-S13] to the
        sources list (rules data: sources.toml, hukou.toml); an unknown key fails the build."""
        known = {s["key"] for s in self.engine.rules.sources()}
        unknown = [k for k in keys if k not in known]
        if not keys or unknown:
            raise PageFunctionError(f"refs: unknown source key(s) {unknown or '(none given)'}")
        if self.sources_url is None:
            return Markup("".join(f"[{escape(k)}]" for k in keys))
        return Markup("".join(f'<a href="{self.sources_url}#source-{escape(k)}">[{escape(k)}]</a>'
                              for k in keys))

    def indicator_table(self, group: str) -> Markup:
        groups = self.engine.vocabulary.ids("groups")
        if group not in groups:
            raise PageFunctionError(
                f"indicator_table: unknown group {group!r} (use one of {', '.join(groups)})"
            )
        rows = []
        for ind in self.engine.indicators.indicators(self.today):
            if ind["group"] != group:
                continue
            explain = self._decision_refs(ind.get("decisions"))
            rows.append(
                [
                    f'<span id="indicator-{escape(ind["id"])}">{_text(ind["label"])}</span>',
                    _text(ind["summary"]),
                    _text(ind.get("cap")),
                    _text(ind.get("conditions")),
                    self._source_refs(ind.get("source"))
                    + (f"<br>本站解释：{explain}" if explain else ""),
                ]
            )
        return _table(["指标", "分值", "上限", "条件", "依据"], rows, css="data cards indicators")

    def history_table(self) -> Markup:
        rows = []
        for item in self.engine.history.history():
            for period in item["periods"]:
                rows.append(
                    [
                        _text(item["item"]),
                        _text(period.get("since")),
                        _text(period.get("until")) if period.get("until") else "至今",
                        _text(period.get("text")),
                    ]
                )
        return _table(["项目", "起", "止", "规定"], rows, css="data cards history")

    def yardstick_table(self) -> Markup:
        rows = []
        for y in self.engine.rules.yardsticks():
            refs = "".join(f"[{r}]" for r in y["refs"])
            notes = [f"{y['published']}公布" if y.get("published") else "", y.get("note", "")]
            basis = self._source_refs(refs) + "".join(
                f"<br>{_text(n)}" for n in notes if n
            )
            rows.append(
                [
                    f"{_text(y['from'])} 至 {_text(y['to'])}",
                    _money(y["average_cny"]),
                    _money(y["ceiling_cny"]),
                    _money(y["floor_cny"]),
                    CONFIDENCE[y["confidence"]],
                    basis,
                    _text(y["checked"]),
                ]
            )
        ceiling = f"缴费上限（{float(self.engine.yardstick.ceiling_multiple()):g}倍）"
        headers = [
            "缴费年度", "社平工资（元/月）", ceiling, "缴费下限", "可信度", "依据", "资料查阅日期",
        ]
        return _table(headers, rows, css="data cards yardsticks")

    def yardstick_newest(self, part: str) -> str:
        """A fact about the newest published contribution year: "from", "to", "average"."""
        newest = self.engine.rules.yardsticks()[-1]
        found = {"from": newest["from"], "to": newest["to"], "average": newest["average_cny"]}
        if part not in found:
            raise PageFunctionError(f"yardstick_newest: unknown part {part!r} (from, to, average)")
        return _money(found[part])

    def parameters_table(self) -> Markup:
        """Every parameter with its value in force today, its basis and when it was checked."""
        rows = []
        for param in self.engine.rules.parameters():
            entry = self.engine.rules.value_entry(param["id"], self.today)
            shown = self.engine.rules.value(param["id"], self.today)
            rows.append(
                [
                    _text(param["label"]),
                    _text(self.engine.decisions.in_words(param["id"], shown)),
                    self._source_refs(self.engine.rules.citation(param["id"], self.today)),
                    CONFIDENCE[entry["confidence"]],
                    _text(entry["checked"]),
                ]
            )
        headers = ["规则参数", "现行值", "依据", "可信度", "资料查阅日期"]
        table = _table(headers, rows, css="data cards parameters")
        return Markup(
            f'<details class="parameters"><summary>查看全部 {len(rows)} 个规则参数</summary>'
            f"{table}</details>"
        )

    def decisions_list(self) -> Markup:
        items = "".join(
            f'<dt id="decision-{escape(d["id"])}">{escape(d["id"])} {escape(d["topic"])}</dt>'
            f"<dd>{escape(d['text'])}</dd>"
            for d in self.engine.decisions.decisions(self.today)
        )
        return Markup(f'<dl class="decisions">{items}</dl>')

    def sources_list(self) -> Markup:
        docs = "".join(
            f'<li id="document-{escape(d["key"])}">{escape(d["title"])}'
            + (f"：{escape(d['note'])}" if d.get("note") else "")
            + "</li>"
            for d in self.engine.rules.documents()
            if d["key"] != "site"
        )
        items = []
        for s in self.engine.rules.sources():
            title = escape(s["title"])
            url = s.get("url") or ""
            if url and not url.startswith(("http://", "https://")):
                url = "https://" + url
            link = f'<a href="{escape(url)}" rel="noopener">{title}</a>' if url else title
            checked = f"（查阅于 {escape(str(s['checked']))}）" if s.get("checked") else ""
            key = escape(s["key"])
            items.append(f'<li id="source-{key}">[{key}] {link}{checked}</li>')
        return Markup(
            f'<p>规则所依据的文件：</p><ul class="documents">{docs}</ul>'
            f'<p>引用或转述这些文件的公开资料：</p><ol class="sources">{"".join(items)}</ol>'
        )

    def value(self, param_id: str):
        try:
            found = self.engine.rules.value(param_id)
        except KeyError:
            raise PageFunctionError(f"value: unknown parameter id {param_id!r}") from None
        if isinstance(found, float) and found.is_integer():
            found = int(found)
        if isinstance(found, dt.date):
            return found.isoformat()
        return found

    def value_words(self, param_id: str) -> str:
        """One parameter's value in force on the build date as the site writes it in
        sentences (categories "A类", areas by name, a scale as its brackets)."""
        try:
            found = self.engine.rules.value(param_id)
        except KeyError:
            raise PageFunctionError(f"value_words: unknown parameter id {param_id!r}") from None
        return self.engine.decisions.in_words(param_id, found)

    def documents_table(self) -> Markup:
        """Every document to prepare, by what it proves (the calculator lists the same
        entries for the lines that score)."""
        labels = {row["id"]: row["label"] for row in self.engine.indicators.indicators(self.today)}
        when = {"always": "每个人", "eligibility": "每个人（申请条件）"}
        rows = [
            [
                _text(entry["purpose"]),
                "<br>".join(_text(item) for item in entry["items"]),
                _text(when.get(entry["when"], f"“{labels.get(entry['when'], '')}”计分时")),
                self._source_refs("".join(f"[{r}]" for r in entry.get("refs", []))),
            ]
            for entry in self.engine.documents.all_documents()
        ]
        return _table(["用途", "常见材料", "谁需要", "依据"], rows, css="data cards documents")

    def overseas_list_table(self) -> Markup:
        """The overseas recognition list's entries a public source names, with their
        categories and sources (calculator.overseas_list)."""
        from calculator import overseas_list  # the build puts the engine on sys.path first

        facts = overseas_list.facts()
        rows = [
            [
                _text(entry["name"]),
                _text("、".join(entry["also"])),
                _text(entry["issuer"]),
                _text("、".join(f"{c}类" for c in entry["categories"])
                      + (f"（C类对应{entry['c_title']}）" if "c_title" in entry else "")),
                self._source_refs("".join(f"[{r}]" for r in entry["refs"])),
            ]
            for entry in facts["entries"]
        ]
        caption = (f"公开资料点名的清单条目（{facts['version']}版）；"
                   f"{'、'.join(facts['annex_not_found'])}版的清单附件没有找到")
        return _table(["证书", "其他叫法", "发证机构", "清单类别", "依据"], rows, caption=caption)

    def since(self, param_id: str) -> str:
        """The first day a parameter was in force ("2024-11-22")."""
        try:
            found = self.engine.rules.in_force_since(param_id)
        except KeyError:
            raise PageFunctionError(f"since: unknown parameter id {param_id!r}") from None
        return found.isoformat() if found else "（未施行）"

    def cap(self, indicator_id: str):
        """The cap of an indicator in force today (the highest bracket, for a scale)."""
        rows = {row["id"]: row for row in self.engine.indicators.indicators(self.today)}
        if indicator_id not in rows:
            raise PageFunctionError(f"cap: unknown indicator {indicator_id!r}")
        return rows[indicator_id]["cap"]

    def calc_link(self, profile: dict) -> str:
        if not isinstance(profile, dict):
            raise PageFunctionError("calc_link: the profile must be a mapping")
        return calc_link(self._current(profile))

    def _current(self, profile: dict) -> dict:
        """A page's profile as the calculator's current format, with the answers the page's
        example assumes written out, so the calculator scores it as the page does."""
        return self.engine.module.profile.in_current_version(profile)

    def worked_example(self, title: str, profile: dict) -> Markup:
        engine = self.engine.module
        try:
            result = engine.score(profile)
        except engine.ValidationError as e:
            problems = "; ".join(f"{p['path']}: {p.get('en') or p.get('zh')}" for p in e.problems)
            message = f"worked_example {title!r}: invalid profile: {problems}"
            raise PageFunctionError(message) from None
        # Basic lines always show (a certificate scoring 0 says why); others only when they count.
        lines = [
            ln for ln in result.get("lines", []) if ln.get("points") or ln.get("group") == "base"
        ]
        rows = [
            [_text(ln["label"]), _text(ln["points"]), _text(ln.get("explanation"))] for ln in lines
        ]
        table = _table(["项目", "分值", "说明"], rows, css="data example")
        return Markup(
            f'<figure class="worked-example"><figcaption>{escape(title)}</figcaption>'
            f"{table}"
            f'<p class="example-total"><strong>{escape(_verdict(result))}</strong> '
            f'<a href="{escape(self.calc_link(profile))}">在计算器中打开此例</a></p></figure>'
        )

    # ----- how-to facts kept in their own data files (calculator.schooling, .verification) -----

    def zhongkao_deadlines(self) -> list[dict]:
        """calculator.schooling.zhongkao_deadline for the 中考 of this year and the next nine
        (a child now in 初中 or 小学), the days as ISO dates."""
        first = self.today.year if self.today.month < 7 else self.today.year + 1
        out = []
        for year in range(first, first + 10):
            d = self._guide("schooling").zhongkao_deadline(year)
            out.append({"exam_year": year, "recommended": d["recommended"].isoformat(),
                        "latest": d["latest"].isoformat(), "words": d["words"]})
        return out

    def _guide(self, name: str):
        return importlib.import_module(f"{self.engine.module.__name__}.{name}")

    def _guide_fact(self, name: str, path: str):
        found = self._guide(name).facts()
        for part in path.split("."):
            if not isinstance(found, dict) or part not in found:
                raise PageFunctionError(f"{name}: unknown fact {path!r}")
            found = found[part]
        return found

    def _fact_words(self, name: str, path: str) -> str:
        """One fact in words: a day 2017年5月12日, a day of the year 5月7日, a range 1至2,
        years 2024、2025, a number or a text."""
        found = self._guide_fact(name, path)
        if isinstance(found, dt.date):
            return _zh_day(found)
        if isinstance(found, dict) and {"month", "day"} <= found.keys():
            return f"{found['month']}月{found['day']}日"
        if isinstance(found, dict) and {"low", "high"} <= found.keys():
            return f"{found['low']}至{found['high']}"
        if isinstance(found, list) and all(isinstance(n, int) for n in found):
            return "、".join(str(n) for n in found)
        if isinstance(found, (int, str)) and not isinstance(found, bool):
            return escape(str(found))
        raise PageFunctionError(f"{name}: {path!r} is not a single fact")

    def _fact_refs(self, name: str, path: str) -> Markup:
        """The sources of one fact (its `<name>_refs`, or a section's `refs`), linked to the
        page's list of them."""
        try:
            keys = self._guide_fact(name, f"{path}_refs")
        except PageFunctionError:
            keys = self._guide_fact(name, f"{path}.refs")
        return Markup("".join(f'<a href="#source-{escape(k)}">[{escape(k)}]</a>' for k in keys))

    def schooling(self, path: str) -> str:
        """One fact of calculator/data/schooling.toml in words (see _fact_words);
        "zhongkao.registration_months" as 12月、1月、2月或3月."""
        if path == "zhongkao.registration_months":
            months = self._guide("schooling").zhongkao_registration_months()
            return "、".join(f"{m}月" for m in months[:-1]) + f"或{months[-1]}月"
        return self._fact_words("schooling", path)

    def schooling_refs(self, path: str) -> Markup:
        return self._fact_refs("schooling", path)

    def verification(self, path: str) -> str:
        """One fact of calculator/data/verification.toml in words (see _fact_words);
        "levels_counted" and "levels_not_counted" as 三级、二级、一级 and 四级、五级."""
        if path in ("levels_counted", "levels_not_counted"):
            counts = self._guide("verification").counts_once_verified
            levels = [n for n in (3, 2, 1, 4, 5) if counts(n) == (path == "levels_counted")]
            names = self.engine.vocabulary.names("skill_levels")
            return "、".join(names[n] for n in levels)
        return self._fact_words("verification", path)

    def verification_refs(self, path: str) -> Markup:
        return self._fact_refs("verification", path)

    def verification_sources(self) -> Markup:
        """The sources of the how-to for out-of-province skill certificates, with anchors."""
        return Markup(_source_items(self._guide("verification").sources()))

    def _cycle_refs(self, cycle: dict) -> str:
        return "".join(f'<a href="#source-{escape(k)}">[{escape(k)}]</a>' for k in cycle["refs"])

    def schooling_table(self, exam: str) -> Markup:
        """The registration dates found, one row per exam year ("zhongkao" or "gaokao")."""
        if exam not in ("zhongkao", "gaokao"):
            raise PageFunctionError(f"schooling_table: unknown exam {exam!r} (zhongkao, gaokao)")
        rows = []
        for cycle in self._guide_fact("schooling", f"{exam}.cycle"):
            online = f"{_zh_day(cycle['online_from'])}至{_zh_day(cycle['online_to'])}"
            if exam == "zhongkao":
                late = cycle.get("late_deadline")
                rows.append([
                    f"{cycle['exam_year']}年",
                    f"{_zh_day(cycle['check_from'])}起",
                    online,
                    f"{_zh_day(late)}前" if late else "未查到",
                    self._cycle_refs(cycle),
                ])
            else:
                rows.append([
                    f"{cycle['exam_year']}年", escape(cycle["notice"]), online,
                    self._cycle_refs(cycle),
                ])
        if exam == "zhongkao":
            headers = ["中考年份", "学校材料核查", "网上集体报名", "补报名最迟", "来源"]
        else:
            headers = ["高考年份", "报名通知", "网上报名", "来源"]
        return _table(headers, rows, css=f"data cards schooling-{exam}")

    def zhongkao_example(self, exam_year: int) -> str:
        """The calculator's suggested days for a child sitting the 中考 in `exam_year`."""
        try:
            return escape(self._guide("schooling").zhongkao_deadline(exam_year)["words"])
        except ValueError as e:
            raise PageFunctionError(f"zhongkao_example: {e}") from None

    def schooling_sources(self) -> Markup:
        """The education authorities and the sources of the 子女升学 page, with anchors."""
        authorities = "".join(
            f'<li><a href="{escape(a["url"])}" rel="noopener">{escape(a["name"])}</a>：'
            f"{escape(a['does'])}</li>"
            for a in self._guide_fact("schooling", "authority")
        )
        return Markup(
            f'<p>主管部门：</p><ul class="authorities">{authorities}</ul>'
            f"<p>本页依据的公开资料（多为通知原文的转载；官方网站不保留往年通知）：</p>"
            + _source_items(self._guide("schooling").sources())
        )

    # ----- 居转户 (calculator.hukou, data/hukou.toml) -----

    def _hukou(self) -> dict:
        """The 居转户 result of a profile with no answers: every route's name, conditions in
        words and sources in force on the build date, the status, procedure and routes not
        judged. Computed once per page renderer."""
        if not hasattr(self, "_hukou_result"):
            engine = self.engine.module
            self._hukou_result = engine.hukou({"version": 3, "birth_date": "1990-01-01"},
                                              as_of=self.today)
        return self._hukou_result

    def hukou_routes_table(self) -> Markup:
        """Each route the 居转户 check judges (H6): its name, its conditions with the numbers
        in force, its sources and the site's decisions it rests on."""
        rows = [
            [
                f'<span id="route-{escape(r["id"])}">{_text(r["name"])}</span>',
                _text(r["rule"]),
                self._source_refs(r["source"]) + "<br>本站解释："
                + self._decision_refs([d["id"] for d in r["decisions"]]),
            ]
            for r in self._hukou()["routes"]
        ]
        return _table(["途径", "条件", "依据"], rows, css="data cards hukou-routes")

    def hukou_not_judged(self) -> Markup:
        """The routes described but not judged (H7), with their conditions."""
        items = "".join(
            f"<li><strong>{escape(r['name'])}</strong>：{escape(r['text'])}</li>"
            for r in self._hukou()["not_judged"]
        )
        return Markup(f'<ul class="hukou-not-judged">{items}</ul>')

    def hukou(self, part: str) -> Markup:
        """One sentence of the 居转户 result in words: "status" (the 2020 notice, H1),
        "procedure" (H12) or "spouse" (H11), with its sources."""
        found = self._hukou()
        if part not in ("status", "procedure", "spouse"):
            raise PageFunctionError(f"hukou: unknown part {part!r} (status, procedure, spouse)")
        sources = self._source_refs(found[part]["source"])
        return Markup(f"{_text(found[part]['text'])}（依据：{sources}）")

    def hukou_years(self, param_id: str) -> str:
        """A months parameter as whole years in Chinese numerals (84 → 七), as pages write
        “满七年”; a value that is not whole years fails the build."""
        months = self.value(param_id)
        if not isinstance(months, int) or months % 12 or not 0 < months // 12 <= 10:
            raise PageFunctionError(f"hukou_years: {param_id!r} is not whole years ({months!r})")
        return "一二三四五六七八九十"[months // 12 - 1]

    def changed_on(self, param_id: str, which: str = "last") -> str:
        """The day a parameter took its newest value ("last") or its first ("first"), in
        words: 2024年8月21日."""
        try:
            values = [v for v in self.engine.rules.parameter(param_id)["values"]
                      if v["value"] is not None]
        except KeyError:
            raise PageFunctionError(f"changed_on: unknown parameter id {param_id!r}") from None
        if which not in ("first", "last") or not values:
            raise PageFunctionError(f"changed_on: {param_id!r} has no {which!r} value")
        since = values[-1 if which == "last" else 0]["since"]
        return _zh_day(dt.date.fromisoformat(str(since)))

    def hukou_decisions(self) -> Markup:
        """The site's interpretations of the 居转户 rules (H1…), numbers filled for today."""
        items = "".join(
            f'<dt id="decision-{escape(d["id"])}">{escape(d["id"])} {escape(d["topic"])}</dt>'
            f"<dd>{escape(d['text'])}</dd>"
            for d in self.engine.decisions.decisions(self.today)
            if d["id"].startswith("H")
        )
        return Markup(f'<dl class="decisions">{items}</dl>')

    def context(self) -> dict:
        words = self.engine.vocabulary.vocabulary()
        return {
            "indicator_table": self.indicator_table,
            "history_table": self.history_table,
            "yardstick_table": self.yardstick_table,
            "yardstick_newest": self.yardstick_newest,
            "parameters_table": self.parameters_table,
            "cap": self.cap,
            "documents_table": self.documents_table,
            "overseas_list_table": self.overseas_list_table,
            "since": self.since,
            "three_places": self.engine.decisions.TERMS["three_places"],
            "profile_format": self.engine.profile.format_facts(),
            # The calculator page writes `vocabulary` whole into #vocabulary; the batch's
            # columns, result names and limits are shown by /batch/'s template only.
            "vocabulary": {k: v for k, v in words.items() if not k.startswith("batch_")},
            "batch_vocabulary": {k: v for k, v in words.items() if k.startswith("batch_")},
            # the highest multiple a base can count as: the contribution ceiling's
            "ceiling_multiple": format(float(self.engine.yardstick.ceiling_multiple()), "g"),
            # the calculator's 「孩子参加中考（某年）」: the suggested day to reach the standard by
            "zhongkao_deadlines": self.zhongkao_deadlines(),
            # the calculator's 倍数⇄元 line beside the base fields: each contribution year's figures
            "yardstick_years": [
                {k: y[k] for k in ("from", "to", "average_cny", "floor_cny", "ceiling_cny")}
                for y in self.engine.rules.yardsticks()
            ],
            "base_test": (
                f"近 {self.value('credential.base_test_window')} 个月中至少有 "
                f"{self.value('credential.base_test_months')} 个月社保基数不低于社平工资 "
                f"{self.value('credential.base_test_multiple')} 倍"
            ),
            "decisions_list": self.decisions_list,
            "sources_list": self.sources_list,
            "refs": self.refs,
            "worked_example": self.worked_example,
            "value": self.value,
            "value_words": self.value_words,
            "calc_link": self.calc_link,
            "skill_count": len(self.engine.skills),
            "qualification_count": len(self.engine.qualifications),
            "schooling": self.schooling,
            "schooling_refs": self.schooling_refs,
            "schooling_table": self.schooling_table,
            "schooling_sources": self.schooling_sources,
            "zhongkao_example": self.zhongkao_example,
            "verification": self.verification,
            "verification_refs": self.verification_refs,
            "verification_sources": self.verification_sources,
            "hukou": self.hukou,
            "hukou_routes_table": self.hukou_routes_table,
            "hukou_not_judged": self.hukou_not_judged,
            "hukou_years": self.hukou_years,
            "hukou_decisions": self.hukou_decisions,
            "changed_on": self.changed_on,
        }
