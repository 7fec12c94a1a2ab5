"""标题中的文种名称：是否为公认的年度报告名称。

各地工作指引把报告定名为“法治政府建设年度报告”；实际通行的还有“…年度情况报告”“…情况报告”
和“关于…的报告”。选项 forms 是这些写法的正则表达式，在标题中查找（不要求从行首开始，
发文机关和年份可在前；分两行写的标题连起来查）；一个也不符合时报告。没有标题时由“缺少标题”规则报告，这里不重复。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern
from checker.rules.title_block import title_span

TYPE = "title_name"
OPTIONS = {"forms": Option(list, doc="公认的标题写法（正则表达式，在标题行中查找）")}
NEEDS: tuple[str, ...] = ()


def compile(options: dict) -> Check:
    accepted = compile_pattern("|".join(f"(?:{form})" for form in options["forms"]), "forms")

    def check(document: Document) -> Iterator[Hit]:
        block = document.title_block
        if block is None:
            return
        line, start, end = title_span(block)
        # a title broken over lines ("某县人民政府关于" / "2023年…情况的报告") is read whole
        if not accepted.search("".join(p.text.strip() for p in block.lines)):
            yield Hit(line, start, end, {"title": line.text[start:end], "name": block.name})

    return check
