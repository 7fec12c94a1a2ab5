"""ViewSearch finds what a pass over the whole view finds, searching only the paragraphs that hold
the strings a match needs."""

import os

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.loaders.txt import parse_text
from checker.matching import ViewSearch, view_matches

EXAMPLES = int(os.environ.get("FAZHI_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES * 5, deadline=None, database=None)
# pieces that never match a line break, so that no match runs across paragraphs
PIECES = ["年", "度", "报告", r"\d", r"\d{2}", "(?:19|20)", "[年度]", "(?<=年)", "(?!度)", "^", "$", "报?", "(?:年|报告)", "|"]


def _found(matches) -> list[tuple[int, int, int, str]]:
    return [(paragraph.index, start, end, match.group()) for paragraph, start, end, match in matches]


def test_a_paragraph_without_the_needed_strings_is_not_searched_and_offsets_are_the_paragraphs():
    document = parse_text("2020年工作\n现将2020年度报告如下\n2021年度报告\n", "x.txt")
    search = ViewSearch(regex.compile(r"(?P<year>\d{4})年度报告", regex.MULTILINE))
    assert _found(search.matches(document)) == [(1, 2, 10, "2020年度报告"), (2, 0, 8, "2021年度报告")]


def test_a_lookbehind_at_a_paragraph_start_sees_the_line_break_before_it():
    document = parse_text("甲\n年度\n", "x.txt")
    assert _found(ViewSearch(regex.compile(r"(?<=\n)年度")).matches(document)) == [(1, 0, 2, "年度")]


def test_a_pattern_with_flags_the_reading_does_not_know_is_searched_over_the_whole_view():
    document = parse_text("Abc\nabc\n", "x.txt")
    assert _found(ViewSearch(regex.compile("abc", regex.IGNORECASE)).matches(document)) == [(0, 0, 3, "Abc"), (1, 0, 3, "abc")]


@FUZZ
@given(pattern=st.lists(st.sampled_from(PIECES), min_size=1, max_size=5).map("".join),
       lines=st.lists(st.text("年度报告12 ", min_size=1, max_size=12), min_size=1, max_size=5))
def test_view_search_finds_what_a_whole_view_pass_finds(pattern, lines):
    if not "".join(lines).strip():
        return
    document = parse_text("\n".join(lines), "fuzz.txt")
    compiled = regex.compile(pattern, regex.MULTILINE)
    assert _found(ViewSearch(compiled).matches(document)) == _found(view_matches(document, compiled))
