"""标题末尾的句号：单独成行的第一、二级标题，同级的不加句号，唯独它加了。

公文的层次标题单独成行时末尾通常不加标点。这里只在同一上级下的同级标题写法不一致时报告：
单独成行的同级标题中，不加句号的多于加句号的，而它加了。全都加句号的一组不报告（那是一种写法，
不是疏漏）；两种写法一样多、或加句号的居多时也不报告：看不出哪一个是拼稿留下的另类。

段中标题不受影响：“（一）提高行政机关工作人员法治意识。重视……”里的句号是标题与正文之间
的分隔，正常，既不算“加了句号”，也不算“没加”。标题再长也不报告。修复删去该句号（安全）。
选项 levels 指定检查的层级，默认第一、二级。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document, Heading
from checker.document.sibling_groups import sibling_groups
from checker.engine.ruletype import Check, Hit, Option

TYPE = "heading_punctuation"
OPTIONS = {"levels": Option(list, [1, 2], "检查的标题层级")}
NEEDS: tuple[str, ...] = ()

_PERIOD = "。"


def _ending(heading: Heading) -> str | None:
    """"。" or "" for a heading on its own line; None for a run-in heading (body on the same line)."""
    if heading.run_in:
        return None
    return heading.paragraph.text[heading.title_end :].strip()


def compile(options: dict) -> Check:
    levels = set(options["levels"])

    def check(document: Document) -> Iterator[Hit]:
        for group in sibling_groups(document):
            if group[0].level not in levels:
                continue
            endings = [_ending(h) for h in group]
            if endings.count("") <= endings.count(_PERIOD):
                continue
            for heading, ending in zip(group, endings):
                if ending == _PERIOD:
                    yield Hit(heading.paragraph, heading.title_end, heading.title_end + 1, {"title": heading.title},
                              replacement="")

    return check
