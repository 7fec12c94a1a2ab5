"""Adjacent picks the paragraphs where a word stands right next to a neighbour, in one pass; affixes
reads the strings every match of a pattern starts and ends with. Property tests hold both against
plain searches."""

import os

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.loaders.txt import parse_text
from checker.matching import Adjacent, affixes

EXAMPLES = int(os.environ.get("FAZHI_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES * 5, deadline=None, database=None)
ALPHABET = "ab政府人民。"
WORDS = st.lists(st.text(ALPHABET, min_size=1, max_size=4), min_size=1, max_size=4)


def _holds_pair(text: str, words: list[str], neighbours: list[str], before: bool) -> bool:
    return any((n + w if before else w + n) in text for w in words for n in neighbours)


def test_a_word_next_to_a_neighbour_picks_its_paragraph():
    document = parse_text("推进法治朝阳建设。\n推进法治建设。\n平安东城\n", "x.txt")
    near = Adjacent(["法治", "平安"], ["朝阳", "东城"])
    assert [p.index for p in near.paragraphs(document)] == [0, 2]


def test_a_word_hidden_inside_a_reported_one_is_looked_at_too():
    # the scan reports 人民政府; the 政府 inside it stands right after 人民
    document = parse_text("区人民政府\n市政府\n", "x.txt")
    near = Adjacent(["人民政府", "政府"], ["人民"], neighbours_before=True)
    assert [p.index for p in near.paragraphs(document)] == [0]


def test_a_neighbour_across_a_paragraph_break_does_not_count():
    document = parse_text("法治\n朝阳\n", "x.txt")
    assert Adjacent(["法治"], ["朝阳"]).paragraphs(document) == []


@FUZZ
@given(words=WORDS, neighbours=WORDS, before=st.booleans(),
       lines=st.lists(st.text(ALPHABET, min_size=1, max_size=14), min_size=1, max_size=5))
def test_adjacent_picks_exactly_the_paragraphs_holding_a_pair(words, neighbours, before, lines):
    if not "".join(lines).strip():
        return
    document = parse_text("\n".join(lines), "fuzz.txt")
    picked = [p.index for p in Adjacent(words, neighbours, neighbours_before=before).paragraphs(document)]
    expected = [p.index for p in document.paragraphs if _holds_pair(p.text, words, neighbours, before)]
    assert picked == expected


def test_affixes_of_an_alternation_and_of_a_pattern_that_may_match_nothing():
    assert affixes("委(?!托|员)|人民政府|政府") == (frozenset({"委", "人民政府", "政府"}),) * 2
    assert affixes(r"(?:^|[。；])\s*\d{4}年") == (None, frozenset({"年"}))
    assert affixes("(?=建设)") == (None, None)
    assert affixes("(?i)法治") == (None, None)


@FUZZ
@given(pattern=st.lists(st.sampled_from(["a", "b", "政府", "(?:a|政)", "[ab]", r"\d", "b?", "(?=a)", "a+", "|"]),
                        min_size=1, max_size=5).map("".join),
       text=st.text(ALPHABET + "1", max_size=10))
def test_every_match_starts_and_ends_with_one_of_the_affixes(pattern, text):
    prefixes, suffixes = affixes(pattern)
    for match in regex.compile(pattern).finditer(text, overlapped=True):
        assert prefixes is None or match.group().startswith(tuple(prefixes)), (pattern, match.group())
        assert suffixes is None or match.group().endswith(tuple(suffixes)), (pattern, match.group())
