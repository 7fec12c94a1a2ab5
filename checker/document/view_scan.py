"""One pass of a compiled pattern over a document's whole text view, hits mapped to paragraphs.

For rules whose work is per paragraph but that only some paragraphs can concern (those holding
a 《, say), `paragraphs_with` finds those in one search instead of one Python step a paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document, Paragraph


def view_matches(document: Document, pattern: regex.Pattern, **finditer_options) -> Iterator[tuple[Paragraph, int, int, regex.Match]]:
    """(paragraph, start, end, match) for each match inside one paragraph; matches that run across a
    paragraph boundary are dropped. Compile `pattern` with MULTILINE for `^`/`$` at paragraph edges."""
    for match in pattern.finditer(document.view_text, **finditer_options):
        placed = document.in_view(*match.span())
        if placed is not None:
            yield (*placed, match)


def paragraphs_with(document: Document, pattern: regex.Pattern) -> Iterator[Paragraph]:
    """The paragraphs, in order, in which `pattern` finds a match that starts there. Meant for
    patterns that cannot match "\\n" (a literal, a character class), so that a match lies inside
    one paragraph."""
    view, position = document.view_text, 0
    while (match := pattern.search(view, position)) is not None:
        paragraph, start, _ = document.in_view(match.start(), match.start())
        yield paragraph
        position = match.start() - start + len(paragraph.text) + 1  # where the next paragraph starts
