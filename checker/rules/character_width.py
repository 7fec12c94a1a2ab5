"""字符宽度（character_width）：中文行文里写成了另一种宽度的字符，如半角逗号「,」、全角数字「２」。

选项 `characters` 是「写错的字符 → 应写的字符」的映射（每个键、值各一个字符）。

`cjk_context: true` 时只查中文语境里的字符：它左边（跳过空格和同类错字符）是汉字或中文标点，
或右边是汉字；右边只是中文标点时，左边不能是拉丁字母（“Hello, world!”里的「!」属于外文）。
两个数字之间的「,」「:」「;」（千分位「1,000」、时刻「10:00」、比例「1:500」）不查。
网址、电子邮件地址、标题序号（「(一)」「1.」及其后的空格，归标题序号规则）一律不查。

`runs: true` 时，连在一起的一串错字符合报为一处（「２０２１」→「2021」），否则每个字符各报一处。
`skip_paragraphs` 中的正则匹配到的段落整段不查（如网页残留行「日期:… 来源:…」，由残留规则报告）；
网页残留规则 FZ701 按默认词表认出的整行（page_debris.page_lines：评论(0)）也不查，该删的是整行。

消息占位符：{found} 原文，{replacement} 应写的字符。修复替换为应写的字符。

通过（characters: {",": "，"}, cjk_context: true）：
    时间为10:00，比例尺1:500，共1,000人。
不通过：
    2021年,延庆区        → 2021年，延庆区
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.characters import BLANKS
from checker.document.model import Document
from checker.engine.ruletype import HitTuple, Option
from checker.matching import (
    CJK_PUNCTUATION,
    HAN,
    Sheltered,
    compile_pattern,
    heading_number_ends,
    prose_test,
    view_not_prose,
)
from checker.rules.page_debris import page_lines

TYPE = "character_width"
OPTIONS = {
    "characters": Option(dict, doc="写错的字符 → 应写的字符"),
    "cjk_context": Option(bool, False, "只查中文语境中的字符"),
    "runs": Option(bool, False, "连续的错字符合报为一处"),
    "skip_paragraphs": Option(list, [], "整段不查的段落（正则）"),
}
NEEDS: tuple[str, ...] = ()
_BETWEEN_DIGITS_OK = set(",:;")
_COVERING_RANGE_AT_MOST = 128  # code points a covering range may span: past that, the class as it is


def _ranges(chars: str) -> list[list[int]]:
    """The code points of `chars` as runs of consecutive ones, [low, high] each."""
    ranges: list[list[int]] = []
    for code in sorted({ord(char) for char in chars}):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ranges


def _members(chars: str) -> str:
    """`chars` as the inside of a character class: runs of consecutive code points as ranges (the regex
    engine scans for one range several times faster than for a list of ten characters), each end
    escaped by its code point."""
    return "".join(f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}" for low, high in _ranges(chars))


def _first_wrong(wrong: str) -> str:
    """One wrong character. The regex engine tests a class member by member at every character it scans,
    so ranges close together (「!(),:;?」) are scanned for as the one range that covers them, and the few
    other characters inside it fail at a lookbehind."""
    ranges = _ranges(wrong)
    low, high = ranges[0][0], ranges[-1][1]
    if len(ranges) == 1 or high - low >= _COVERING_RANGE_AT_MOST:
        return f"[{_members(wrong)}]"
    return f"[\\U{low:08x}-\\U{high:08x}](?<=[{_members(wrong)}])"


def _chinese_context(wrong: str) -> str:
    """The Chinese-context test as lookarounds, placed just after a wrong character: the neighbours
    are the nearest characters that are neither blanks nor wrong characters; the left one is Chinese,
    or the right one is a Han character, or the right one is Chinese and the left one is no Latin
    letter. In the pattern, so that the whole-document pass does it in C."""
    skipped = _members(BLANKS + wrong)
    around = f"[{skipped}]*"
    cjk = f"[[{HAN}{CJK_PUNCTUATION}]--[{skipped}]]"
    han = f"[{HAN}--[{skipped}]]"
    latin = f"[[A-Za-z]--[{skipped}]]"
    return f"(?:(?<={cjk}{around}.)|(?={around}{han})|(?<!{latin}{around}.)(?={around}{cjk}))"


def _finder(wrong: str, cjk_context: bool, runs: bool) -> regex.Pattern:
    """A wrong character in its context (the first of a run decides for the run), then the rest of the
    run. The pattern starts with the wrong characters, so that the regex engine skips to them fast."""
    wrong = wrong.replace("\n", "")  # in the view "\n" only joins paragraphs
    members = _members(wrong)
    context = _chinese_context(wrong) if cjk_context else ""
    if runs:
        return compile_pattern(f"(?V1){_first_wrong(wrong)}(?<![{members}].){context}[{members}]*", "characters")
    return compile_pattern(f"(?V1){_first_wrong(wrong)}{context}", "characters")


def compile(options: dict):
    mapping = {str(k): str(v) for k, v in options["characters"].items()}
    if not mapping or any(len(k) != 1 or len(v) != 1 for k, v in mapping.items()):
        raise ValueError("characters 的键和值都应是单个字符")
    finder = _finder("".join(mapping), options["cjk_context"], options["runs"])
    table = str.maketrans(mapping)
    # Between two digits the Chinese-context test already fails (a digit is neither Han nor Chinese
    # punctuation), unless a wrong character is itself a digit, which the context test skips over.
    digits_test = options["cjk_context"] and any(char.isdigit() for char in mapping)
    prose_in = prose_test(options["skip_paragraphs"])

    def check(document: Document) -> Iterator[HitTuple]:
        view = document.view_text
        is_prose = prose_in(document)
        number_ends = heading_number_ends(document)
        sheltered = view_not_prose(document)
        holds = Sheltered(sheltered).holds if sheltered else None
        args_of: dict[str, dict[str, str]] = {}  # hits of one character share their args: the engine only reads them
        following = prose_start = 0  # where the next paragraph starts in the view; where the current one's prose does
        page: frozenset[int] | None = None  # the page's lines, found for a draft with a hit only
        for match in finder.finditer(view):
            start, end = match.span()
            if start >= following:  # the first match in a paragraph (no match holds a "\n")
                paragraph, local_start, _ = document.in_view(start, end)
                origin = start - local_start  # where the paragraph starts in the view
                following = origin + len(paragraph.text) + 1
                # a heading number is not prose; a paragraph that is not prose has none
                prose_start = origin + number_ends.get(paragraph.index, 0) if is_prose(paragraph) else following
                if prose_start < following:
                    page = page_lines(document) if page is None else page
                    prose_start = following if paragraph.index in page else prose_start
            if start < prose_start:
                if prose_start >= end:
                    continue
                start = prose_start
            if digits_test and view[start] in _BETWEEN_DIGITS_OK and view[start - 1 : start].isdigit() and \
                    view[start + 1 : start + 2].isdigit():
                continue  # 「1,000」「10:00」「1:500」 (a paragraph's edges are "\n", no digit)
            if holds is not None and holds(start, end):
                continue
            found = view[start:end]
            args = args_of.get(found)
            if args is None:
                args = args_of[found] = {"found": found, "replacement": found.translate(table)}
            yield paragraph, start - origin, end - origin, args, args["replacement"]  # a tuple: tens of thousands per MB

    return check
