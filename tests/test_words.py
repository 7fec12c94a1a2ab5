"""The word list that tells words meeting from a slip (checker/matching/words.py, rules/data/words.txt,
generated from jieba's dictionary)."""

from __future__ import annotations

from checker.matching import is_word


def test_two_character_words_and_the_common_ones():
    assert is_word("监督") and is_word("监委") and not is_word("委监")
    assert is_word("加强", common=True) and is_word("作协") and not is_word("作协", common=True)
