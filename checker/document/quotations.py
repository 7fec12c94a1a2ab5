"""Quotations that run over several paragraphs: a document's own list quoted item by item.

GB/T 15834-2011 (4.1.3.3 in its numbering of 引号) has each paragraph of such a quotation open with “ and only
the last close with ”; drafts often write the first “ and the last ” only:

    区司法局可以采取下列方式开展行政执法监督：
    “（一）日常监督检查；
    （二）专项监督检查；
    （三）法律、法规规定的其他方式。”

Either way the marks pair up across the paragraphs, and the numbers inside are the quoted document's,
not the report's headings. A run is taken for a quotation only where a colon introduces it (right
before its “, or at the end of the paragraph before), it closes within a few paragraphs, and no
paragraph inside it is a top-level heading ("二、…"): two stray marks a few paragraphs apart stay
stray marks.
"""

from __future__ import annotations

import re

from checker.document.model import Paragraph

OPEN, CLOSE = "“", "”"
_LONGEST = 8  # paragraphs a quoted list runs over at most
_INTRODUCED = re.compile(r"[：:]\s*$")
_TOP_LEVEL = re.compile(r"\s*[一二三四五六七八九十]+、")


def _balance(text: str) -> int:
    return text.count(OPEN) - text.count(CLOSE)


def _introduced(paragraphs: list[Paragraph], position: int) -> bool:
    text = paragraphs[position].text
    opening = text.rfind(OPEN)
    if _INTRODUCED.search(text[:opening]):
        return True
    if text[:opening].strip():
        return False
    before = next((p.text for p in reversed(paragraphs[:position]) if not p.is_blank), "")
    return _INTRODUCED.search(before) is not None


def _closes(text: str, balance: int) -> bool:
    """Whether a paragraph inside an open quotation ends it: one ” more than “, or (each paragraph
    opening with “, as the standard has it) opened and closed."""
    return balance < 0 or balance == 0 and text.lstrip().startswith(OPEN) and CLOSE in text


def quotation_runs(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """(first, last) positions of each quotation running over several paragraphs."""
    runs: list[tuple[int, int]] = []
    first = None
    for position, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if first is not None and (position - first > _LONGEST or _TOP_LEVEL.match(text)):
            first = None
        if OPEN not in text and CLOSE not in text:
            continue
        balance = _balance(text)
        if first is not None:
            if _closes(text, balance):
                runs.append((first, position))
                first = None
            elif not (balance > 0 and text.lstrip().startswith(OPEN)):
                first = None  # an unbalanced paragraph that is no line of the quotation
            continue
        if balance > 0 and _introduced(paragraphs, position):
            first = position
    return runs


def inside_quotations(paragraphs: list[Paragraph]) -> set[int]:
    """Positions of the paragraphs after the first of each such quotation, to its last."""
    return {position for first, last in quotation_runs(paragraphs) for position in range(first + 1, last + 1)}
