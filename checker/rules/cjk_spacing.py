"""中文间空格（cjk_spacing）：段落中间，汉字、中文标点、阿拉伯数字彼此之间多出的空格。

公文里汉字与数字直接相连（「讲座50场」「2021年」），标点前后也不留空格；给中英文、中文与数字
之间自动加空格的排版工具在这里是错的。空格两边至少一边是汉字或中文标点、另一边是汉字、中文标点
或数字时报告；段首缩进、段尾空格、标题序号后的空格（「5. 严格」，归标题序号规则）不查；数字一侧
连着拉丁字母时（「GB/T 15834 标点」「Windows 10 系统」）不查，那是外文名称的一部分。
标题文字里、引号（包括到段尾仍未闭合的引号，和误用的直引号 "…"）和书名号里两个汉字之间的空格不查：标语、标题常用
空格分隔并列的两半（「强化组织领导 压实主体责任」「以“加强法治政府建设 打造人民满意政府”为主题」）。
正文第一句之前、最后一句之后的行（报告标题、联合发文机关、落款和日期，见 document/frame.py）和
落款（其后还有版记、附件时也是，见 document/context.py 的 signature_block）不查：那里的空格分隔的
是并列的几部分（「中共某县县委 某县人民政府」「某区人民政府 2023年3月1日」）。
含制表符的空白不查：那是以文本粘贴的表格的列分隔（「类别⇥2022年⇥2023年」），删去会把各列粘成一串；
用两个以上空格对齐各列、逐行打出的数字表格（「项目  2022年  2023年」下面几行「办结案件  45  52」，
见 document/text_tables.py）里的列间空格同样不查。
`skip_paragraphs` 中的正则匹配到的段落整段不查；网页残留规则认作页面元素的整行（分享到：微信 微博、
共2页 上一页 1 2 下一页，见 page_debris.page_lines）也不查：该删的是整行。
逐字隔开的一串单字（至少三个汉字，每两个之间一个空格：「存 在 的 不 足 和 原 因」，从 PDF 或网页复制时
带入的字距，见 document/letter_spacing.py）不是并列的两半：标题文字里、引号里也报，整串报一次，修复把
整串的空格都删去。两个字的「张 三」是落款、名单里对齐姓名的写法，不算。

消息占位符：{before} 空格前的字符，{after} 空格后的字符（逐字隔开的一串：第一个字和最后一个字），
{spread} 逐字隔开时的说明（否则为空）。修复删去空格。

通过：
    举办讲座50场，参与人达2000人次。
    依据GB/T 15834 标点符号用法
不通过：
    举办讲座 50场        → 举办讲座50场
    开设 “防空防灾”大讲堂 → 开设“防空防灾”大讲堂
    三、存 在 的 不 足     → 三、存在的不足
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from checker.document.characters import BLANKS
from checker.document.context import signature_lines
from checker.document.frame import running_text
from checker.document.letter_spacing import collapsed, letter_spaced_runs
from checker.document.model import Document, Paragraph
from checker.document.text_tables import CELL_GAP, table_rows
from checker.engine.ruletype import Hit, Option
from checker.matching import (
    CJK_PUNCTUATION,
    HAN,
    heading_number_ends,
    inside,
    is_cjk,
    is_han,
    is_latin_letter,
    open_quotation,
    prose_test,
    quoted,
)
from checker.rules.page_debris import page_lines

TYPE = "cjk_spacing"
OPTIONS = {
    "skip_paragraphs": Option(list, [], "整段不查的段落（正则）"),
}
NEEDS: tuple[str, ...] = ()
# Blanks between two characters that are not white space, where one side is Chinese and the other is
# Chinese or a number (\p{N} holds every str.isdigit character): what _is_slip may report, found in
# one pass over the whole document so that Python only looks at these.
_CHINESE = f"[[{HAN}{CJK_PUNCTUATION}]--\\s]"
_CHINESE_OR_NUMBER = f"[[{HAN}{CJK_PUNCTUATION}\\p{{N}}]--\\s]"
_INNER_BLANKS = regex.compile(  # starts with a blank, then looks behind, so that the engine skips to blanks fast
    f"(?V1)[{BLANKS}](?:(?<={_CHINESE}.)[{BLANKS}]*(?={_CHINESE_OR_NUMBER})"
    f"|(?<={_CHINESE_OR_NUMBER}.)[{BLANKS}]*(?={_CHINESE}))"
)
# Where such blanks may start: a blank after a character that is no blank and no line break. The
# stdlib's engine skips to blanks faster than `regex`; _INNER_BLANKS then decides at each of these.
_BLANK_AFTER_TEXT = re.compile(f"[{BLANKS}](?<=[^{BLANKS}\n].)")
_NAME_PART = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz./_- ")
_SPREAD = "（逐字隔开了）"


def _word_has_latin(text: str, index: int, step: int) -> bool:
    """Whether the run of ASCII letters, digits and spaces that reaches text[index] has a Latin letter
    ("GB/T 15834", "Windows 10"): the number is then part of a foreign name."""
    while 0 <= index < len(text) and text[index] in _NAME_PART:
        if is_latin_letter(text[index]):
            return True
        index += step
    return False


def _is_slip(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1], text[end]
    if not (is_cjk(before) or is_cjk(after)):
        return False
    if not ((is_cjk(before) or before.isdigit()) and (is_cjk(after) or after.isdigit())):
        return False
    return not (before.isdigit() and _word_has_latin(text, start - 1, -1)) and not (
        after.isdigit() and _word_has_latin(text, end, 1)
    )


def compile(options: dict):
    prose_in = prose_test(options["skip_paragraphs"])

    def check(document: Document) -> Iterator[Hit]:
        is_prose = prose_in(document)
        running = running_text(document)
        signed = signature_lines(document)
        page: frozenset[int] | None = None
        tables: frozenset[int] | None = None
        number_ends = heading_number_ends(document)
        headings = {h.paragraph.index: h for h in document.outline}
        separators: tuple[Paragraph | None, list[tuple[int, int]]] = (None, [])
        spaced: tuple[Paragraph | None, list[tuple[int, int]]] = (None, [])  # the paragraph's letter-spaced runs
        view = document.view_text
        for candidate in _BLANK_AFTER_TEXT.finditer(view):
            match = _INNER_BLANKS.match(view, candidate.start())
            if match is None:
                continue
            paragraph, start, end = document.in_view(*match.span())  # blanks hold no "\n"
            text = paragraph.text
            if start < number_ends.get(paragraph.index, 0) or not _is_slip(text, start, end) or not is_prose(paragraph):
                continue
            if paragraph.index not in running or paragraph.index in signed:  # title, issuers, signature, date: spaces separate their parts
                continue
            if page is None:
                page = page_lines(document)  # only for a draft with a space to report
            if paragraph.index in page:
                continue
            if "\t" in text[start:end]:  # a tab separates the cells of a table pasted as text
                continue
            if tables is None:
                tables = table_rows(document)
            if paragraph.index in tables and CELL_GAP.fullmatch(text, start, end):  # columns typed with spaces
                continue
            if is_han(text[start - 1]) and is_han(text[end]):
                if spaced[0] is not paragraph:
                    spaced = (paragraph, letter_spaced_runs(text))
                run = next(((a, b) for a, b in spaced[1] if a < start < b), None)
                if run is not None:  # one hit for the run, at its first blank; slogans and titles are no shelter
                    if start == run[0] + 1:
                        run_text = text[run[0] : run[1]]
                        yield Hit(paragraph, run[0], run[1], {"before": run_text[0], "after": run_text[-1], "spread": _SPREAD},
                                  collapsed(run_text))
                    continue
                if separators[0] is not paragraph:  # where a space may separate the halves of a slogan or title
                    heading = headings.get(paragraph.index)
                    # a slogan in straight quotes (FZ603's slip) still has its halves parted by the blank,
                    # which a fix must not delete before the quotes are made Chinese
                    separators = (paragraph, quoted(text, straight=True) + open_quotation(text)
                                  + ([(heading.title_start, heading.title_end)] if heading else []))
                if inside(separators[1], start, end):
                    continue
            yield Hit(paragraph, start, end, {"before": text[start - 1], "after": text[end], "spread": ""}, "")

    return check
