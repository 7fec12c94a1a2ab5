"""What the term and typography rule types share about Chinese running text: which characters
are CJK, which spans are not prose (URLs, e-mail addresses, heading numbers), which spans are
quoted as written (《…》, “…”), which paragraphs a rule skips.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

import regex

from checker.document.book_titles import book_titles
from checker.document.characters import BLANKS
from checker.document.model import Document, Paragraph
from checker.document.per_document import per_document
from checker.matching.patterns import any_of
from checker.matching.prefilter import Prefilter

HAN = r"\p{Han}"
# Full-width and CJK punctuation, plus the curly quotes, dash, ellipsis and middle dot of Chinese text.
CJK_PUNCTUATION = r"\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2014\u2018\u2019\u201C\u201D\u2026\u00B7"
_HAN_CHAR = regex.compile(HAN)
_CJK_PUNCTUATION_CHAR = regex.compile(f"[{CJK_PUNCTUATION}]")
_LATIN_LETTER = regex.compile(r"[A-Za-z]")
_NOT_PROSE = regex.compile(
    r"(?:https?://|ftp://|www\.)[!-~]+"  # a URL runs to the first non-ASCII or space character
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
_QUOTATION = regex.compile("“[^“”]*”")
_STRAIGHT_QUOTATION = regex.compile('"[^"]*"')
_OPEN_QUOTATION = regex.compile("“[^“”]*$")


def is_han(char: str) -> bool:
    return bool(_HAN_CHAR.match(char))


def is_cjk(char: str) -> bool:
    """A Han character or a piece of CJK punctuation."""
    return bool(_HAN_CHAR.match(char) or _CJK_PUNCTUATION_CHAR.match(char))


def is_latin_letter(char: str) -> bool:
    return bool(_LATIN_LETTER.match(char))


def is_blank(char: str) -> bool:
    return char in BLANKS


def quoted(text: str, titles: bool = True, quotations: bool = True, straight: bool = False) -> list[tuple[int, int]]:
    """Spans of 《…》 titles and of “…” quotations (marks included): text quoted as written; `straight`:
    also of "…" in straight quotes (a slip of its own, yet still a quotation)."""
    spans = [(t.start, t.end) for t in book_titles(text)[0]] if titles else []
    spans += [m.span() for m in _QUOTATION.finditer(text)] if quotations else []
    return spans + ([m.span() for m in _STRAIGHT_QUOTATION.finditer(text)] if straight and '"' in text else [])


def open_quotation(text: str) -> list[tuple[int, int]]:
    """The span of a “ that no ” closes, to the end of the paragraph: a quotation broken off."""
    match = _OPEN_QUOTATION.search(text)
    return [match.span()] if match else []


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def not_prose(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses, where Chinese punctuation rules do not apply."""
    if "://" not in text and "www." not in text and "@" not in text:  # what every such span holds
        return []
    return [m.span() for m in _NOT_PROSE.finditer(text)]


@per_document
def view_not_prose(document: Document) -> list[tuple[int, int]]:
    """not_prose of the whole text view, which several whole-view passes need."""
    return not_prose(document.view_text)


class Sheltered:
    """Sorted spans that do not overlap, and whether one of them holds a given span (a bisection, for
    the hits of a whole-document pass)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def holds(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and end <= self._ends[index]


# a part's label before a heading's text, where reports write one instead of a number: 第四部分　2026年…
_PART_LABEL = regex.compile(r"[ \t\u3000]*第[一二三四五六七八九十百零〇0-9]+(?:部分|章|节|篇)[ \t\u3000]*")


@per_document  # several typography rules ask
def heading_number_ends(document: Document) -> dict[int, int]:
    """For each paragraph that starts with a heading number (or a part's label, 第四部分): where the
    heading text begins.

    The number, its indentation and the spaces after it belong to the numbering rules.
    """
    ends = {}
    for heading in document.outline:
        if heading.marker is not None:
            ends[heading.paragraph.index] = heading.title_start
        elif label := _PART_LABEL.match(heading.paragraph.text):
            ends[heading.paragraph.index] = label.end()
    return ends


ParagraphTest = Callable[[Paragraph], bool]


def prose_test(skip: list[str]) -> Callable[[Document], ParagraphTest]:
    """For a document, whether a paragraph of it is prose a rule checks: not blank, and not matched by
    one of the `skip` patterns (a rule's skip_paragraphs). A whole-document pass asks only about the
    paragraphs it found something in."""
    pattern = any_of(skip, "skip_paragraphs 的项")
    skipped = _skipped_paragraphs(tuple(skip)) if pattern is not None else None

    def paragraph_test(document: Document) -> ParagraphTest:
        if pattern is None:
            return lambda paragraph: not paragraph.is_blank
        if skipped is None:
            return lambda paragraph: not paragraph.is_blank and not pattern.search(paragraph.text)
        indices = skipped(document)
        return lambda paragraph: not paragraph.is_blank and paragraph.index not in indices

    return paragraph_test


@lru_cache(maxsize=64)  # rules with the same skip list (FZ601, FZ603, FZ607) share one set per document
def _skipped_paragraphs(skip: tuple[str, ...]) -> Callable[[Document], frozenset[int]] | None:
    """The indices of a document's paragraphs that `skip` matches, found by one scan of the whole text
    for the strings its matches need and a search of the paragraphs holding them only (not a search
    of every paragraph a rule finds something in); None when `skip` has patterns without such strings."""
    pattern = any_of(skip)
    candidates = Prefilter([], skip)
    if candidates.takes_every_paragraph:
        return None

    @per_document
    def skipped(document: Document) -> frozenset[int]:
        return frozenset(p.index for p in candidates.paragraphs(document) if pattern.search(p.text))

    return skipped
