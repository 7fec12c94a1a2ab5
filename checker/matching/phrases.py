"""A list of phrases a rule looks for (or lets pass): plain words and a few regular expressions,
compiled once.

Plain words go into one Aho–Corasick automaton
and one trie, so the cost per character of text stays flat however long the list grows; an item
with regular-expression syntax (`截止(?=\\d)`, `(?P<mark>[，、])(?P=mark)+`) is matched by the regex
engine, each on its own, so such items are meant for the few entries that need context, not for
long lists (an alternation slows down as it grows, bench/bench_rule_growth.py; the automaton does not).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from checker.matching.automaton import Automaton, Trie
from checker.matching.patterns import compile_pattern, later
from checker.matching.required_literals import Finder, required_literals

_REGEX_SYNTAX = set("\\.^$*+?{}[]|()")


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    item: int  # index of the phrase in the list
    match: regex.Match | None = None  # for a regular-expression item


def is_plain(phrase: str) -> bool:
    return not _REGEX_SYNTAX & set(phrase)


class PhraseList:
    def __init__(self, phrases: list[str], what: str = "正则表达式") -> None:
        self.phrases = [str(p) for p in phrases]
        words = {p: i for i, p in enumerate(self.phrases) if is_plain(p)}
        self._item_of_word = words
        self._automaton = Automaton(words) if words else None
        self._trie = Trie(words, backwards=True) if words else None
        self._longest_word = max(map(len, words), default=0)
        self._patterns = [(i, compile_pattern(p, what)) for i, p in enumerate(self.phrases) if p not in words]
        self._searches: list[tuple[int, regex.Pattern, Finder | None]] | None = None
        if self._patterns:
            later(self)

    def prepare(self) -> None:
        """Each pattern item with its quick test, on first need: most lists are consulted only near a
        hit, and the tests take a pattern parse each to build."""
        if self._searches is None:
            self._searches = [(i, pattern, _quick_test(self.phrases[i])) for i, pattern in self._patterns]

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def occurrences(self, text: str) -> list[Occurrence]:
        """Every occurrence of a plain word (overlapping ones too) and every match of each pattern."""
        found = []
        if self._automaton is not None:
            found += [Occurrence(s, e, self._item_of_word[text[s:e]]) for s, e in self._automaton.occurrences(text)]
        self.prepare()
        for item, pattern, may_match in self._searches:
            if may_match is None or may_match.search(text):
                found += [Occurrence(m.start(), m.end(), item, m) for m in pattern.finditer(text) if m.end() > m.start()]
        return found

    def fullmatch(self, text: str) -> bool:
        """Whether `text` as a whole is one of the phrases."""
        return text in self._item_of_word or any(p.fullmatch(text) for _, p in self._patterns)

    def covers(self, text: str, start: int, end: int) -> bool:
        """Whether an occurrence of some phrase contains text[start:end]."""
        if self._trie is not None:
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


def leftmost_longest(occurrences: list[Occurrence]) -> list[Occurrence]:
    """Non-overlapping occurrences, left to right, the longest at each start (the first listed on a tie)."""
    chosen: list[Occurrence] = []
    for occurrence in sorted(occurrences, key=lambda o: (o.start, o.start - o.end, o.item)):
        if not chosen or occurrence.start >= chosen[-1].end:
            chosen.append(occurrence)
    return chosen
