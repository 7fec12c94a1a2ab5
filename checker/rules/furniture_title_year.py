"""页眉页脚里报告标题的年份（furniture_title_year）：Word 草稿页眉、页脚上抄着整个报告标题，年份却不是
报告年度。

照抄去年的报告时，正文的标题改了，页眉上的标题常常没改：每一页都印着“某局2024年度法治政府建设
工作情况报告”，而报告写的是2025年。页眉页脚的一行读作报告标题（checker/document/title.py，与正文
的标题同一读法）且写着年份时，与报告年度（上下文 year）比较，不同就报告。只写机关名称、页码、日期
的行不是标题，不比较（机关名称另有 signature_body 比较）。

消息占位符：{part} 页眉或页脚，{found} 页眉页脚标题中的年份，{year} 报告年度。修复（不安全）把年份
改为报告年度。

通过（报告年度 2025）：页眉“某局2025年度法治政府建设工作情况报告”、页眉“某局”、页脚“— 1 —”
不通过（报告年度 2025）：页眉“某局2024年度法治政府建设工作情况报告”
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import FURNITURE_LABELS, Document, Part
from checker.document.numerals import YEAR, year_number
from checker.document.title import find_title_block
from checker.engine.ruletype import Check, Hit, Option

TYPE = "furniture_title_year"
NEEDS = ("year",)
OPTIONS: dict[str, Option] = {}
_YEAR = regex.compile(rf"(?:{YEAR})(?=\s*年)")


def compile(options: dict) -> Check:
    def check(document: Document) -> Iterator[Hit]:
        year = document.context.year
        for line in document.furniture:
            if line.part not in (Part.HEADER, Part.FOOTER) or not line.text.strip():
                continue
            title = find_title_block([line])
            if title is None or title.year is None or title.year == year:
                continue
            written = next((m for m in _YEAR.finditer(line.text) if year_number(m.group()) == title.year), None)
            if written is not None:
                yield Hit(line, written.start(), written.end(),
                          {"part": FURNITURE_LABELS[line.part], "found": written.group(), "year": year},
                          replacement=str(year) if written.group().isdigit() else None)

    return check

