"""落款日期（signature_date）：报告末尾落款的成文日期应在报告年度结束前后。

年度报告写的是报告年度 Y 一年的情况，成文于 Y 年年底（`earliest_month` 月起）或 Y+1 年年初（《规定》
要求次年4月1日前公开；`latest_month` 留出迟交的余地）。落款日期早于此（2025年度报告落款“2025年1月20日”），
多半是照抄上一年报告的落款没改日期；晚于此（2025年度报告落款“2026年12月20日”“2027年1月5日”），则落款
或报告年度有一处写错。只看末尾落款的日期行（checker/document/context.py
的 signature_block：最后几行里的日期，网页残留不算）。报告年度来自上下文；推断只是“可能”时至多是警告。

消息占位符：{date} 日期原文，{year} 报告年度，{next} 次年。不提供修复：该改成哪一天只有作者知道。

通过（报告年度 2025）：2026年1月20日、2025年12月28日
不通过（报告年度 2025）：2025年1月20日、2024年12月30日、2026年12月20日（latest_month 6）、2027年1月5日
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.context import signature_block
from checker.document.context_words import date_of
from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option

TYPE = "signature_date"
OPTIONS = {
    "earliest_month": Option(int, 11, "报告年度内最早可以落款的月份（年底前写成的报告）"),
    "latest_month": Option(int, 12, "次年内最晚可以落款的月份"),
}
NEEDS = ("year",)


def compile(options: dict) -> Check:
    earliest, latest = options["earliest_month"], options["latest_month"]
    if not (1 <= earliest <= 12 and 1 <= latest <= 12):
        raise ValueError("earliest_month、latest_month 应为 1—12")

    def check(document: Document) -> Iterator[Hit]:
        year = document.context.year
        _, line = signature_block(document)
        if line is None or year is None:
            return
        signed_year, month = date_of(line.text)
        if (signed_year == year + 1 and month <= latest) or (signed_year == year and month >= earliest):
            return
        text = line.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        yield Hit(line, start, end, {"date": text[start:end], "year": year, "next": year + 1})

    return check
