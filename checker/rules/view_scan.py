"""One pass of a compiled pattern or a word list over a document's whole text view, hits mapped to paragraphs.

`Prefilter` narrows a rule that matches paragraph by paragraph down to the paragraphs where it can
find something, so the rule keeps its exact per-paragraph code and runs it on a few paragraphs
instead of all ~3,700 per MB: one automaton pass over the whole document looks for the rule's words
and for strings that every match of its patterns contains (`required_literals`). A pattern that has
no such strings makes every paragraph a candidate.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate

import regex

from checker.document.model import Document, Paragraph
from checker.rules.automaton import Automaton, ByteScan
from checker.rules.required_literals import Finder, required_literals


def view_matches(document: Document, pattern: regex.Pattern, **finditer_options) -> Iterator[tuple[Paragraph, int, int, regex.Match]]:
    """(paragraph, start, end, match) for each match inside one paragraph; matches that run across a
    paragraph boundary are dropped. Compile `pattern` with MULTILINE for `^`/`$` at paragraph edges."""
    for match in pattern.finditer(document.view_text, **finditer_options):
        placed = document.in_view(*match.span())
        if placed is not None:
            yield (*placed, match)


_UTF8_VIEWS: dict[int, tuple[bytes, list[int]] | None] = {}


def _utf8_view(document: Document) -> tuple[bytes, list[int]] | None:
    """The view as UTF-8 and the byte offset where each paragraph starts, made once per document for
    all the rules that scan it; None when a paragraph holds a line break (a document built in code
    may), so that the view's lines are not its paragraphs."""
    key = id(document)
    if key not in _UTF8_VIEWS:
        data = document.view_text.encode("utf-8", "surrogatepass")
        lines = data.split(b"\n")
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        _UTF8_VIEWS[key] = (data, starts) if len(lines) == len(document.paragraphs) else None
        weakref.finalize(document, _UTF8_VIEWS.pop, key, None)
    return _UTF8_VIEWS[key]


class Prefilter:
    """The paragraphs of a document where one of `words` occurs or one of `patterns` may match,
    found in one pass over the whole document; every paragraph when a pattern cannot be read.

    The pass looks for the words and for the most selective set of each pattern's required strings.
    When the string found belongs to a pattern with further sets (a dash besides the "202" of
    `20[0-9]{2}[-–]`), the paragraph is kept only if it holds, for the words or for some pattern,
    everything that one needs: the scan reports one string per stretch, so the string found may
    hide another one that starts inside it."""

    def __init__(self, words: Iterable[str], patterns: Iterable[str]) -> None:
        at_once, further = set(words), {}
        self._conditions: list[tuple[Finder, ...]] = []  # of the patterns with further sets
        self._every_paragraph = False
        for pattern in patterns:
            sets = required_literals(pattern)
            self._every_paragraph = self._every_paragraph or not sets
            if len(sets) == 1:
                at_once |= sets[0]
            elif sets:
                self._conditions.append(tuple(Finder(strings) for strings in sets))
                for needle in sets[0]:
                    further.setdefault(needle, []).append(self._conditions[-1][1:])
        self._scan = ByteScan(n for n in at_once | set(further) if "\n" not in n)  # such a string never occurs in a paragraph
        self._further = [None if word in at_once else further[word] for word in self._scan.words]
        self._words = Automaton(at_once) if at_once else None
        # with a single pattern and no words, a hidden string could only be the pattern's own
        self._one_owner = len(self._conditions) == 1 and not at_once

    def _may_match(self, text: str) -> bool:
        """Whether the words or some pattern find in `text` all the strings they need."""
        words = self._words is not None and bool(self._words.occurrences(text))
        return words or any(all(find.search(text) for find in finders) for finders in self._conditions)

    def paragraphs(self, document: Document) -> list[Paragraph]:
        view = _utf8_view(document)
        if self._every_paragraph or view is None:
            return document.paragraphs
        data, starts = view
        chosen: list[Paragraph] = []
        rejected = -1
        for word, offset, _ in self._scan.matches(data):
            index = bisect_right(starts, offset) - 1
            if (chosen and chosen[-1].index == index) or index == rejected:
                continue
            paragraph, further = document.paragraphs[index], self._further[word]
            if further is None or any(all(find.search(paragraph.text) for find in finders) for finders in further):
                chosen.append(paragraph)
            elif self._one_owner or not self._may_match(paragraph.text):
                rejected = index
            else:
                chosen.append(paragraph)
        return chosen
