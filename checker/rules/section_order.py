"""部分顺序：报告各部分的先后是否与《法治政府建设与责任落实督察工作规定》所列顺序一致。

只看第一级的部分标题（大纲中识别为必备部分的标题）。顺序是惯例而非硬性要求（有的报告把
“第一责任人职责”放在最前），因此只提示一次：在第一个排到了《规定》中位于它之后的部分
后面的标题上。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.document.sections import vocabulary
from checker.engine.ruletype import Check, Hit

TYPE = "section_order"
OPTIONS: dict = {}
NEEDS: tuple[str, ...] = ()


def compile(options: dict) -> Check:
    items = vocabulary().items
    rank = {item.key: position for position, item in enumerate(items)}

    def check(document: Document) -> Iterator[Hit]:
        latest = None
        for heading in document.outline:
            if heading.level != 1 or heading.section not in rank:
                continue
            if latest is not None and rank[heading.section] < rank[latest.section]:
                yield Hit(heading.paragraph, heading.title_start, heading.title_end,
                          {"item": vocabulary().item(heading.section).name,
                           "previous": vocabulary().item(latest.section).name})
                return
            if latest is None or rank[heading.section] > rank[latest.section]:
                latest = heading

    return check
