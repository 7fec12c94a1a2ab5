"""One Aho–Corasick automaton for a word list: every occurrence in one pass over the text.

A helper for the rule types (it declares no TYPE). Scanning costs one step per character of the
text whatever the size of the list, which a regex alternation or a `regex` named list does not
(both grow with the list: measured in bench/bench_rule_growth.py). The automaton is the Rust
aho-corasick crate's (ahocorasick_rs): the same scan written in Python cost ~40 ms per MB for
every rule that uses one, and pyahocorasick's grows with the number of first characters.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from functools import partial
from operator import itemgetter

import ahocorasick_rs


class Automaton:
    def __init__(self, words: Iterable[str]) -> None:
        self._words = sorted({w for w in words if w})
        # A DFA: the fastest scan, and its cost per character does not grow with the list (the NFAs' does, a little).
        dfa = ahocorasick_rs.Implementation.DFA
        self._automaton = ahocorasick_rs.AhoCorasick(self._words, implementation=dfa) if self._words else None

    def __len__(self) -> int:
        return len(self._words)

    def occurrences(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Every (start, end) of a listed word in text[start:end], overlapping ones included, by end."""
        if self._automaton is None:
            return []
        part = text if start == 0 and end is None else text[start:end]
        found = self._automaton.find_matches_as_indexes(part, overlapping=True)
        return sorted(((start + s, start + e) for _, s, e in found), key=lambda span: (span[1], span[0]))

    def leftmost_longest(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Non-overlapping occurrences, scanning left to right and taking the longest at each start."""
        chosen: list[tuple[int, int]] = []
        for span in sorted(self.occurrences(text, start, end), key=lambda s: (s[0], -s[1])):
            if not chosen or span[0] >= chosen[-1][1]:
                chosen.append(span)
        return chosen


class ByteScan:
    """Where the words of a list occur in UTF-8 text (encoded with "surrogatepass"): a
    non-overlapping scan, in text order.

    Every stretch of text holding an occurrence holds a reported one (the scan resumes where the
    last one ended), which is all a prefilter needs. Leftmost-first matching lets the crate use its
    SIMD prefilter, and bytes skip the str-to-UTF-8 conversion of each call: on a document's whole
    text this is ~0.07 ms per MB against ~2 ms for an overlapping scan of the same str.

    The crate picks its prefilter from the words' bytes alone. With at most three distinct "rare"
    bytes among them it jumps from one such byte to the next, in Chinese text often a byte of every
    tenth character (修改, 修正, 修订 share the three bytes of 修); with more, and at most 64 words,
    it runs its SIMD search for the words' first bytes (as many as the shortest word has), the
    slower one when those begin common characters (法制…) or are one lead byte of many characters
    ("-" beside "至"); past 64 words it walks every byte. So a list is scanned as given over its
    first TRIAL_AFTER bytes of text (a one-file check rarely reads more, and the other forms cost up
    to ~1 ms per list to build, 6 ms for 1,000 words), then in each of the forms `_other_forms`
    offers too over the next TRIAL_BYTES, and the fastest is kept: they report the same occurrences.
    """

    TRIAL_AFTER = 1 << 16
    TRIAL_BYTES = 1 << 16

    def __init__(self, words: Iterable[str]) -> None:
        self.words = sorted({w for w in words if w})
        self._encoded = [w.encode("utf-8", "surrogatepass") for w in self.words]
        self._as_given = _leftmost_first(self._encoded) if self._encoded else None
        self._read = 0
        self._find: _Scan = self._first_bytes

    def matches(self, data: bytes) -> list[tuple[int, int, int]]:
        """(index of the word in `words`, start, end) of each reported occurrence, in bytes."""
        return self._find(data) if self._encoded else []

    def _first_bytes(self, data: bytes) -> list[tuple[int, int, int]]:
        self._read += len(data)
        if self._read >= self.TRIAL_AFTER:
            forms = [self._as_given, *_other_forms(self._encoded)]
            self._read = 0
            # one assignment: a check running meanwhile in another thread sees the old scan or the new one
            self._find = forms[0] if len(forms) == 1 else partial(self._try_each, forms, [0] * len(forms))
        return self._as_given(data)

    def _try_each(self, forms: list[_Scan], spent: list[int], data: bytes) -> list[tuple[int, int, int]]:
        for number, form in enumerate(forms):
            started = time.process_time_ns()
            found = form(data)
            spent[number] += time.process_time_ns() - started
        self._read += len(data)
        if self._read >= self.TRIAL_BYTES:
            self._find = forms[spent.index(min(spent))]
        return found


_Scan = Callable[[bytes], list[tuple[int, int, int]]]
# Four words that never occur in UTF-8, each with its own byte: more than three rare bytes, so the crate uses its SIMD search.
_NEVER_IN_UTF8 = [bytes([byte]) * 3 for byte in range(0xF8, 0xFC)]
_SIMD_MOST = 64  # words: the crate's SIMD search takes no more
_GROUP_MOST = 16  # words in a group scanned apart: the SIMD search's fingerprints blur past this
_GROUPED_MOST = 128  # words: past this the groups would be too many scans


def _other_forms(encoded: list[bytes]) -> list[_Scan]:
    """Scans of `encoded` that report what a scan as given reports: steered to the SIMD search (a
    single word gets memmem anyway); the one-byte words apart from the others; groups of at most
    _GROUP_MOST words apart; a DFA."""
    forms = [_steered(encoded)] if _steerable(encoded) else []
    single = [number for number, word in enumerate(encoded) if len(word) == 1]
    longer = [number for number, word in enumerate(encoded) if len(word) > 1]
    if single and longer and not any(encoded[s] in encoded[n] for s in single for n in longer):
        forms.append(_merged(encoded, [single, longer]))
    if _GROUP_MOST < len(encoded) <= _GROUPED_MOST and len(groups := _groups(encoded)) > 1:
        forms.append(_merged(encoded, groups))
    if len(encoded) > _SIMD_MOST:  # every byte is walked: a DFA walks 1,000 words ~30% faster than the default NFA
        forms.append(_leftmost_first(encoded, ahocorasick_rs.Implementation.DFA))
    return forms


def _steerable(encoded: list[bytes]) -> bool:
    return 1 < len(encoded) <= _SIMD_MOST - len(_NEVER_IN_UTF8)


def _steered(encoded: list[bytes]) -> _Scan:
    """The crate's SIMD search where it can take the words, else the scan as given."""
    return _leftmost_first(encoded + _NEVER_IN_UTF8 if _steerable(encoded) else encoded)


def _leftmost_first(encoded: list[bytes], implementation: ahocorasick_rs.Implementation | None = None) -> _Scan:
    leftmost_first = ahocorasick_rs.MATCHKIND_LEFTMOST_FIRST
    return ahocorasick_rs.BytesAhoCorasick(encoded, matchkind=leftmost_first, implementation=implementation).find_matches_as_indexes


def _groups(encoded: list[bytes]) -> list[list[int]]:
    """The words in groups of at most _GROUP_MOST, words whose occurrences may overlap (one inside
    the other, or one ending where the other starts) in the same group, a larger one if they must.
    UTF-8 is self-synchronising: two words' bytes overlap only where their characters do."""
    words = [word.decode("utf-8", "surrogatepass") for word in encoded]
    number_of = {word: number for number, word in enumerate(words)}
    starting_with: dict[str, list[int]] = {}
    for number, word in enumerate(words):
        for end in range(1, len(word)):
            starting_with.setdefault(word[:end], []).append(number)
    owner = list(range(len(words)))

    def root(number: int) -> int:
        while owner[number] != number:
            number = owner[number]
        return number

    for number, word in enumerate(words):
        inside = (number_of.get(word[start:end]) for start in range(len(word)) for end in range(start + 1, len(word) + 1))
        after = (other for start in range(1, len(word)) for other in starting_with.get(word[start:], ()))
        for other in (*inside, *after):
            if other is not None:
                owner[root(number)] = root(other)
    together: dict[int, list[int]] = {}
    for number in range(len(words)):
        together.setdefault(root(number), []).append(number)
    groups: list[list[int]] = []
    for members in sorted(together.values(), key=len, reverse=True):
        room = next((group for group in groups if len(group) + len(members) <= _GROUP_MOST), None)
        if room is None:
            groups.append(members)
        else:
            room += members
    return groups


def _merged(encoded: list[bytes], groups: list[list[int]]) -> _Scan:
    """One scan per group, merged: no occurrence of a word overlaps one of another group's, so the
    merge is what one scan of all the words reports."""
    scans = [(group, _steered([encoded[n] for n in group])) for group in groups]

    def scan(data: bytes) -> list[tuple[int, int, int]]:
        found = [(group[w], s, e) for group, group_scan in scans for w, s, e in group_scan(data)]
        found.sort(key=itemgetter(1))
        return found

    return scan


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
