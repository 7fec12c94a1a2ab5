"""One Matcher for words and patterns: which occurrences count is decided once, leftmost-longest."""

from checker.matching import Matcher


def spans(matcher: Matcher, text: str) -> list[tuple[int, int]]:
    return [(o.start, o.end) for o in matcher.leftmost_longest(text)]


def test_the_longest_occurrence_at_a_start_counts_whether_word_or_pattern():
    assert spans(Matcher(["法制"], [r"法制\p{Han}{2}"]), "推进法制政府建设") == [(2, 6)]
    assert spans(Matcher(["法制政府建设"], [r"法制\p{Han}{2}"]), "推进法制政府建设") == [(2, 8)]


def test_a_word_hidden_by_an_overlapping_word_still_counts_once_a_pattern_displaces_that_one():
    # 甲乙 (a pattern) wins at 0 and pushes out 乙丙; 丙丁戊 starts where 甲乙 ends, so it counts
    assert spans(Matcher(["乙丙", "丙丁戊"], ["甲乙"]), "甲乙丙丁戊") == [(0, 2), (2, 5)]


def test_on_a_tie_the_first_listed_item_counts():
    keys = Matcher.of_phrases(["截止(?=\\d)", "截止"])
    assert [o.item for o in keys.leftmost_longest("截止5日")] == [0]
    assert [o.item for o in Matcher.of_phrases(["截止", "截止(?=\\d)"]).leftmost_longest("截止5日")] == [0]


def test_covers_and_fullmatch_read_words_and_patterns_alike():
    exceptions = Matcher.of_phrases(["法制宣传日", "法制(?=办)"])
    assert exceptions.covers("开展法制宣传日活动", 2, 6) and exceptions.covers("法制办", 0, 2)
    assert not exceptions.covers("加强法制宣传", 2, 6)
    assert exceptions.fullmatch("法制宣传日") and not exceptions.fullmatch("法制")
