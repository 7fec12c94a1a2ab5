"""部分标题中的年份：第一至三部分写报告年度，“主要安排”写下一年度。

《规定》说的“上一年度”“下一年度”，在报告里通常写成具体年份：2021年度报告写
“2021年推进法治政府建设的主要举措和成效”“2022年推进法治政府建设的主要安排”。
每一项应写哪一年见 rules/data/report_sections.yaml 的 year（report：报告年度；next：下一年；
none：不写年份）。标题里写错的年份逐个报告，修复只替换年份数字（安全）。标题不写年份
（“下一年度推进…”）不报告。

`headings: other` 时改查其余的一级标题（没有认作必备部分的，如“一、2024年法治政府建设基本情况”）：
其中的年份应是报告年度或次年，“2016年以来”之类不报。

`headings: sub` 时查必备部分之下、以年份开头的小标题（“（一）2024年水行政执法情况”）：年份应是该部分
的年份（举措、不足等部分是报告年度，主要安排部分是下一年度），“2016年以来”之类不报；年份不在开头的
小标题（“（四）开展2024年度述法评议”：述法讲的是上一年度）不看；含 `retrospective` 中的词（整改、
考核……）的小标题讲的是往年的事，也不报；小标题本身是另一必备部分的标题、年份也是那一部分的
（“三、存在的不足和原因”下的“（一）2025年推进法治政府建设的主要安排”），错的是级别，不是年份
（由 FZ114 报告），也不报。

报告年度取自上下文（--year、配置，或由落款日期、标题、开头、各部分标题和正文年份合起来推断，
见 checker/document/context.py）；标题年份与之不符时，标题那一处由“标题年份与正文不符”规则报告。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document
from checker.document.sections import vocabulary
from checker.document.years import year_mentions
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import any_of

TYPE = "section_year"
OPTIONS = {
    "headings": Option(str, "required", "required：必备部分的标题；other：其余一级标题（年份应是报告年度或次年）；"
                                        "sub：必备部分之下以年份开头的小标题（年份应是该部分的年份）"),
    "retrospective": Option(list, [], "sub：小标题含其一时，讲的是往年的事（整改、考核、述法……），不报（正则）"),
}
NEEDS = ("year",)

_OFFSET = {"report": 0, "next": 1}
_SINCE = regex.compile(r"\s*年?(?:以来|来|前|之前)")


def _other_headings(document: Document, year: int) -> Iterator[Hit]:
    """Level-1 headings that name no required section ("一、2024年法治政府建设基本情况") but a year
    that is neither the report year nor the next."""
    for heading in document.outline:
        if heading.level != 1 or heading.section is not None:
            continue
        for start, end, found in year_mentions(heading.title):
            if found not in (year, year + 1) and not _SINCE.match(heading.title, end):
                yield Hit(heading.paragraph, heading.title_start + start, heading.title_start + end,
                          {"found": found, "expected": year, "heading": heading.title})


def _sub_headings(document: Document, year: int, retrospective: regex.Pattern | None) -> Iterator[Hit]:
    """Headings under a required section that open with a year other than the section's, and are not
    about an earlier year's business (`retrospective`: 2024年督察反馈问题整改情况)."""
    outline = document.outline
    for position, section in enumerate(outline):
        item = vocabulary().item(section.section) if section.section else None
        if item is None or item.year not in _OFFSET:
            continue
        expected = year + _OFFSET[item.year]
        for heading in outline[position + 1 :]:
            if heading.level <= section.level:
                break
            first = next(year_mentions(heading.title), None)
            if first is None or first[0] != 0:
                continue
            start, end, found = first
            if retrospective is not None and retrospective.search(heading.title):
                continue
            named = vocabulary().match(heading.title, need_evidence=True)
            if named is not None and named.year in _OFFSET and found == year + _OFFSET[named.year]:
                continue  # another part's heading in that part's own year, set one level too low (FZ114)
            if found != expected and not _SINCE.match(heading.title, end):
                yield Hit(heading.paragraph, heading.title_start + start, heading.title_start + end,
                          {"found": found, "expected": expected, "item": item.name, "heading": heading.title},
                          replacement=str(expected))


def compile(options: dict) -> Check:
    if options["headings"] not in ("required", "other", "sub"):
        raise ValueError("headings 为 required、other 或 sub")
    retrospective = any_of(options["retrospective"], "retrospective 的项")

    def check(document: Document) -> Iterator[Hit]:
        year = document.context.year
        if year is None:
            return
        if options["headings"] == "other":
            yield from _other_headings(document, year)
            return
        if options["headings"] == "sub":
            yield from _sub_headings(document, year, retrospective)
            return
        for heading in document.outline:
            if heading.section is None:
                continue
            item = vocabulary().item(heading.section)
            if item.year not in _OFFSET:
                continue
            expected = year + _OFFSET[item.year]
            for start, end, found in year_mentions(heading.title):
                if found != expected:
                    yield Hit(heading.paragraph, heading.title_start + start, heading.title_start + end,
                              {"found": found, "expected": expected, "item": item.name}, replacement=str(expected))

    return check
