"""The paragraphs where a string of one list stands right next to a string of another, picked in one
pass over the whole text: “法治” right before the first two characters of some place name, the last
two characters of a place name right before “政府”.

Each list alone is common in a report (法治 in most paragraphs, 城区 in many), the pairs are rare,
and a list of every pair (seven anchors times three thousand name starts) makes an automaton that
scans slowly. So the pass looks for the short list only, which the crate searches with SIMD, and
looks at the bytes next to each occurrence for one of the other list's strings: one set lookup a
hit, over the document's UTF-8 text made once for all the rules (prefilter.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from checker.document.model import Document, Paragraph
from checker.matching.automaton import ByteScan
from checker.matching.prefilter import utf8_pieces


def _encoded(strings: Iterable[str]) -> set[bytes]:
    return {s.encode("utf-8", "surrogatepass") for s in strings if s and "\n" not in s}  # none lies in a paragraph


class Adjacent:
    """The paragraphs where one of `words` is directly followed by one of `neighbours` (with
    `neighbours_before`: directly preceded by one): exactly the paragraphs holding such a pair.

    The scan reports occurrences of `words` without overlaps, leftmost first, so an occurrence
    starting inside a reported one, or another word at the same start, is not reported: which words
    can hide that way behind each word (法治 behind 法治政府 at its start, 政府 behind 人民政府 two
    characters in) is worked out once, and those are looked for at the hidden spot.
    """

    def __init__(self, words: Iterable[str], neighbours: Iterable[str], neighbours_before: bool = False) -> None:
        encoded = _encoded(words)
        self._scan = ByteScan(word.decode("utf-8", "surrogatepass") for word in encoded)
        self._words = [word.encode("utf-8", "surrogatepass") for word in self._scan.words]
        self._neighbours = _encoded(neighbours)
        self._lengths = sorted({len(n) for n in self._neighbours})
        self._before = neighbours_before
        # (offset in the reported word, word that may start there) for each word the scan can report
        self._hidden = [[(offset, other) for offset in range(len(word)) for other in self._words
                         if (offset or other != word) and (other.startswith(word[offset:]) or word[offset:].startswith(other))]
                        for word in self._words]
        self._hiding = {word for word, hidden in enumerate(self._hidden) if hidden}

    def _pairs(self, data: bytes, found: list[tuple[int, int, int]]) -> list[int]:
        """Where (bytes) the words of the occurrences `found` that have a neighbour start."""
        neighbours, spots = self._neighbours, []
        for length in self._lengths:  # one comprehension each: a hit costs a slice and a set lookup
            if self._before:  # a slice starting before 0 is shorter than `length`: never a neighbour
                spots += [start for _, start, _ in found if data[start - length : start] in neighbours]
            else:
                spots += [start for _, start, end in found if data[end : end + length] in neighbours]
        hiding = self._hiding
        for word, start, _ in [occurrence for occurrence in found if occurrence[0] in hiding] if hiding else ():
            spots += [start + offset for offset, other in self._hidden[word] if data.startswith(other, start + offset)
                      and self._next_to(data, start + offset, start + offset + len(other))]
        return spots

    def _next_to(self, data: bytes, start: int, end: int) -> bool:
        if self._before:
            return any(data[max(start - length, 0) : start] in self._neighbours for length in self._lengths)
        return any(data[end : end + length] in self._neighbours for length in self._lengths)

    def paragraphs(self, document: Document) -> list[Paragraph]:
        if not self._neighbours:
            return []
        chosen: list[Paragraph] = []
        for first, end, data, starts in utf8_pieces(document):
            if starts is None:  # a paragraph holding a line break: the piece's lines are not its paragraphs
                chosen += document.paragraphs[first:end]
                continue
            for spot in sorted(self._pairs(data, self._scan.matches(data))):
                paragraph = document.paragraphs[first + bisect_right(starts, spot) - 1]
                if not chosen or chosen[-1] is not paragraph:
                    chosen.append(paragraph)
        return chosen
