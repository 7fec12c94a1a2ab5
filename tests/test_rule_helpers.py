"""The helpers the rule types share for speed: paragraphs found by one search of the view, values
computed once per document."""

from __future__ import annotations

import gc
import weakref

import pytest
import regex

from checker.api import document_from_text
from checker.document.per_document import per_document
from checker.matching import any_of, paragraphs_with, prose_test


def test_paragraphs_with_a_pattern_each_once_in_order_the_last_one_included():
    document = document_from_text("《甲》和《乙》\n没有书名\n\n学习《丙》\n《丁》")
    found = [p.line for p in paragraphs_with(document, regex.compile("《"))]
    assert found == [1, 4, 5]


def test_paragraphs_with_no_match_is_empty():
    assert list(paragraphs_with(document_from_text("正文。\n正文。"), regex.compile("《"))) == []


def test_per_document_computes_once_per_document():
    calls = []

    @per_document
    def line_count(document):
        calls.append(document.path)
        return len(document.paragraphs)

    first, second = document_from_text("一\n二", "a.txt"), document_from_text("一", "b.txt")
    assert [line_count(first), line_count(first), line_count(second), line_count(first)] == [2, 2, 1, 2]
    assert calls == ["a.txt", "b.txt"]


def test_per_document_does_not_keep_a_document_alive():
    @per_document
    def paragraphs(document):
        return list(document.paragraphs)

    document = document_from_text("一\n二")
    paragraphs(document)
    gone = weakref.ref(document)
    del document
    gc.collect()
    assert gone() is None


@pytest.mark.parametrize(
    "skip",
    [
        [r"^\s*来源\s*[:：]", "链接即将离开"],  # strings to look for: the paragraphs holding them are searched
        [r"^\s*来源\s*[:：]", r"^\d+$"],  # a pattern without such strings: every paragraph is searched
    ],
)
def test_prose_test_skips_the_paragraphs_a_skip_pattern_matches(skip):
    document = document_from_text("推进法治政府建设，\n  来源：某某网\n\n您访问的链接即将离开本站\n2021\n来源不明，")
    is_prose = prose_test(skip)(document)
    assert [is_prose(p) for p in document.paragraphs] == [True, False, False, "链接即将离开" not in skip, "^\\d+$" not in skip, True]


def test_prose_test_without_skip_patterns_only_leaves_blank_paragraphs_out():
    document = document_from_text("推进法治政府建设，\n \n来源：某某网")
    is_prose = prose_test([])(document)
    assert [is_prose(p) for p in document.paragraphs] == [True, False, True]


def test_an_inline_flag_in_one_listed_pattern_stays_in_that_pattern():
    for patterns in (["(?i)abc", "xyz"], ["xyz", "(?i)abc"]):
        joined = any_of(patterns)
        assert joined.search("ABC") and not joined.search("XYZ")
