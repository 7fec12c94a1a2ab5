"""Alternation: a list of patterns searched branch by branch finds what finditer over their
alternation finds."""

from __future__ import annotations

import random

import pytest
import regex

from checker.matching import Alternation

_MENTIONS = [r"""(?P<ordinal>[五六七八九])五[”"’']?[ \t]*普法""", r"(?:法治|法制)宣传教育的第(?P<ordinal>[五六七八九])个五年规划"]


def _found(matches) -> list:
    return [(m.span(), m.group(), m.groupdict()) for m in matches]


@pytest.mark.parametrize(
    ("patterns", "flags", "alphabet"),
    [
        (_MENTIONS, regex.MULTILINE, "五六七八九普法”法治法制宣传教育的第个五年规划 \n"),
        (["ab", "a", "b+", "^c", "(?<=a)b"], regex.MULTILINE, "abc\n"),  # overlaps, ties, anchors, look-behinds
        (["a*", "b"], 0, "ab"),  # empty matches: searched as the alternation
        (["(?i)a", "B"], 0, "aAbB"),  # an inline flag: searched as the alternation
        ([r"(a)\1", "b"], 0, "aab"),  # a group reference: searched as the alternation
    ],
)
def test_alternation_finds_what_the_joined_pattern_finds(patterns, flags, alphabet):
    alternation = Alternation(patterns, flags)
    joined = regex.compile(alternation.pattern, flags)
    texts = random.Random(7)
    for _ in range(3000):
        text = "".join(texts.choice(alphabet) for _ in range(texts.randint(0, 24)))
        assert _found(alternation.finditer(text)) == _found(joined.finditer(text)), text


def test_alternation_prefers_the_first_pattern_at_the_same_start():
    found = _found(Alternation(["ab", "abc"]).finditer("abcab"))
    assert [span for span, _, _ in found] == [(0, 2), (3, 5)]
