"""The one door to text matching: word lists, regular expressions and exceptions found in a text.

Rule types import from here and from nowhere else in this package: a `Matcher` over words and
patterns (which occurrences count is decided there, leftmost-longest), `compile_pattern` and
`any_of` for a rule's own regular expressions. How the matching is made fast
(one automaton pass per list, a whole-document prefilter, patterns compiled on first use, the
strings a pattern's matches must hold) stays behind these names.
"""

from checker.document.view_scan import paragraphs_with, view_matches
from checker.matching.adjacent import Adjacent
from checker.matching.alternation import Alternation
from checker.matching.automaton import Trie
from checker.matching.chinese_text import (
    CJK_PUNCTUATION,
    HAN,
    Sheltered,
    heading_number_ends,
    inside,
    is_blank,
    is_cjk,
    is_han,
    is_latin_letter,
    not_prose,
    open_quotation,
    prose_test,
    quoted,
    view_not_prose,
)
from checker.matching.matcher import Matcher, Occurrence, is_plain, leftmost_longest
from checker.matching.patterns import any_of, built_in_pack, compile_deferred, compile_pattern, compile_patterns
from checker.matching.prefilter import Prefilter
from checker.matching.required_literals import affixes
from checker.matching.view_search import ViewSearch
from checker.matching.words import is_word

__all__ = [
    "CJK_PUNCTUATION",
    "HAN",
    "Adjacent",
    "Alternation",
    "Matcher",
    "Occurrence",
    "Prefilter",
    "Sheltered",
    "Trie",
    "ViewSearch",
    "affixes",
    "any_of",
    "built_in_pack",
    "compile_deferred",
    "compile_pattern",
    "compile_patterns",
    "heading_number_ends",
    "inside",
    "is_blank",
    "is_cjk",
    "is_han",
    "is_latin_letter",
    "is_plain",
    "is_word",
    "leftmost_longest",
    "not_prose",
    "open_quotation",
    "paragraphs_with",
    "prose_test",
    "quoted",
    "view_matches",
    "view_not_prose",
]
