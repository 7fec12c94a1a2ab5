"""字符宽度（character_width）：中文行文里写成了另一种宽度的字符，如半角逗号「,」、全角数字「２」。

选项 `characters` 是「写错的字符 → 应写的字符」的映射（每个键、值各一个字符）。

`cjk_context: true` 时只查中文语境里的字符：它左边（跳过空格和同类错字符）是汉字或中文标点，
或右边是汉字；右边只是中文标点时，左边不能是拉丁字母（“Hello, world!”里的「!」属于外文）。
两个数字之间的「,」「:」「;」（千分位「1,000」、时刻「10:00」、比例「1:500」）不查。
网址、电子邮件地址、标题序号（「(一)」「1.」及其后的空格，归标题序号规则）一律不查。

`runs: true` 时，连在一起的一串错字符合报为一处（「２０２１」→「2021」），否则每个字符各报一处。
`skip_paragraphs` 中的正则匹配到的段落整段不查（如网页残留行「日期:… 来源:…」，由残留规则报告）。

消息占位符：{found} 原文，{replacement} 应写的字符。修复替换为应写的字符。

通过（characters: {",": "，"}, cjk_context: true）：
    时间为10:00，比例尺1:500，共1,000人。
不通过：
    2021年,延庆区        → 2021年，延庆区
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document
from checker.engine.ruletype import Hit, Option
from checker.rules.chinese_text import (
    any_of,
    heading_number_ends,
    inside,
    is_blank,
    is_cjk,
    is_han,
    is_latin_letter,
    not_prose,
    prose_paragraphs,
)

TYPE = "character_width"
OPTIONS = {
    "characters": Option(dict, doc="写错的字符 → 应写的字符"),
    "cjk_context": Option(bool, False, "只查中文语境中的字符"),
    "runs": Option(bool, False, "连续的错字符合报为一处"),
    "skip_paragraphs": Option(list, [], "整段不查的段落（正则）"),
}
NEEDS: tuple[str, ...] = ()
_BETWEEN_DIGITS_OK = set(",:;")


def _neighbour(text: str, index: int, step: int, transparent: str) -> str:
    """The nearest character from `index` in direction `step`, skipping blanks and `transparent`."""
    index += step
    while 0 <= index < len(text) and (is_blank(text[index]) or text[index] in transparent):
        index += step
    return text[index] if 0 <= index < len(text) else ""


def _in_chinese_context(text: str, index: int, transparent: str) -> bool:
    char = text[index]
    if char in _BETWEEN_DIGITS_OK and 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit():
        return False
    left = _neighbour(text, index, -1, transparent)
    right = _neighbour(text, index, 1, transparent)
    if is_cjk(left) or is_han(right):
        return True
    return is_cjk(right) and not is_latin_letter(left)


def compile(options: dict):
    mapping = {str(k): str(v) for k, v in options["characters"].items()}
    if not mapping or any(len(k) != 1 or len(v) != 1 for k, v in mapping.items()):
        raise ValueError("characters 的键和值都应是单个字符")
    wrong = "".join(mapping)
    finder = regex.compile(f"[{regex.escape(wrong)}]+" if options["runs"] else f"[{regex.escape(wrong)}]")
    table = str.maketrans(mapping)
    cjk_context = options["cjk_context"]
    skip = any_of(options["skip_paragraphs"], "skip_paragraphs 的项")

    def check(document: Document) -> Iterator[Hit]:
        number_ends = heading_number_ends(document)
        for paragraph in prose_paragraphs(document, skip):
            text = paragraph.text
            protected = None
            for match in finder.finditer(text, number_ends.get(paragraph.index, 0)):
                start, end = match.span()
                if cjk_context and not _in_chinese_context(text, start, wrong):
                    continue
                protected = not_prose(text) if protected is None else protected
                if inside(protected, start, end):
                    continue
                replacement = match.group().translate(table)
                yield Hit(paragraph, start, end, {"found": match.group(), "replacement": replacement}, replacement)

    return check
