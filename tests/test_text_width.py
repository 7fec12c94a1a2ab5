"""The text reporter's caret underline: display width counted per character class must equal the
per-character definition (2 for East Asian wide or full-width, 1 otherwise) for any text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from checker.findings import Finding, Severity
from checker.reporters.text import _WIDE_RANGES, display_width, format_finding


def _by_definition(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_the_ranges_counted_as_wide_are_wide_in_this_pythons_unicode_data():
    for low, high in _WIDE_RANGES:
        assert all(unicodedata.east_asian_width(chr(c)) in "WF" for c in range(low, high + 1)), hex(low)


def test_width_of_mixed_chinese_text():
    text = "\t法治，“依法”…ｶﾀ😀𠀀①Ω한　Ａ1a"
    assert display_width(text) == _by_definition(text)


@given(st.text())
def test_width_matches_the_definition_for_any_text(text: str):
    assert display_width(text) == _by_definition(text)


@given(st.characters(blacklist_characters="\n"), st.text(max_size=30))
def test_carets_under_a_one_character_span_are_as_wide_as_it(char: str, before: str):
    line = f"{before}{char}建设"
    column = len(before) + 1
    finding = Finding("FZ601", "halfwidth-punctuation", "typography", Severity.WARNING, "…", 1, column, 1, column + 1,
                      line, "")
    carets = format_finding("a.txt", finding, color=False).rsplit("\n", 1)[1].lstrip(" |").lstrip()
    assert carets == "^" * _by_definition(char)
