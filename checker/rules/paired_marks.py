"""成对标点（paired_marks）：书名号、引号、括号等成对的标点有前无后、有后无前或交叉。

选项 `pairs` 列出成对的标点（每项两个字符：前、后，如 `《》`）；`same_as` 把另一种写法算作同一对
（如半角括号「(」「)」与「（」「）」配对，它们的宽度由半角标点规则报告）。在段内配对；前引号「“」
未闭合而下一段以「“」开头时不报（多段引文每段开头用前引号，只在最后一段末尾用后引号）；冒号引出的
多段引文只在第一段开头写了「“」、最后一段末尾写了「”」时，这一对也不报（checker/document/quotations.py）。
段首的序号后括号（「1）」「a)」）、网址和电子邮件地址里的标点不查。

消息占位符：{mark} 落单的标点，{partner} 缺少的另一半。没有修复：缺的一半该补在哪里只有作者知道。

通过：
    落实《法治政府建设实施纲要（2021—2025年）》要求。
不通过：
    落实《法治政府建设实施纲要（2021—2025年）要求。  （「《」没有配对的「》」）
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

import regex

from checker.document.model import Document
from checker.document.quotations import CLOSE, OPEN, quotation_runs
from checker.engine.ruletype import Hit, Option
from checker.matching import inside, not_prose, view_not_prose

TYPE = "paired_marks"
OPTIONS = {
    "pairs": Option(list, doc="成对的标点，每项两个字符（前、后）"),
    "same_as": Option(dict, {}, "算作同一对标点的另一种写法 → 标准写法"),
}
NEEDS: tuple[str, ...] = ()
_LIST_NUMBER_INDENT = " \t\u3000"
_LIST_NUMBER_DIGITS = "0-9０-９A-Za-z一二三四五六七八九十"
_LIST_NUMBER = regex.compile(f"^[{_LIST_NUMBER_INDENT}]*[{_LIST_NUMBER_DIGITS}]{{1,3}}(?=[)）])")
_IN_LIST_NUMBER = regex.compile(f"[{_LIST_NUMBER_INDENT}{_LIST_NUMBER_DIGITS}]")


def _unpaired(text: str, marks: regex.Pattern, closing_of: dict[str, str], opening_of: dict[str, str],
              same_as: dict[str, str]):
    """(index, mark, partner) of every mark left without its other half."""
    stack: list[tuple[int, str]] = []
    numbered = _LIST_NUMBER.match(text)
    protected = None
    for found in marks.finditer(text):  # only the marks: a loop over every character costs far more
        index, char = found.start(), found.group()
        mark = same_as.get(char, char)
        protected = not_prose(text) if protected is None else protected
        if inside(protected, index, index + 1):
            continue
        if mark in closing_of:
            stack.append((index, mark))
            continue
        if numbered and index == numbered.end():
            continue
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][1] == opening_of[mark]), None)
        if depth is None:
            yield index, char, opening_of[mark]
            continue
        for open_index, open_mark in stack[depth + 1 :]:
            yield open_index, text[open_index], closing_of[open_mark]
        del stack[depth:]
    for open_index, open_mark in stack:
        yield open_index, text[open_index], closing_of[open_mark]


def _suspects(document: Document, marks_only: re.Pattern, adjacent_pair: re.Pattern, list_numbers: bool) -> list[int]:
    """Indexes of the paragraphs that may hold an unpaired mark, from whole-document passes in C (almost
    no paragraph of the corpus has one, and looking at each mark in Python is slow). The
    marks of each paragraph (a line of the skeleton) are cancelled pair by pair, innermost first, until
    only marks out of order remain. A paragraph with a URL is a suspect too, as _unpaired skips the
    marks in it, and so is one with a list number when `list_numbers`: see compile."""
    skeleton = marks_only.sub("", document.view_text)
    reduced = adjacent_pair.sub("", skeleton)
    while len(reduced) < len(skeleton):
        skeleton, reduced = reduced, adjacent_pair.sub("", reduced)
    suspects = {index for index, line in enumerate(reduced.split("\n")) if line}
    suspects.update(document.in_view(start, end)[0].index for start, end in view_not_prose(document))
    if list_numbers:
        suspects.update(p.index for p in document.paragraphs if _LIST_NUMBER.match(p.text))
    return sorted(suspects)


def compile(options: dict):
    pairs = [str(p) for p in options["pairs"]]
    if any(len(p) != 2 or p[0] == p[1] for p in pairs):
        raise ValueError("pairs 的每一项应是两个不同的字符（前、后）")
    closing_of = {p[0]: p[1] for p in pairs}
    opening_of = {p[1]: p[0] for p in pairs}
    same_as = {str(k): str(v) for k, v in options["same_as"].items()}
    if any(v not in closing_of and v not in opening_of for v in same_as.values()):
        raise ValueError("same_as 的值应是 pairs 里的标点")
    every_mark = {*closing_of, *opening_of, *same_as}
    marks = regex.compile("[" + regex.escape("".join(every_mark), special_only=False) + "]")
    marks_only = re.compile("[^" + re.escape("".join(every_mark)) + "\n]+")

    def written(mark: str) -> str:  # a mark and the marks counted as it, as a character class
        return "[" + re.escape("".join({mark, *(k for k, v in same_as.items() if v == mark)})) + "]"

    adjacent_pair = re.compile("|".join(written(opening) + written(closing) for opening, closing in closing_of.items()))
    # The closing mark of a list number, which _unpaired skips, is its paragraph's first mark, which
    # leaves the paragraph a suspect anyway; unless a mark can stand in the number before it.
    list_numbers = any(_IN_LIST_NUMBER.match(mark) for mark in every_mark)

    def check(document: Document) -> Iterator[Hit]:
        paragraphs = document.paragraphs
        suspects = _suspects(document, marks_only, adjacent_pair, list_numbers)
        # a quotation over several paragraphs written with its first “ and last ” only (quotations.py)
        runs = quotation_runs(paragraphs) if suspects else []
        opened, closed = {first for first, _ in runs}, {last for _, last in runs}
        for index in suspects:
            paragraph = paragraphs[index]
            if paragraph.is_blank:
                continue
            following = next((p.text.lstrip(" \t\u3000") for p in islice(paragraphs, index + 1, None) if not p.is_blank), "")
            for position, mark, partner in _unpaired(paragraph.text, marks, closing_of, opening_of, same_as):
                if mark == OPEN and (following.startswith(OPEN) or index in opened):
                    continue  # a quotation running on into the next paragraph
                if mark == CLOSE and index in closed:
                    continue
                yield Hit(paragraph, position, position + 1, {"mark": mark, "partner": partner})

    return check
