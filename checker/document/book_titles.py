"""Titles in book-title marks 《…》 within one paragraph: shared by the citation rule types and the
rules that leave cited titles alone.

Titles are the outermost 《…》 pairs; a nested 《…《…》…》 stays inside its outer title, and a
mark without a partner opens or closes no title (the typography rule FZ604 reports those). One
mismatch is read as the title it was meant to be: a 《 whose next book-title mark is not its 》,
closed on the way by a 〉 that no 〈 opened ("《…条例〉执行情况"), is a title up to that 〉.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

OPEN, CLOSE = "《", "》"

_MARKS = regex.compile(f"[{OPEN}{CLOSE}]")
_ALL_MARKS = regex.compile("[《》〈〉]")
_DASHES = regex.compile(r"\s*[-－—–~～至]+\s*")
_SPACES = regex.compile(r"\s+")
_RANGE_YEAR = regex.compile(r"(\d{4})年(?=-\d{4})")
_EDITION = regex.compile(r"\((?:\d{4}年?)?(?:修订|修正)(?:版|本)?\)$")
NATIONAL_PREFIX = "中华人民共和国"


@dataclass(frozen=True)
class BookTitle:
    start: int  # offset of 《
    end: int  # offset just after 》
    text: str  # what stands between the marks

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def book_titles(text: str) -> tuple[list[BookTitle], list[int]]:
    """The outermost 《…》 titles of `text` in order, and the offsets of marks without a partner.

    Several rules ask this of the same paragraphs, so the answer for a text with marks is cached:
    the lists are shared between callers and must not be modified."""
    if OPEN not in text and CLOSE not in text:
        return [], []
    return _book_titles(text)


@lru_cache(maxsize=4096)
def _book_titles(text: str) -> tuple[list[BookTitle], list[int]]:
    titles: list[BookTitle] = []
    unpaired: list[int] = []
    opened: list[int] = []
    misclosed = _misclosed(text) if "〉" in text else {}
    for mark in _ALL_MARKS.finditer(text) if misclosed else _MARKS.finditer(text):
        position, char = mark.start(), misclosed.get(mark.start(), mark.group())
        if char == OPEN:
            opened.append(position)
        elif char == CLOSE and not opened:
            unpaired.append(position)
        elif char == CLOSE:
            start = opened.pop()
            if not opened:
                titles.append(BookTitle(start, position + 1, text[start + 1 : position]))
    return titles, sorted(unpaired + opened)


def _misclosed(text: str) -> dict[int, str]:
    """The 〉 that close a 《 by mistake, each as the 》 it stands for: the first 〉 after a 《 that no
    〈 opened, when the next 《 or 》 after that 《 is not a 》 (which closes it: "《…办法〉的通知》")."""
    found: dict[int, str] = {}
    stray, inner = None, 0  # after a 《: its first 〉 that no 〈 opened, and the 〈 open so far
    opening = False
    for mark in _ALL_MARKS.finditer(text):
        char = mark.group()
        if char in (OPEN, CLOSE):
            if stray is not None and char == OPEN:
                found[stray] = CLOSE
            opening, stray, inner = char == OPEN, None, 0
        elif not opening or stray is not None:
            continue
        elif char == "〈":
            inner += 1
        elif inner:
            inner -= 1
        else:
            stray = mark.start()
    if stray is not None:
        found[stray] = CLOSE
    return found


def inside_any(titles: list[BookTitle], start: int, end: int) -> bool:
    return any(title.contains(start, end) for title in titles)


def national_prefixed(title: str) -> bool:
    """Whether a title's own text starts with 中华人民共和国 (its cosmetic form has lost the prefix)."""
    return "".join(title.split()).startswith(NATIONAL_PREFIX)


def cosmetic_form(title: str) -> str:
    """A title with the differences that do not name another document removed: spaces, bracket
    width, dash style, the 年 of a range's first year, an edition note, the 中华人民共和国 prefix.
    "中华人民共和国行政处罚法（2021年修订版）" → "行政处罚法"; "纲要(2021年-2025年)" → "纲要(2021-2025年)"."""
    form = _SPACES.sub("", title).replace("（", "(").replace("）", ")")
    form = _DASHES.sub("-", form)
    form = _RANGE_YEAR.sub(r"\1", form)
    form = _EDITION.sub("", form)
    return form.removeprefix(NATIONAL_PREFIX)
