"""One Aho–Corasick automaton for a word list: every occurrence in one pass over the text.

A helper for the rule types (it declares no TYPE). Scanning costs one step per character of the
text whatever the size of the list, which a regex alternation or a `regex` named list does not
(both grow with the list: measured in bench/bench_rule_growth.py).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator


class Automaton:
    def __init__(self, words: Iterable[str]) -> None:
        self._goto: list[dict[str, int]] = [{}]
        self._length: list[int] = [0]  # length of the word that ends in this state (0: none)
        for word in {w for w in words if w}:
            self._add(word)
        self._fail = [0] * len(self._goto)
        self._output = [0] * len(self._goto)  # the nearest state on the fail chain that ends a word
        self._link()

    def __len__(self) -> int:
        return sum(1 for length in self._length if length)

    def _add(self, word: str) -> None:
        state = 0
        for char in word:
            following = self._goto[state].get(char)
            if following is None:
                following = len(self._goto)
                self._goto[state][char] = following
                self._goto.append({})
                self._length.append(0)
            state = following
        self._length[state] = len(word)

    def _link(self) -> None:
        queue = deque(self._goto[0].values())
        while queue:
            state = queue.popleft()
            for char, following in self._goto[state].items():
                queue.append(following)
                fallback = self._fail[state]
                while fallback and char not in self._goto[fallback]:
                    fallback = self._fail[fallback]
                target = self._goto[fallback].get(char, 0)
                self._fail[following] = target if target != following else 0
                self._output[following] = target if self._length[target] else self._output[target]

    def occurrences(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """Every (start, end) of a listed word in text[start:end], overlapping ones included, by end."""
        goto, fail, length, output = self._goto, self._fail, self._length, self._output
        state = 0
        for position in range(start, len(text) if end is None else end):
            char = text[position]
            while state and char not in goto[state]:
                state = fail[state]
            state = goto[state].get(char, 0)
            found = state if length[state] else output[state]
            while found:
                yield position + 1 - length[found], position + 1
                found = output[found]

    def leftmost_longest(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Non-overlapping occurrences, scanning left to right and taking the longest at each start."""
        chosen: list[tuple[int, int]] = []
        for span in sorted(self.occurrences(text, start, end), key=lambda s: (s[0], -s[1])):
            if not chosen or span[0] >= chosen[-1][1]:
                chosen.append(span)
        return chosen


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
