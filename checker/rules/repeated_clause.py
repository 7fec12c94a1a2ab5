"""重复分句（repeated_clause）：同一个分句一字不差地紧接着又写了一遍。

分句以 `marks` 中的标点（逗号、分号、句号……）为界；一个分句和紧跟在它后面的分句完全相同、且
不短于 `min_length` 个字时报告后一个（连同它前面的标点）。“学习、学习、再学习”这类并列不在一个
分句之外，不算；标题和正文之间的换行不是分句的界，标题重复不在此列。

消息占位符：{clause} 重复的分句。修复删去后一个分句和它前面的标点。

通过：
    加强组织领导，压实工作责任。
不通过：
    加强组织领导，压实工作责任，压实工作责任。 → 加强组织领导，压实工作责任。
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count
from operator import eq

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option

TYPE = "repeated_clause"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "marks": Option(str, "，。；！？,;!?", "分句之间的标点"),
    "min_length": Option(int, 6, "分句的最短长度（字数）"),
}


def compile(options: dict) -> Check:
    marks = str(options["marks"])
    if not marks:
        raise ValueError("marks 不能为空")
    # the marks and the paragraph break, one character each: a clause's offset is the lengths before it plus one per mark
    splitter = re.compile(f"[{re.escape(marks)}\n]")  # the stdlib's engine splits faster than `regex` (bench/README.md)
    min_length = options["min_length"]

    def check(document: Document) -> Iterator[Hit]:
        view = document.view_text
        clauses = splitter.split(view)
        repeated = list(compress(count(1), map(eq, clauses[1:], clauses)))  # in C: ~50,000 clauses per MB
        if not repeated:
            return
        start = counted = 0  # where clause `counted` starts in the view
        for n in repeated:
            start += sum(map(len, clauses[counted:n])) + n - counted  # the clauses between, and a mark after each
            counted = n
            clause, mark = clauses[n], start - 1
            if view[mark] == "\n" or len(clause.strip()) < min_length:
                continue
            placed = document.in_view(mark, start + len(clause))
            if placed is not None:
                paragraph, first, last = placed
                yield Hit(paragraph, first, last, {"clause": clause.strip()}, "")

    return check
