"""断开的段落（broken_paragraph）：一句话被断成了两段。

从 PDF 或网页复制正文时，排版的换行会变成分段：上一段停在一个字或数字上、没有标点（“……进社区”），
下一段以句子的后半开头（“36场次，覆盖……”“，罚没款……”）。本类型找这样的两段：
- 后一段开头符合 `continuation`（以逗号开头，或以“数字+量词”开头：36场次、184件、96.5%）；
- 前一段（其间的空行不算）不短于 `shortest` 个字，段中有逗号、句号之类的点号（单独一行的小标题
  “执法检查情况”没有），末尾是汉字或数字、没有标点；它可以是标题与正文同在一行的段落
  （“（三）深化法治宣传。……进社区”），断在正文里；
- 后一段是正文：有句末标点、或长而有逗号（document/frame.py 的 is_prose）。
任一段是单独的标题、表格的单元格（.docx 表格一格一行）、标题块、落款或日期（context.py 的
signature_block）、以项目符号开头的列表项时不报。

消息占位符：{start} 后一段开头的文字。不提供修复：修复只改一段之内的文字，连接两段要在原文里删去换行。

通过：
    全年共开展“法律明白人”进社区活动36场次。
    覆盖居民5000余人次。
不通过：
    全年共开展“法律明白人”进社区
    36场次，覆盖居民5000余人次。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.context import signature_lines
from checker.document.frame import is_prose
from checker.document.model import Document, Paragraph, Part
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern, is_han, view_matches

TYPE = "broken_paragraph"
OPTIONS = {
    "continuation": Option(str, doc="后一段开头像句子后半的写法（正则，从段首去掉缩进后匹配）"),
    "shortest": Option(int, 15, "前一段至少几个字"),
    "bullets": Option(str, "•·●○■□◆◇▪►-－—", "列表项开头的项目符号"),
}
_INDENT = "[ \t\u3000\u00a0]*"
_CLAUSE_MARK = regex.compile(r"[，,。；;：:！？]")


def _previous(document: Document, paragraph: Paragraph) -> Paragraph | None:
    """The paragraph before `paragraph`, blank ones passed over."""
    for index in range(paragraph.index - 1, -1, -1):
        if not document.paragraphs[index].is_blank:
            return document.paragraphs[index]
    return None


def compile(options: dict) -> Check:
    continuation = compile_pattern(f"^{_INDENT}(?:{options['continuation']})", "continuation", regex.MULTILINE)
    shortest, bullets = options["shortest"], tuple(options["bullets"])

    def check(document: Document) -> Iterator[Hit]:
        frame: set[int] | None = None
        headings: dict[int, bool] | None = None  # paragraph index → whether the heading has body text after it
        for after, start, end, _ in view_matches(document, continuation):
            before = _previous(document, after)
            # cells are no one paragraph, nor a text box and the line that anchors it
            if before is None or before.part is not after.part or after.part is Part.TABLE:
                continue
            ending = before.text.rstrip()
            if len(ending.strip()) < shortest or not (is_han(ending[-1]) or ending[-1].isdigit()):
                continue
            # the first half holds a clause's mark: a heading-like line ("执法检查情况") holds none
            if not _CLAUSE_MARK.search(before.text) or not is_prose(after) or before.text.lstrip().startswith(bullets):
                continue
            if frame is None:
                title = document.title_block.lines if document.title_block else []
                frame = signature_lines(document) | {p.index for p in title}
                headings = {h.paragraph.index: h.run_in for h in document.outline}
            if before.index in frame or after.index in frame or after.index in headings:
                continue
            if headings.get(before.index) is False:  # a heading on its own line, no body text to break
                continue
            indent = len(after.text) - len(after.text.lstrip())
            yield Hit(after, indent, end, {"start": after.text[indent:end]})

    return check
