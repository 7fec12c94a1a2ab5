"""标题年份与正文不符：标题写“2022年”，正文通篇讲的是2021年。

正文所讲的年份按 checker/rules/report_year.py 推断：标题以外每处“2021年”算一票，“主要安排”
标题里的年份算作它的前一年；得票最多且至少是第二名两倍时才采信。用户用 --year 或配置给出
的年度优先。与标题不一致时在标题的年份上报告；修复把标题年份改为正文年份，但也可能是正文
照抄了旧报告，须人工确认（不安全修复）。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit
from checker.rules.report_year import report_year, year_mentions

TYPE = "title_year"
OPTIONS: dict = {}
NEEDS: tuple[str, ...] = ()


def compile(options: dict) -> Check:
    def check(document: Document) -> Iterator[Hit]:
        block = document.title_block
        year = report_year(document)
        if block is None or block.year is None or year is None or block.year == year:
            return
        for start, end, found in year_mentions(block.title.text):
            if found == block.year:
                yield Hit(block.title, start, end, {"found": found, "expected": year}, replacement=str(year))
                return

    return check
