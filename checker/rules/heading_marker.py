"""标题序号的写法：GB/T 9704-2012 规定的四级序号依次为“一、”“（一）”“1.”“（1）”。

每个带序号的标题按它在大纲中的层级与应有写法比较，分三种问题（选项 defect 选其一，
各自成为一条规则，严重程度不同）：
  level        序号所属的层级不对：第一级写成“2、”“2.”（大纲仍把它认作第一级，因为它是
               必备部分的标题）。应为“二、”。
  brackets     括号用了半角或半角全角混用：“(一)”“（1)”。应为“（一）”“（1）”。
  punctuation  层级对、括号对，但其余写法不规范：“二.”“第二、”“一，”“1、”“１．”“（ 一 ）”。

一级中整套都用半角“(一)”时，每个标题各报告一次、各带修复（--fix 需要逐个修改），而不是
只报一次。修复把序号连同其后的空格替换为规范写法（安全修复）；序号是 Word 自动编号时
不提供修复（引擎不改自动编号，须在 Word 的编号格式里改）。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.markers import NOMINAL_LEVEL
from checker.document.model import Document, Heading
from checker.document.per_document import per_document
from checker.document.sibling_groups import expected_marker, marker_span
from checker.engine.ruletype import Check, Hit, Option

TYPE = "heading_marker"
OPTIONS = {"defect": Option(str, doc="level：层级不对；brackets：半角括号；punctuation：其余不规范写法")}
NEEDS: tuple[str, ...] = ()

DEFECTS = ("level", "brackets", "punctuation")
_FULL_WIDTH_BRACKETS = str.maketrans("()", "（）")


def defect_of(heading: Heading) -> str | None:
    marker = heading.marker
    if marker is None:
        return None
    if NOMINAL_LEVEL[marker.style] != heading.level:
        return "level"
    written = marker.text.strip()
    expected = expected_marker(heading.level, marker.number)
    if written == expected:
        return None
    return "brackets" if written.translate(_FULL_WIDTH_BRACKETS) == expected else "punctuation"


@per_document
def _defective(document: Document) -> dict[str, list[Heading]]:
    """The headings with each defect, in order: one rule per defect, all from the same pass."""
    found: dict[str, list[Heading]] = {}
    for heading in document.outline:
        if (defect := defect_of(heading)) is not None:
            found.setdefault(defect, []).append(heading)
    return found


def compile(options: dict) -> Check:
    defect = options["defect"]
    if defect not in DEFECTS:
        raise ValueError(f"defect 应为 {', '.join(DEFECTS)} 之一")

    def check(document: Document) -> Iterator[Hit]:
        for heading in _defective(document).get(defect, []):
            expected = expected_marker(heading.level, heading.marker.number)
            start, end = marker_span(heading)
            yield Hit(heading.paragraph, start, end,
                      {"found": heading.marker.text.strip(), "expected": expected, "level": heading.level},
                      replacement=expected)

    return check
