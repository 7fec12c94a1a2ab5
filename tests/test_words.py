"""The word lists that tell words meeting from a slip (checker/matching/words.py, rules/data/words.txt and
doubled_words.txt, generated from jieba's dictionary and the gazetteer)."""

from __future__ import annotations

from checker.api import lint_text
from checker.matching import in_doubled_word, is_word, stands_alone


def test_two_character_words_and_the_common_ones():
    assert is_word("监督") and is_word("监委") and not is_word("委监")
    assert is_word("加强", common=True) and is_word("作协") and not is_word("作协", common=True)


def test_characters_that_are_frequent_words_alone():
    assert stands_alone("任") and stands_alone("是")
    assert not stands_alone("格") and not stands_alone("执")


def test_a_doubled_character_inside_a_listed_word_or_place_name():
    text = "依法治理与群众息息相关"
    assert in_doubled_word(text, text.index("息息"))
    assert not in_doubled_word("推动执执法", 2)


def test_a_doubled_content_character_is_a_notice_where_no_two_words_meet():
    slips = lint_text("推动执执法力量下沉。", select=["FZ531"])
    assert [(f.column, f.severity.value) for f in slips] == [(3, "info")]
    words_meeting = "会议议题提前公开，非常常见的问题逐一整改，层层压实责任。"
    assert lint_text(words_meeting, select=["FZ531"]) == []
