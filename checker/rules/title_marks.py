"""书名号不成对（title_marks）：一段里的《和》要成对出现。

有《没有》（或反过来），书名在哪里结束就不清楚了，多半是复制粘贴或改稿时删掉了一半。
每个找不到对应的书名号报告一次。

示例：
  FAIL  认真贯彻《行政处罚法，规范执法行为。
  FAIL  认真贯彻行政处罚法》，规范执法行为。
  PASS  认真贯彻《行政处罚法》《行政许可法》。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit
from checker.rules.book_titles import OPEN, book_titles

TYPE = "title_marks"
NEEDS: tuple[str, ...] = ()
OPTIONS: dict = {}


def compile(options: dict) -> Check:
    def check(document: Document) -> Iterator[Hit]:
        for paragraph in document.paragraphs:
            for position in book_titles(paragraph.text)[1]:
                mark = paragraph.text[position]
                missing = "》" if mark == OPEN else "《"
                yield Hit(paragraph, position, position + 1, {"mark": mark, "missing": missing})

    return check
