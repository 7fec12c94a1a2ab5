"""Heading numbers: canonical GB/T 9704 forms and the variants real drafts use."""

from __future__ import annotations

import pytest

from checker.document.markers import parse_marker
from checker.document.model import MarkerStyle
from checker.document.numerals import chinese_to_int, int_to_chinese


@pytest.mark.parametrize(
    ("text", "style", "number", "marker", "canonical"),
    [
        ("一、加强领导", MarkerStyle.CN_COMMA, 1, "一、", "一、"),
        ("二.加强领导", MarkerStyle.CN_COMMA, 2, "二.", "二、"),
        ("第二、加强领导", MarkerStyle.CN_COMMA, 2, "第二、", "二、"),
        ("十一、加强领导", MarkerStyle.CN_COMMA, 11, "十一、", "十一、"),
        ("（一）加强领导", MarkerStyle.CN_PAREN, 1, "（一）", "（一）"),
        ("(一)加强领导", MarkerStyle.CN_PAREN, 1, "(一)", "（一）"),
        ("1.加强领导", MarkerStyle.ARABIC_DOT, 1, "1.", "1."),
        ("2、 推进法治", MarkerStyle.ARABIC_DOT, 2, "2、", "2."),
        ("2、2021年推进法治", MarkerStyle.ARABIC_DOT, 2, "2、", "2."),
        ("１．加强领导", MarkerStyle.ARABIC_DOT, 1, "１．", "1."),
        ("（1）完善机制。", MarkerStyle.ARABIC_PAREN, 1, "（1）", "（1）"),
        ("（1)完善机制", MarkerStyle.ARABIC_PAREN, 1, "（1)", "（1）"),
        ("    1.加强组织领导", MarkerStyle.ARABIC_DOT, 1, "1.", "1."),
    ],
)
def test_markers_are_read_into_their_family(text, style, number, marker, canonical):
    found = parse_marker(text)
    assert found is not None
    assert (found.marker.style, found.marker.number, found.marker.text, found.marker.canonical) == (
        style, number, marker, canonical)


@pytest.mark.parametrize(
    "text",
    [
        "5.12防灾减灾日开展宣传",  # a date, not "5."
        "12.4宪法宣传日",
        "30.48件",
        "2021年推进法治政府建设",
        "一是对法治政府建设的理解",  # 一是… is an enumeration in prose
        "一年来，我局在法治政府建设上",
        "十四五规划",
        "1.",  # a bare number
        "100余册",
        "3、4月份开展集中整治",  # March and April, not item 3
    ],
)
def test_text_that_only_looks_numbered_is_not_a_heading(text):
    assert parse_marker(text) is None


def test_a_marker_inside_the_word_numbering_prefix_is_marked_automatic():
    found = parse_marker("一、加强领导", auto_prefix=2)
    assert found.marker.from_word_numbering
    assert not parse_marker("一、加强领导").marker.from_word_numbering


@pytest.mark.parametrize("number", [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 105, 110, 115, 120, 999])
def test_chinese_numerals_round_trip(number):
    assert chinese_to_int(int_to_chinese(number)) == number


def test_chinese_numeral_spelling():
    assert [int_to_chinese(n) for n in (1, 10, 12, 20, 35)] == ["一", "十", "十二", "二十", "三十五"]
    assert chinese_to_int("一二") is None
    assert [int_to_chinese(n) for n in (100, 105, 110, 116)] == ["一百", "一百零五", "一百一十", "一百一十六"]
    assert [chinese_to_int(t) for t in ("一百十", "百", "一百零")] == [None, None, None]


@pytest.mark.parametrize(("space", "read"), [(" ", True), ("\u3000", True), ("\u2003", True), ("\u001c", False), ("\u200b", False)])
def test_spaces_inside_a_marker_are_the_unicode_white_space_characters(space, read):
    found = parse_marker(f"（{space}一{space}）加强领导")
    assert (found is not None and found.marker.number == 1) == read
