"""直引号（straight_quotes）：中文行文里用了英文直引号「"」，应为中文引号「“」「”」。

段落中第 1、3、5…个直引号是前引号「“」，第 2、4、6…个是后引号「”」；只报告引起来的文字或引号
外侧紧邻的字符里有汉字或中文标点的那一对（外文里的直引号不查）。每个引号各报一处。直引号成对
出现时方向确定，给出修复；段落里直引号为单数时无法确定哪一个落单，只报告、不给修复。
网址、电子邮件地址中的引号不查。

消息占位符：{replacement} 应写的中文引号。

通过：
    推动落实“谁执法谁普法”责任。
不通过：
    推动落实"谁执法谁普法"责任。 → 推动落实“谁执法谁普法”责任。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document, Paragraph
from checker.engine.ruletype import Hit, Option
from checker.matching import inside, is_cjk, not_prose, prose_test

TYPE = "straight_quotes"
OPTIONS = {
    "skip_paragraphs": Option(list, [], "整段不查的段落（正则）"),
}
NEEDS: tuple[str, ...] = ()
_OPENING, _CLOSING = "“", "”"


def _chinese_pair(text: str, opening: int, closing: int | None) -> bool:
    end = closing if closing is not None else len(text)
    around = text[max(opening - 1, 0) : end + 2]
    return any(is_cjk(char) for char in around.replace('"', ""))


def _quoting_paragraphs(document: Document) -> Iterator[Paragraph]:
    """The paragraphs that hold a straight quote, found with str.find over the whole text view."""
    view = document.view_text
    found = view.find('"')
    while found >= 0:
        paragraph, start, _ = document.in_view(found, found)
        yield paragraph
        found = view.find('"', found - start + len(paragraph.text))


def compile(options: dict):
    prose_in = prose_test(options["skip_paragraphs"])

    def check(document: Document) -> Iterator[Hit]:
        is_prose = prose_in(document)
        for paragraph in _quoting_paragraphs(document):
            if not is_prose(paragraph):
                continue
            text = paragraph.text
            protected = not_prose(text)
            marks = [i for i, char in enumerate(text) if char == '"' and not inside(protected, i, i + 1)]
            paired = len(marks) % 2 == 0
            for position in range(0, len(marks), 2):
                opening = marks[position]
                closing = marks[position + 1] if position + 1 < len(marks) else None
                if not _chinese_pair(text, opening, closing):
                    continue
                yield Hit(paragraph, opening, opening + 1, {"replacement": _OPENING}, _OPENING if paired else None)
                if closing is not None:
                    yield Hit(paragraph, closing, closing + 1, {"replacement": _CLOSING}, _CLOSING if paired else None)

    return check
