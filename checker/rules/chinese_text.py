"""What the term and typography rule types share about Chinese running text: which characters
are CJK, which spans are not prose (URLs, e-mail addresses, heading numbers), which spans are
quoted as written (《…》, “…”), which paragraphs a rule skips.

Not a rule type (no TYPE): the registry skips it.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from checker.document.model import Document, Paragraph
from checker.rules.book_titles import book_titles

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
_BLANKS = " \t\u3000\u00a0"
_QUOTATION = regex.compile("“[^“”]*”")


def is_han(char: str) -> bool:
    return bool(_HAN_CHAR.match(char))


def is_cjk(char: str) -> bool:
    """A Han character or a piece of CJK punctuation."""
    return bool(_HAN_CHAR.match(char) or _CJK_PUNCTUATION_CHAR.match(char))


def is_latin_letter(char: str) -> bool:
    return bool(_LATIN_LETTER.match(char))


def is_blank(char: str) -> bool:
    return char in _BLANKS


def compile_pattern(pattern: str, what: str = "正则表达式") -> regex.Pattern:
    """A regular expression from a rule's options; a bad one is a ValueError the rule loader reports."""
    try:
        return regex.compile(pattern)
    except regex.error as error:
        raise ValueError(f"{what}「{pattern}」无效：{error}") from None


def compile_patterns(patterns: Iterable[str], what: str = "正则表达式") -> list[regex.Pattern]:
    return [compile_pattern(p, what) for p in patterns]


def any_of(patterns: Iterable[str], what: str = "正则表达式") -> regex.Pattern | None:
    """One matcher for a list of patterns (None for an empty list)."""
    patterns = list(patterns)
    compile_patterns(patterns, what)  # name the bad one, if any
    return regex.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def quoted(text: str, titles: bool = True, quotations: bool = True) -> list[tuple[int, int]]:
    """Spans of 《…》 titles and of “…” quotations (marks included): text quoted as written."""
    spans = [(t.start, t.end) for t in book_titles(text)[0]] if titles else []
    return spans + ([m.span() for m in _QUOTATION.finditer(text)] if quotations else [])


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def not_prose(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses, where Chinese punctuation rules do not apply."""
    return [m.span() for m in _NOT_PROSE.finditer(text)]


def heading_number_ends(document: Document) -> dict[int, int]:
    """For each paragraph that starts with a heading number: where the heading text begins.

    The number, its indentation and the spaces after it belong to the numbering rules.
    """
    return {h.paragraph.index: h.title_start for h in document.outline if h.marker is not None}


def prose_paragraphs(document: Document, skip: regex.Pattern | None) -> Iterable[Paragraph]:
    """Non-blank paragraphs of the text view, without those a `skip` pattern matches."""
    for paragraph in document.paragraphs:
        if paragraph.is_blank or (skip is not None and skip.search(paragraph.text)):
            continue
        yield paragraph
