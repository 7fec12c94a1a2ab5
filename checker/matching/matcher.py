"""What a rule looks for (or lets pass): plain words and a few regular expressions, where they occur
in a text, and which of overlapping occurrences count (leftmost-longest, decided here only).

Plain words go into one Aho–Corasick automaton and one trie, so the cost per character of text
stays flat however long the list grows; a regular expression (`截止(?=\\d)`,
`(?P<mark>[，、])(?P=mark)+`) is matched by the regex engine, each on its own, so such items are meant
for the few entries that need context, not for long lists (an alternation slows down as it grows,
bench/bench_rule_growth.py; the automaton does not). The paragraphs of a document where some item
may occur are picked by one pass over the whole text (prefilter.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import regex

from checker.document.model import Document, Paragraph
from checker.matching.automaton import Automaton, Trie
from checker.matching.patterns import compile_pattern, later
from checker.matching.prefilter import Prefilter
from checker.matching.required_literals import Finder, required_literals

_REGEX_SYNTAX = set("\\.^$*+?{}[]|()")
_TITLE_MARKS = ("《", "》")
_PLAIN_TITLE = re.compile("《[^《》]*》")  # a book title holding no other mark


class Occurrence(NamedTuple):  # a tuple: made for every word found, in the hottest loops
    start: int
    end: int
    item: int  # index of the word or pattern in the matcher's `items`
    match: regex.Match | None = None  # for a regular-expression item


def is_plain(phrase: str) -> bool:
    """Whether a phrase holds no regular-expression syntax (a word, not a pattern)."""
    return not _REGEX_SYNTAX & set(phrase)


def leftmost_longest(occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    """Non-overlapping occurrences, left to right, the longest at each start (the first listed on a
    tie); empty ones never count."""
    chosen: list[Occurrence] = []
    for occurrence in sorted(occurrences, key=lambda o: (o[0], o[0] - o[1], o[2])):  # start, longest, first listed
        if occurrence.end > occurrence.start and (not chosen or occurrence.start >= chosen[-1].end):
            chosen.append(occurrence)
    return chosen


class Matcher:
    """Words and patterns looked for in a text: `Matcher(words, patterns)`, or `Matcher.of_phrases`
    for one list whose items are patterns when they hold regular-expression syntax. An occurrence's
    `item` numbers the words, then the patterns (of_phrases: the list's order)."""

    def __init__(self, words: Iterable[str] = (), patterns: Iterable[str] = (), what: str = "正则表达式") -> None:
        self._build([(str(w), False) for w in words] + [(str(p), True) for p in patterns], what)

    @classmethod
    def of_phrases(cls, phrases: Iterable[str], what: str = "正则表达式") -> Matcher:
        matcher = cls.__new__(cls)
        matcher._build([(str(p), not is_plain(str(p))) for p in phrases], what)
        return matcher

    def _build(self, items: list[tuple[str, bool]], what: str) -> None:
        self.items = [item for item, _ in items if item]
        words: dict[str, int] = {}
        for number, (item, pattern) in enumerate((i, p) for i, p in items if i):
            if not pattern:
                words.setdefault(item, number)
        self._item_of_word = words
        self._automaton = Automaton(words) if words else None
        self._item_of_number = [words[word] for word in self._automaton.words] if words else []
        self._trie: Trie | None = None  # for `covers`, built on first need
        self._longest_word = max(map(len, words), default=0)
        self._patterns = [(number, compile_pattern(item, what)) for number, (item, pattern) in
                          enumerate((i, p) for i, p in items if i) if pattern]
        self._searches: list[tuple[int, regex.Pattern, Finder | None]] | None = None
        self._prefilter: Prefilter | None = None
        later(self)

    def prepare(self) -> None:
        """Each pattern with its quick test, and the whole-document prefilter, on first need: most
        lists are consulted only near a hit, and both take a pattern parse each to build."""
        if self._searches is None:
            self._searches = [(n, pattern, _quick_test(self.items[n])) for n, pattern in self._patterns]
        if self._prefilter is None:
            self._prefilter = Prefilter(self._item_of_word, [self.items[n] for n, _ in self._patterns])

    def __bool__(self) -> bool:
        return bool(self.items)

    def paragraphs(self, document: Document, outside_titles: bool = False) -> list[Paragraph]:
        """The paragraphs of `document` where some word or pattern may occur (a superset);
        `outside_titles`: occur not wholly inside a book title 《…》."""
        self.prepare()
        chosen = self._prefilter.paragraphs(document)
        if outside_titles and self._automaton is not None and not self._patterns and not any(
                mark in word for word in self._item_of_word for mark in _TITLE_MARKS):
            return [paragraph for paragraph in chosen if self._word_outside_titles(paragraph.text)]
        return chosen

    def _word_outside_titles(self, text: str) -> bool:
        """Whether a word (none holds a title mark) may occur in `text` outside the book titles:
        such an occurrence is left when the titles that hold no other mark are cut out, and a text
        keeping a mark then (titles that nest, a mark without a partner) is taken as it is."""
        cut = _PLAIN_TITLE.sub("\x00", text)
        return any(mark in cut for mark in _TITLE_MARKS) or bool(self._automaton.found(cut))

    def occurrences(self, text: str, start: int = 0, end: int | None = None, overlapped: bool = False) -> list[Occurrence]:
        """Every occurrence of a word in text[start:end] (overlapping ones too) and the non-empty
        matches of each pattern there (`overlapped`: at every position, not only after the last)."""
        found = []
        if self._automaton is not None:
            item_of = self._item_of_number
            found += [Occurrence(s, e, item_of[word]) for word, s, e in self._automaton.found(text, start, end)]
        self.prepare()
        bounds = (start, len(text) if end is None else end)
        for item, pattern, may_match in self._searches:
            if may_match is None or may_match.search(text, *bounds):
                found += [Occurrence(m.start(), m.end(), item, m) for m in pattern.finditer(text, *bounds, overlapped=overlapped)
                          if m.end() > m.start()]
        return found

    def leftmost_longest(self, text: str, start: int = 0, end: int | None = None) -> list[Occurrence]:
        """The occurrences in text[start:end] that count: leftmost-longest, never overlapping."""
        return leftmost_longest(self.occurrences(text, start, end))

    def fullmatch(self, text: str) -> bool:
        """Whether `text` as a whole is one of the words or matches one of the patterns."""
        return text in self._item_of_word or any(p.fullmatch(text) for _, p in self._patterns)

    def covers(self, text: str, start: int, end: int) -> bool:
        """Whether an occurrence of some item contains text[start:end]."""
        if self._item_of_word:
            if self._trie is None:
                self._trie = Trie(self._item_of_word, backwards=True)
            for point in range(end, min(len(text), start + self._longest_word) + 1):
                if any(s <= start for s, _ in self._trie.words_at(text, point)):
                    return True
        self.prepare()
        for _, pattern, may_match in self._searches:
            if may_match is not None and not may_match.search(text):
                continue
            for match in pattern.finditer(text, overlapped=True):
                if match.start() > start:
                    break
                if match.end() >= end:
                    return True
        return False


def _quick_test(pattern: str) -> Finder | None:
    """A search for the strings one of which every match of `pattern` contains (None: no such strings)."""
    sets = required_literals(pattern)
    return Finder(sets[0]) if sets else None
