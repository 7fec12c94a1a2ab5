"""成文之后的事（after_writing）：报告写到了它成文时还没有的文件、会议或日期。

年度报告写于报告年度结束之后，至迟在次年4月1日前公开（《法治政府建设与责任落实督察工作规定》）。
报告里学习贯彻的文件、会议精神，回顾部分写的日期，都不会晚于它写成之时：2020年度报告“对照
《法治政府建设实施纲要（2021－2025年）》”（2021年8月才印发）、2021年度报告“深入学习贯彻党的二十大
精神”（2022年10月才召开）、落款2026年1月的报告回顾“2026年2月，召开推进会”，都是年份写错，或照抄了
后来的稿子。

找什么（至少给一种）：
- documents：文件，每项 {title, date, source}：书名号里的名称与 title 的比较形式相同（book_titles.cosmetic_form）；
- events：会议、提法等，每项 {name, pattern, date, source}：正文中 pattern（正则）的命中（以字面的字
  开头的 pattern 查得快：先写字，再用后顾断言看前文）；
- dates：正文里写出的日期（正则，命名组 year，可有 month）：“2026年2月”“（2024年修订）”。
date 写作 YYYY-MM。只有年份的日期，晚于界限所在的年份才算晚于界限。

和什么比（bound）：
- deadline：报告公开的期限（次年4月1日）与落款日期中较晚的一个：到那时还没有的，报告不可能写到；
- signature：落款日期；没有落款、或落款还在报告年度之内（年底提前写成，或落款本身写错，由
  signature_date 类规则报告）时，按次年4月1日；
- report_year：报告年度的年底。
落款日期由 checker/document/context.py 的 signature_block 读出，报告年度来自上下文。

在哪里找（sections）：not_plan（“下一年度主要安排”部分以外的全文：安排部分写的是将来的事）或
review（报告年度的几个部分：举措和成效、不足和原因、第一责任人职责）。书名号里的日期不看（引用的
文件名），除非 `in_titles: true`（版本说明也写在书名号里：《行政处罚法（2021年修订）》）。所在分句里有 `unless` 中的词（迎接、即将、筹备……）时不报：说的是将来的事。

消息占位符：{found} 原文，{name} 文件或会议（日期则为原文），{date} 它的日期（2022年10月），
{bound} 界限（落款日期（2022年1月）、公开期限（2022年4月1日）、报告年度（2023年）），{year} 报告年度，
{source} 日期的出处。不提供修复：该改成什么只有作者知道。

示例（events: 党的二十大 2022-10，bound: deadline，报告年度 2021）：
  FAIL  深入学习贯彻党的二十大精神。
  PASS  以优异成绩迎接党的二十大胜利召开。
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from checker.document.book_titles import book_titles, cosmetic_form, inside_any
from checker.document.cited_titles import titled_paragraphs
from checker.document.context import signature_block
from checker.document.context_words import date_of
from checker.document.look_back import clause_around
from checker.document.model import Document, Paragraph
from checker.document.section_text import plan_paragraphs, review_paragraphs
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import ViewSearch, any_of, compile_pattern

TYPE = "after_writing"
NEEDS = ("year",)
OPTIONS = {
    "documents": Option(list, [], "文件：[{title, date, source}]"),
    "events": Option(list, [], "会议、提法：[{name, pattern, date, source}]"),
    "dates": Option(str, "", "正文里写出的日期（正则，命名组 year，可有 month）"),
    "bound": Option(str, doc="deadline | signature | report_year"),
    "sections": Option(str, "not_plan", "not_plan | review"),
    "unless": Option(list, [], "所在分句里有这些词时不报（正则）"),
    "in_titles": Option(bool, False, "dates：也看书名号里的日期（《行政处罚法（2021年修订）》的版本说明）"),
}
_BOUNDS = ("deadline", "signature", "report_year")
_SECTIONS = ("not_plan", "review")
_DATE = regex.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
_PUBLISHED_BY = 4  # the month of the next year by whose 1st day a report is published
_YEAR_END = 12


@dataclass(frozen=True)
class _Dated:
    name: str
    year: int
    month: int
    source: str

    @property
    def when(self) -> str:
        return f"{self.year}年{self.month}月"


def _dated(raw: object, name_key: str) -> _Dated:
    if not isinstance(raw, dict) or not all(raw.get(k) for k in (name_key, "date", "source")):
        raise ValueError(f"每项须有 {name_key}、date、source：{raw}")
    date = _DATE.match(str(raw["date"]))
    if date is None or not 1 <= int(date.group("month")) <= 12:
        raise ValueError(f"date 应为 YYYY-MM：{raw}")
    name = f"《{raw['title']}》" if name_key == "title" else str(raw["name"])
    return _Dated(name, int(date.group("year")), int(date.group("month")), str(raw["source"]))


def _bound(document: Document, kind: str) -> tuple[tuple[int, int], str]:
    """(year, month) nothing the report names may come after, and how to say it."""
    year = document.context.year
    deadline = ((year + 1, _PUBLISHED_BY), f"公开期限（{year + 1}年{_PUBLISHED_BY}月1日）")
    if kind == "report_year":
        return (year, _YEAR_END), f"报告年度（{year}年）"
    _, line = signature_block(document)
    signed = date_of(line.text) if line is not None else None
    if signed is None:
        return deadline
    signature = (signed, f"落款日期（{signed[0]}年{signed[1]}月）")
    if kind == "deadline":
        return max(signature, deadline)
    return signature if signed[0] > year else deadline


def _later(year: int, month: int | None, bound: tuple[int, int]) -> bool:
    return year > bound[0] if month is None else (year, month) > bound


def compile(options: dict) -> Check:
    if options["bound"] not in _BOUNDS:
        raise ValueError(f"bound 应为 {'/'.join(_BOUNDS)}")
    if options["sections"] not in _SECTIONS:
        raise ValueError(f"sections 应为 {'/'.join(_SECTIONS)}")
    documents = {cosmetic_form(str(raw.get("title", ""))): _dated(raw, "title") for raw in options["documents"]}
    events = [_dated(raw, "name") for raw in options["events"]]
    # one search each: a pattern that starts with its words is found fast, an alternation of them is not
    mentions = [ViewSearch(compile_pattern(str(raw["pattern"]), "pattern", regex.MULTILINE)) for raw in options["events"]]
    date_pattern = compile_pattern(options["dates"], "dates", regex.MULTILINE) if options["dates"] else None
    if date_pattern is not None and "year" not in date_pattern.groupindex:
        raise ValueError("dates 须有命名组 year")
    dates = ViewSearch(date_pattern) if date_pattern is not None else None
    if not (documents or events or dates):
        raise ValueError("documents、events、dates 至少给一种")
    unless = any_of(options["unless"], "unless 的项")
    form_of = lru_cache(maxsize=4096)(cosmetic_form)

    def places(document: Document, bound: tuple[int, int]) -> Iterator[tuple[Paragraph, int, int, _Dated | None, regex.Match | None]]:
        """(paragraph, start, end, what is dated or None for a written date, the date's match): of the
        documents and events, only those dated after `bound` are looked for."""
        later_documents = {form: dated for form, dated in documents.items() if (dated.year, dated.month) > bound}
        for paragraph, titles in titled_paragraphs(document) if later_documents else ():
            for title in titles:
                if (dated := later_documents.get(form_of(title.text))) is not None:
                    yield paragraph, title.start, title.end, dated, None
        for event, mention in zip(events, mentions):
            if (event.year, event.month) > bound:
                for paragraph, start, end, _ in mention.matches(document):
                    yield paragraph, start, end, event, None
        if dates is not None:
            for paragraph, start, end, match in dates.matches(document):
                if options["in_titles"] or not inside_any(book_titles(paragraph.text)[0], start, end):
                    yield paragraph, start, end, None, match

    def in_scope(document: Document) -> Callable[[Paragraph], bool]:
        if options["sections"] == "review":
            review = {id(p) for p in review_paragraphs(document)}
            return lambda paragraph: id(paragraph) in review
        plan = {id(p) for p in plan_paragraphs(document)}
        return lambda paragraph: id(paragraph) not in plan

    def check(document: Document) -> Iterator[Hit]:
        bound, bound_text = _bound(document, options["bound"])
        scoped = None  # the sections are read for the first candidate: most drafts have none
        for paragraph, start, end, dated, match in places(document, bound):
            scoped = scoped or in_scope(document)
            if not scoped(paragraph):
                continue
            if dated is not None:
                year, month, name, when, source = dated.year, dated.month, dated.name, dated.when, dated.source
            else:
                year, month = int(match.group("year")), match.groupdict().get("month")
                month = int(month) if month else None
                name, when, source = match.group(), f"{year}年" + (f"{month}月" if month else ""), ""
            if not _later(year, month, bound):
                continue
            if unless is not None and unless.search(clause_around(paragraph.text, start, end)):
                continue
            args = {"found": paragraph.text[start:end], "name": name, "date": when, "bound": bound_text,
                    "year": document.context.year, "source": source}
            yield Hit(paragraph, start, end, args)

    return check
