"""Heading numbers at the start of a paragraph: the GB/T 9704 forms and their sloppy variants.

Four families, one per outline level: 一、 （一） 1. （1）. Variants seen in real drafts are read
into the same family so that rules can say what is wrong with them: "二." "第二、" "2、" "(一)"
"（1)" "1、" "１．".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from checker.document.characters import BLANKS
from checker.document.model import Marker, MarkerStyle
from checker.document.numerals import chinese_to_int, int_to_chinese

NOMINAL_LEVEL = {
    MarkerStyle.CN_COMMA: 1,
    MarkerStyle.CN_PAREN: 2,
    MarkerStyle.ARABIC_DOT: 3,
    MarkerStyle.ARABIC_PAREN: 4,
}
STYLE_FOR_LEVEL = {level: style for style, level in NOMINAL_LEVEL.items()}

_INDENT = f"[{BLANKS}]*"
# The patterns run in the standard library's re (cheaper a call than the regex module's, and they
# run for most paragraphs of a draft); `\s` written out as the set the regex module reads it as (re's own
# also holds U+001C-U+001F).
_S = r"[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_CN = r"[一二三四五六七八九十]{1,3}"
_AR = r"[0-9０-９]{1,2}"
# A dot or comma after an Arabic number must not be a decimal point or a date ("5.12防灾减灾日"),
# nor "3、4月份" (March and April); a year may follow it ("2.2020年推进…": no decimal has a 年).
# "第一，…第二，…" is an enumeration in prose (the comma is the standard punctuation after 第一), not a heading.
_PATTERNS = (
    (MarkerStyle.CN_PAREN, re.compile(rf"{_INDENT}(?P<m>[（(]{_S}*(?P<n>{_CN}){_S}*[）)]){_INDENT}")),
    (MarkerStyle.ARABIC_PAREN, re.compile(rf"{_INDENT}(?P<m>[（(]{_S}*(?P<n>{_AR}){_S}*[）)]){_INDENT}")),
    (MarkerStyle.CN_COMMA, re.compile(rf"{_INDENT}(?!第{_CN}{_S}*[，,])(?P<m>第?(?P<n>{_CN}){_S}*[、.．，,]){_INDENT}")),
    (MarkerStyle.ARABIC_DOT, re.compile(rf"{_INDENT}(?P<m>(?P<n>{_AR}){_S}*(?:、(?!{_AR}{_S}*[月日号])|[.．，,](?!(?!(?:19|20)[0-9]{{2}}年)[0-9０-９]))){_INDENT}")),
)

# The characters each family's marker can start with (after the indentation): a paragraph is
# tried only against the families its first character allows, in the order above.
_FIRST_CHARS = {
    MarkerStyle.CN_PAREN: "（(",
    MarkerStyle.ARABIC_PAREN: "（(",
    MarkerStyle.CN_COMMA: "第一二三四五六七八九十",
    MarkerStyle.ARABIC_DOT: "0123456789０１２３４５６７８９",
}
_PATTERNS_BY_FIRST = {
    char: tuple(entry for entry in _PATTERNS if char in _FIRST_CHARS[entry[0]]) for char in "".join(_FIRST_CHARS.values())
}


class MarkerMatch(NamedTuple):  # a tuple: built for most paragraphs of a draft, cheaper than a frozen dataclass
    marker: Marker
    start: int  # offset of the marker in the paragraph text (after indentation)
    end: int  # offset just after the marker
    title_start: int  # offset of the first character after the marker and any spaces


# Cached, as _marker: a draft has a few dozen distinct markers and thousands of numbered paragraphs.
@cache
def canonical_marker(style: MarkerStyle, number: int) -> str:
    if style is MarkerStyle.CN_COMMA:
        return f"{int_to_chinese(number)}、"
    if style is MarkerStyle.CN_PAREN:
        return f"（{int_to_chinese(number)}）"
    if style is MarkerStyle.ARABIC_DOT:
        return f"{number}."
    return f"（{number}）"


@lru_cache(maxsize=4096)  # bounded: `serve` reads draft after draft; Marker is frozen, so shared safely
def _marker(style: MarkerStyle, text: str, digits: str, from_word_numbering: bool) -> Marker | None:
    """The marker written `text` (its number written `digits`), or None for the number 0."""
    if style in (MarkerStyle.CN_COMMA, MarkerStyle.CN_PAREN):
        number = chinese_to_int(digits)
    else:
        number = int(digits.translate(_FULLWIDTH_DIGITS))
    if not number:  # None, or 0
        return None
    return Marker(text, style, number, canonical_marker(style, number), from_word_numbering)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _word_number(text: str, length: int) -> MarkerMatch | None:
    """The marker a Word auto number label (`text[:length]`) is, if it is one as a whole."""
    label = text[:length]
    first = label.lstrip(BLANKS)[:1]
    for style, pattern in _PATTERNS_BY_FIRST.get(first, ()):
        match = pattern.match(label)
        if not match or match.end() != length:
            continue
        marker = _marker(style, *match.group("m", "n"), True)
        if marker is None:
            continue
        title_start = len(text) - len(text[length:].lstrip(BLANKS))
        if title_start >= len(text):
            return None  # a bare number is not a heading
        return MarkerMatch(marker, *match.span("m"), title_start)
    return None


def parse_marker(text: str, auto_prefix: int = 0) -> MarkerMatch | None:
    """The heading number at the start of `text`, if any.

    `auto_prefix` is the length of a Word auto number rendered at the start of `text`: then the
    number is that label alone, known from numbering.xml, never re-read from the text after it
    (Word's "1." before "2021年推进…" is "1.", not the start of "1.2021").
    """
    if auto_prefix:
        return _word_number(text, auto_prefix)
    first = text[:1]
    if first in BLANKS:
        first = text.lstrip(BLANKS)[:1]
    for style, pattern in _PATTERNS_BY_FIRST.get(first, ()):
        match = pattern.match(text)
        if not match:
            continue
        start, end = match.span("m")
        marker = _marker(style, *match.group("m", "n"), 0 < auto_prefix and end <= auto_prefix)
        if marker is None:
            continue
        title_start = match.end()  # the spaces after the marker are part of the match
        if title_start >= len(text):
            return None  # a bare number is not a heading
        return MarkerMatch(marker, start, end, title_start)
    return None
