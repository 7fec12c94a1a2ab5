"""标题块：报告有没有标题，标题里有没有发文机关和年份。

公文标题由发文机关名称、事由和文种组成（《党政机关公文处理工作条例》）；各地工作指引要求
年度报告的标题写明“发文机关 + 年度 + 法治政府建设年度报告”，如
“北京市延庆区人民政府2021年法治政府建设年度情况报告”。发文机关可以单独成行写在标题上一行。

选项 part 决定本规则查哪一项：
  title  全文没有标题（开头几行里没有一行像报告标题的短句，正文直接开始）。报在正文第一行。
         开头有含“报告”的短行、只是格式认不出时不报，宁可漏报也不误报。
  body   标题没写发文机关（“2021年法治政府建设年度情况报告”）。“2021年度东城区法治政府建设
         情况报告”这种机关写在年份后的形式算写了。
  year   标题没写年份（“东城区司法局法治政府建设年度报告”）。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document, Paragraph, TitleBlock
from checker.engine.ruletype import Check, Hit, Option

TYPE = "title_block"
OPTIONS = {"part": Option(str, doc="title：缺标题；body：标题缺发文机关；year：标题缺年份")}
NEEDS: tuple[str, ...] = ()

_PARTS = ("title", "body", "year")
_LEADING_LINES = 3
_MAX_TITLE_LIKE = 60


def title_span(block: TitleBlock) -> tuple[Paragraph, int, int]:
    line = block.title
    text = line.text
    return line, len(text) - len(text.lstrip()), len(text.rstrip())


def title_body(block: TitleBlock) -> tuple[Paragraph, str] | None:
    """The issuing body the title names and the line it is on, also when it follows the year."""
    if block.body:  # named in the title line itself, or standing on the line above it
        line = next((p for p in (block.title, *block.lines) if block.body in p.text), block.title)
        return line, block.body
    before_name = block.name.split("法治", 1)[0].strip() if "法治" in block.name else ""
    return (block.title, before_name) if before_name and before_name != "关于" else None


def _title_like_opening(document: Document) -> bool:
    """A short line mentioning 报告 among the first lines: a title the title block could not parse."""
    leading = [p.text.strip() for p in document.paragraphs if not p.is_blank][:_LEADING_LINES]
    return any("报告" in text and len(text) <= _MAX_TITLE_LIKE for text in leading)


def _missing_title(document: Document) -> Iterator[Hit]:
    if document.title_block is None and not _title_like_opening(document):
        first = next((p for p in document.paragraphs if not p.is_blank), None)
        if first is not None:
            start = len(first.text) - len(first.text.lstrip())
            yield Hit(first, start, start)


def _missing_part(part: str):
    def check(document: Document) -> Iterator[Hit]:
        block = document.title_block
        if block is None:
            return
        absent = title_body(block) is None if part == "body" else block.year is None
        if absent:
            line, start, end = title_span(block)
            yield Hit(line, start, end, {"title": line.text.strip()})

    return check


def compile(options: dict) -> Check:
    part = options["part"]
    if part not in _PARTS:
        raise ValueError(f"part 应为 {', '.join(_PARTS)} 之一")
    return _missing_title if part == "title" else _missing_part(part)
