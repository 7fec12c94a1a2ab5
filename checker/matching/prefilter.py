"""The paragraphs of a document where a rule can find something, picked in one pass over the whole text.

A rule that matches paragraph by paragraph keeps its exact per-paragraph code and runs it only on
the paragraphs a `Prefilter` picks, instead of on all of them (a Python call for each). One
automaton pass over the document's UTF-8 text looks for the rule's words and for strings that every
match of its patterns contains (`required_literals`); a pattern without such strings makes every
paragraph a candidate. A paragraph
left out holds no word and no string some match would need, so it cannot hold a hit.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import ClassVar

from checker.document.model import Document, Paragraph
from checker.document.per_document import per_document
from checker.matching.automaton import Automaton, ByteScan
from checker.matching.required_literals import Finder, Sets, required_literals

# paragraphs [first, end) of a document, their text as UTF-8 joined by "\n", the byte offset where each
# starts in it (None when one holds a line break, as a document built in code may: then its lines are
# not its paragraphs)
_Piece = tuple[int, int, bytes, list[int] | None]

_KEPT_CHARACTERS = 1 << 22  # a bigger document is encoded a piece at a time by each rule, not kept twice
_PIECE_CHARACTERS = 1 << 20
_LINE_BREAK = re.compile(b"\n")


def _encoded(first: int, end: int, text: str) -> _Piece:
    data = text.encode("utf-8", "surrogatepass")
    starts = [0, *(match.end() for match in _LINE_BREAK.finditer(data))]
    return first, end, data, starts if len(starts) == end - first else None


def utf8_pieces(document: Document) -> Iterable[_Piece]:
    """The document's text as UTF-8: made once for all the rules that scan it, or piece by piece
    when keeping a copy would weigh on memory (a 50 MB draft)."""
    if len(document.view_text) > _KEPT_CHARACTERS:
        return _pieces(document.paragraphs)
    return _utf8_view(document)


@per_document
def _utf8_view(document: Document) -> list[_Piece]:
    return [_encoded(0, len(document.paragraphs), document.view_text)]


def _pieces(paragraphs: list[Paragraph]) -> Iterator[_Piece]:
    first = size = 0
    for index, paragraph in enumerate(paragraphs, 1):
        size += len(paragraph.text) + 1
        if size >= _PIECE_CHARACTERS or index == len(paragraphs):
            yield _encoded(first, index, "\n".join(p.text for p in paragraphs[first:index]))
            first, size = index, 0


class Prefilter:
    """The paragraphs where one of `words` occurs or one of `patterns` may match.

    The pass looks for the words and for one set of each pattern's required strings, its *leading*
    set. When the string found belongs to a pattern with further sets (a dash besides the "202" of
    `20[0-9]{2}[-–]`), the paragraph is kept only if it holds, for the words or for some pattern,
    everything that one needs: the scan reports one string per stretch, so the string found may
    hide another one that starts inside it. Any set may lead; the rarest leads best, which the
    pattern does not tell ("年" or a dash?), so the first ~64 KB of text read count each set's
    strings and the rarest set leads from then on. The choice changes speed, never the result.
    """

    CALIBRATION_BYTES = 1 << 16

    def __init__(self, words: Iterable[str], patterns: Iterable[str]) -> None:
        self._at_once = set(words)  # strings whose mere presence makes a paragraph a candidate
        self._sets: list[Sets] = []  # of the patterns with several sets
        self._every_paragraph = False
        for pattern in patterns:
            sets = required_literals(pattern)
            self._every_paragraph = self._every_paragraph or not sets
            if len(sets) == 1:
                self._at_once |= sets[0]
            elif sets:
                self._sets.append(sets)
        self._finders = [tuple(Finder(strings) for strings in sets) for sets in self._sets]
        self._words = Automaton(self._at_once) if self._at_once else None
        # with a single pattern and no words, a hidden string could only be the pattern's own
        self._one_owner = len(self._sets) == 1 and not self._at_once
        self._counts = [[0] * len(sets) for sets in self._sets]
        self._counted = 0
        owners: dict[str, list[tuple[int, int]]] = {}
        for pattern, sets in enumerate(self._sets):
            for number, strings in enumerate(sets):
                for string in strings:
                    owners.setdefault(string, []).append((pattern, number))
        self._calibration = ByteScan(owners) if owners else None
        self._owners = [owners[string] for string in self._calibration.words] if owners else []
        self._lead([0] * len(self._sets))

    def _lead(self, leading: list[int]) -> None:
        further: dict[str, list[tuple[Finder, ...]]] = {}
        for pattern, (sets, number) in enumerate(zip(self._sets, leading)):
            others = self._finders[pattern][:number] + self._finders[pattern][number + 1 :]
            for needle in sets[number]:
                further.setdefault(needle, []).append(others)
        scan = ByteScan(n for n in self._at_once | set(further) if "\n" not in n)  # such a string never occurs in a paragraph
        # one assignment: a check running meanwhile sees the old pair or the new one
        self._scan = scan, [None if word in self._at_once else further[word] for word in scan.words]

    def _count(self, calibration: ByteScan, data: bytes) -> None:
        for word, _, _ in calibration.matches(data):
            for pattern, number in self._owners[word]:
                self._counts[pattern][number] += 1
        self._counted += len(data)
        if self._counted >= self.CALIBRATION_BYTES:
            self._calibration = None
            self._lead([counts.index(min(counts)) for counts in self._counts])

    def _may_match(self, text: str) -> bool:
        """Whether the words or some pattern find in `text` all the strings they need."""
        words = self._words is not None and bool(self._words.occurrences(text))
        return words or any(all(find.search(text) for find in finders) for finders in self._finders)

    @property
    def takes_every_paragraph(self) -> bool:
        """True when some pattern has no strings to look for: every paragraph is a candidate."""
        return self._every_paragraph

    def paragraphs(self, document: Document) -> list[Paragraph]:
        if self._every_paragraph:
            return document.paragraphs
        # in the shared scan from its first use on: a prefilter made but never asked (a Matcher's that
        # only ever tests a span) would add its words to every document's pass for nothing
        _live.add(self)
        chosen: list[Paragraph] = []
        shared = _shared_scan(document) if len(document.view_text) <= _KEPT_CHARACTERS else None
        for first, end, data, starts in utf8_pieces(document):
            if starts is None:
                chosen += document.paragraphs[first:end]
            else:
                self._choose(document.paragraphs, first, data, starts, chosen, shared)
        return chosen

    def _choose(self, paragraphs: list[Paragraph], first: int, data: bytes, starts: list[int], chosen: list[Paragraph],
                shared: _SharedScan | None = None) -> None:
        calibration = self._calibration
        if calibration is not None:
            self._count(calibration, data)
        scan, further_of = self._scan
        # A paragraph's choice below does not hang on which of its occurrences comes first (one that fails
        # its further sets leaves the paragraph to _may_match), so every occurrence serves as well as the
        # first of each stretch.
        matches = shared.occurrences(self) if shared is not None else None
        rejected = -1
        for word, offset, _ in scan.matches(data) if matches is None else matches:
            index = first + bisect_right(starts, offset) - 1
            if (chosen and chosen[-1].index == index) or index == rejected:
                continue
            paragraph, further = paragraphs[index], further_of[word]
            if further is None or any(all(find.search(paragraph.text) for find in finders) for finders in further):
                chosen.append(paragraph)
            elif self._one_owner or not self._may_match(paragraph.text):
                rejected = index
            else:
                chosen.append(paragraph)


# Every prefilter of the run that has picked paragraphs. Each scans a document for its own words, a few
# dozen passes over the same text; once the set has stayed the same from one document to the next
# (calibration over, every rule's prefilter used), one scan for all their words serves them all. Prefilters are named by id() below, so
# that a rule set let go is freed: a prefilter made later under a freed one's id has another scan.
_live: weakref.WeakSet[Prefilter] = weakref.WeakSet()
_Scans = dict[int, tuple]  # id(prefilter) -> its (scan, further_of)


class _Union:
    """One automaton for the words the live prefilters scan for (their scans as they were then)."""

    def __init__(self, scans: _Scans) -> None:
        self.scans = scans
        owners: dict[str, list[tuple[int, int]]] = {}
        for prefilter, (scan, _) in scans.items():
            for number, word in enumerate(scan.words):
                owners.setdefault(word, []).append((prefilter, number))
        self._scan = ByteScan(owners, every=True)
        self._owners = [owners[word] for word in self._scan.words]

    def occurrences(self, data: bytes) -> dict[int, list[tuple[int, int, int]]]:
        """For each prefilter, (index of the word in its scan's words, start, end) of every occurrence, in text order."""
        found: dict[int, list[tuple[int, int, int]]] = {}
        for word, start, end in sorted(self._scan.matches(data), key=itemgetter(1)):
            for prefilter, number in self._owners[word]:
                found.setdefault(prefilter, []).append((number, start, end))
        return found


class _SharedScan:
    """A document's occurrences of the union's words, for the prefilters whose scan is still the one the
    union was built from (any other scans the document itself)."""

    def __init__(self, union: _Union | None, data: bytes) -> None:
        self._union = union
        self._found = union.occurrences(data) if union is not None else {}

    def occurrences(self, prefilter: Prefilter) -> list[tuple[int, int, int]] | None:
        if self._union is None or self._union.scans.get(id(prefilter)) is not prefilter._scan:
            return None
        return self._found.get(id(prefilter), [])


class _State:
    seen: ClassVar[_Scans] = {}  # the live prefilters' scans at the last document
    union: ClassVar[_Union | None] = None


def _same(scans: _Scans, others: _Scans) -> bool:
    return len(scans) == len(others) and all(others.get(prefilter) is scan for prefilter, scan in scans.items())


@per_document
def _shared_scan(document: Document) -> _SharedScan:
    try:
        scans = {id(prefilter): prefilter._scan for prefilter in list(_live)}
    except RuntimeError:  # a prefilter made in another thread meanwhile (the desk checks in threads)
        return _SharedScan(None, b"")
    if _State.union is None or not _same(scans, _State.union.scans):
        # built once the set has held for a whole document: a one-file check scans as before
        _State.union = _Union(scans) if _same(scans, _State.seen) else None
        _State.seen = scans
    return _SharedScan(_State.union, _utf8_view(document)[0][2])
