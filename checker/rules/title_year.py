"""标题年份与正文不符：标题写“2022年”，正文通篇讲的是2021年。

报告年度由上下文决定（checker/document/context.py）：落款日期、开头、各部分标题（“主要安排”
标题里的年份算作它的前一年）和正文年份的多数与标题合起来推断；推断只是“可能”时，提示里会说明，
并至多是警告。用户用 --year 或配置给出的年度优先。与标题不一致时在标题的年份上报告；修复把标题年份改为正文年份，但也可能是正文
照抄了旧报告，须人工确认（不安全修复）。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.document.years import year_mentions
from checker.engine.ruletype import Check, Hit

TYPE = "title_year"
OPTIONS: dict = {}
NEEDS = ("year",)


def compile(options: dict) -> Check:
    def check(document: Document) -> Iterator[Hit]:
        block = document.title_block
        year = document.context.year
        if block is None or block.year is None or year is None or block.year == year:
            return
        for start, end, found in year_mentions(block.title.text):
            if found == block.year:
                yield Hit(block.title, start, end, {"found": found, "expected": year}, replacement=str(year))
                return

    return check
