"""A pattern searched over a document's view, in the paragraphs that can hold a match only.

A whole-view pass of the regex engine steps through every character trying the pattern there
(`(?:19|20)\\d{2}` at each digit, a named list at each character), which costs more than the one
automaton pass that picks the paragraphs holding the strings every match contains
(prefilter.py). The pattern is then searched in the view between each picked paragraph's edges,
so that a lookbehind still sees the line break before the paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document, Paragraph
from checker.document.view_scan import view_matches
from checker.matching.patterns import DeferredPattern, later
from checker.matching.prefilter import Prefilter

# flags under which the strings read from a pattern's source are the strings its matches hold
_READABLE_FLAGS = regex.MULTILINE | regex.DOTALL | regex.UNICODE | regex.VERSION0


class ViewSearch:
    """`view_matches(document, pattern)` over the paragraphs where `pattern` may match: the same
    (paragraph, start, end, match) for each match inside one paragraph."""

    def __init__(self, pattern: regex.Pattern | DeferredPattern) -> None:
        self._pattern = pattern
        self._prepared = False
        self._prefilter: Prefilter | None = None  # None: the whole view is searched
        later(self)

    def prepare(self) -> None:
        """The prefilter, on first need: reading the pattern takes a parse."""
        if not self._prepared:
            if not self._pattern.flags & ~_READABLE_FLAGS:
                prefilter = Prefilter((), [self._pattern.pattern])
                self._prefilter = None if prefilter.takes_every_paragraph else prefilter
            self._prepared = True

    def matches(self, document: Document) -> Iterator[tuple[Paragraph, int, int, regex.Match]]:
        self.prepare()
        if self._prefilter is None:
            yield from view_matches(document, self._pattern)
            return
        view, search = document.view_text, self._pattern.finditer
        for paragraph in self._prefilter.paragraphs(document):
            start = document.view_start(paragraph)
            for match in search(view, start, start + len(paragraph.text)):
                yield paragraph, match.start() - start, match.end() - start, match
