"""重复分句（repeated_clause）：同一个分句，或连着的两三个分句，一字不差地紧接着又写了一遍。

分句以 `marks` 中的标点（逗号、分号、句号……）为界；一个分句和紧跟在它后面的分句完全相同、且
不短于 `min_length` 个字时报告后一个（连同它前面的标点）。连着的几个分句（至多 `max_run` 个，
连同它们中间的标点不短于 `min_run_length` 个字）紧接着原样又写了一遍（“规范执法程序，严格执法文书，
规范执法程序，严格执法文书”）时，报告后一遍；中间的标点也要相同。“学习、学习、再学习”这类并列
不在一个分句之外，不算；标题和正文之间的换行不是分句的界，标题重复不在此列。

消息占位符：{clause} 重复的分句（几个分句时连同中间的标点）。修复删去后一遍和它前面的标点。

通过：
    加强组织领导，压实工作责任。
不通过：
    加强组织领导，压实工作责任，压实工作责任。 → 加强组织领导，压实工作责任。
    规范执法程序，严格执法文书，规范执法程序，严格执法文书。 → 规范执法程序，严格执法文书。
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count, islice
from operator import eq

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option

TYPE = "repeated_clause"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "marks": Option(str, "，。；！？,;!?", "分句之间的标点"),
    "min_length": Option(int, 6, "分句的最短长度（字数）"),
    "max_run": Option(int, 3, "连着重复的分句最多几个"),
    "min_run_length": Option(int, 12, "连着重复的几个分句（连同中间的标点）的最短长度（字数）"),
}


def _repeated_runs(clauses: list[str], size: int) -> Iterator[int]:
    """The indexes i where clauses i … i+size-1 come again right after themselves: the first clause of
    the run compared with the one `size` further in C, the few that match compared clause by clause."""
    last = len(clauses) - 2 * size  # the last run with room for its repeat
    firsts = compress(count(), map(eq, islice(clauses, size, None), islice(clauses, max(last + 1, 0))))
    return (i for i in firsts if clauses[i] and all(clauses[i + j] == clauses[i + j + size] for j in range(1, size)))


def _starts(clauses: list[str], wanted: set[int]) -> dict[int, int]:
    """Where each wanted clause starts in the text: the lengths before it plus one mark after each,
    summed only up to the last one wanted."""
    starts, at, counted = {}, 0, 0
    for n in sorted(wanted):
        at += sum(map(len, clauses[counted:n])) + n - counted
        starts[n], counted = at, n
    return starts


def compile(options: dict) -> Check:
    marks = str(options["marks"])
    if not marks:
        raise ValueError("marks 不能为空")
    # the marks and the paragraph break, one character each: a clause's offset is the lengths before it plus one per mark
    splitter = re.compile(f"[{re.escape(marks)}\n]")  # the stdlib's engine splits faster than `regex` (bench/README.md)
    min_length, max_run, min_run_length = options["min_length"], options["max_run"], options["min_run_length"]

    def check(document: Document) -> Iterator[Hit]:
        view = document.view_text
        clauses = splitter.split(view)
        # (first clause of the repeat, clauses in the run), one clause first: in C, ~50,000 clauses per MB
        found = [(n, 1) for n in compress(count(1), map(eq, islice(clauses, 1, None), clauses)) if clauses[n]]
        found += [(i + size, size) for size in range(2, max_run + 1) for i in _repeated_runs(clauses, size)]
        if not found:
            return
        starts = _starts(clauses, {n + shift for n, size in found for shift in (-size, 0, size)})
        taken = 0  # where the last repeat reported ends
        for n, size in sorted(found):
            first, mark, end = starts[n - size], starts[n] - 1, starts[n + size] - 1
            run = view[first:mark]
            if mark < taken or "\n" in view[first:end]:
                continue  # over a repeat already reported (a longer run over it is the same slip), or across a line
            if size == 1:
                if len(run.strip()) < min_length:
                    continue
            elif len(run.strip()) < min_run_length or view[mark + 1 : end] != run or len(set(clauses[n - size : n])) == 1:
                continue  # short, other marks between the clauses, or one clause said over and over (reported alone)
            placed = document.in_view(mark, end)
            if placed is not None:
                taken = end
                paragraph, start, stop = placed
                yield Hit(paragraph, start, stop, {"clause": run.strip()}, "")

    return check
