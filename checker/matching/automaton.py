"""One Aho–Corasick automaton for a word list: every occurrence in one pass over the text.

Scanning costs one step per character of the
text whatever the size of the list, which a regex alternation or a `regex` named list does not
(both grow with the list: measured in bench/bench_rule_growth.py). The automaton is the Rust
aho-corasick crate's (ahocorasick_rs): the same scan written in Python is far slower, and
pyahocorasick's grows with the number of first characters.

Every automaton is the crate's contiguous NFA, none its DFA. A DFA's table holds a row of every byte
class for each state, and the classes multiply with the bytes the words hold (ASCII letters of file
extensions, punctuation, the continuation bytes of Chinese): the run's DFAs weighed ~11 MB in the
parent of a batch, the one over all the prefilters' words 2.9–5.6 MB built again in each worker. The
NFA weighs a fraction and, on the 300-draft bench, checks as fast (bench/README.md, twelfth round).
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick_rs

# named, not left to the crate: it picks a DFA itself for lists of at most 100 words
_NFA = ahocorasick_rs.Implementation.ContiguousNFA


class Automaton:
    def __init__(self, words: Iterable[str]) -> None:
        self._words = sorted({w for w in words if w})
        self._automaton = ahocorasick_rs.AhoCorasick(self._words, implementation=_NFA) if self._words else None

    def __len__(self) -> int:
        return len(self._words)

    @property
    def words(self) -> list[str]:
        """The listed words, in the order `found` numbers them."""
        return self._words

    def found(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
        """(number of the word in `words`, start, end) of every listed word in text[start:end],
        overlapping ones included, in no set order."""
        if self._automaton is None:
            return []
        if start == 0 and (end is None or end >= len(text)):
            return self._automaton.find_matches_as_indexes(text, overlapping=True)
        found = self._automaton.find_matches_as_indexes(text[start:end], overlapping=True)
        return [(word, start + s, start + e) for word, s, e in found]

    def occurrences(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Every (start, end) of a listed word in text[start:end], overlapping ones included, by end."""
        return sorted(((s, e) for _, s, e in self.found(text, start, end)), key=lambda span: (span[1], span[0]))


class ByteScan:
    """Where the words of a list occur in UTF-8 text (encoded with "surrogatepass"): a
    non-overlapping scan, in text order.

    Every stretch of text holding an occurrence holds a reported one (the scan resumes where the
    last one ended), which is all a prefilter needs. Leftmost-first matching lets the crate use its
    SIMD prefilter, and bytes skip the str-to-UTF-8 conversion of each call.

    The crate picks its prefilter from the words' bytes alone: with at most three distinct "rare"
    bytes among them it jumps from one such byte to the next, in Chinese text often a byte of every
    tenth character (修改, 修正, 修订 share the three bytes of 修). Four words that never occur in
    UTF-8, each with its own byte, steer it to its SIMD search for the words' first bytes instead,
    for a list short enough to take them; the occurrences reported are the same.
    """

    def __init__(self, words: Iterable[str], every: bool = False) -> None:
        """`every`: report every occurrence, overlapping ones included (in no set order), not one per stretch."""
        self.words = sorted({w for w in words if w})
        encoded = [w.encode("utf-8", "surrogatepass") for w in self.words]
        if _steerable(encoded):
            encoded += _NEVER_IN_UTF8
        kind = ahocorasick_rs.MATCHKIND_STANDARD if every else ahocorasick_rs.MATCHKIND_LEFTMOST_FIRST
        self._find = ahocorasick_rs.BytesAhoCorasick(
            encoded, matchkind=kind, implementation=_NFA).find_matches_as_indexes if encoded else None
        self._every = every

    def matches(self, data: bytes) -> list[tuple[int, int, int]]:
        """(index of the word in `words`, start, end) of each reported occurrence, in bytes."""
        return self._find(data, overlapping=self._every) if self._find is not None else []


_NEVER_IN_UTF8 = [bytes([byte]) * 3 for byte in range(0xF8, 0xFC)]
_SIMD_MOST = 64  # words: the crate's SIMD search takes no more


def _steerable(encoded: list[bytes]) -> bool:
    """A list the SIMD search can take with the four steering words (a single word gets memmem anyway)."""
    return 1 < len(encoded) <= _SIMD_MOST - len(_NEVER_IN_UTF8)


class Trie:
    """The words of a list that start (or end) at a given point of a text, longest first.

    For matching anchored at a known point, e.g. right after “法治” or right before “人民政府”:
    a walk of at most the longest word's length, whatever the size of the list.
    """

    def __init__(self, words: Iterable[str], backwards: bool = False) -> None:
        self._root: dict = {}
        self._backwards = backwards
        for word in {w for w in words if w}:
            node = self._root
            for char in reversed(word) if backwards else word:
                node = node.setdefault(char, {})
            node[""] = True

    @classmethod
    def of_nodes(cls, root: dict) -> Trie:
        """A forward Trie over nodes already built, as the gazetteer's: {character: node}, with the
        key "" in the node where a word ends."""
        trie = cls(())
        trie._root = root
        return trie

    def words_at(self, text: str, point: int) -> list[tuple[int, int]]:
        """(start, end) of every listed word that starts at `point` (backwards: ends at it), longest first."""
        node, found = self._root, []
        step = -1 if self._backwards else 1
        position = point - 1 if self._backwards else point
        while 0 <= position < len(text) and (node := node.get(text[position])) is not None:
            if "" in node:
                found.append((position, point) if self._backwards else (point, position + 1))
            position += step
        return found[::-1]
