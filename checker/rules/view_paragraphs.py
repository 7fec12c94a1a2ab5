"""The paragraphs a pattern occurs in, found by searching the whole text view (a helper, not a rule type).

For rules whose work is per paragraph but that only some paragraphs can concern (those holding
a 《, say): one search per such paragraph instead of one Python step for every paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document, Paragraph


def paragraphs_with(document: Document, pattern: regex.Pattern) -> Iterator[Paragraph]:
    """The paragraphs, in order, in which `pattern` finds a match that starts there. Meant for
    patterns that cannot match "\\n" (a literal, a character class), so that a match lies inside
    one paragraph."""
    view, position = document.view_text, 0
    while (match := pattern.search(view, position)) is not None:
        paragraph, start, _ = document.in_view(match.start(), match.start())
        yield paragraph
        position = match.start() - start + len(paragraph.text) + 1  # where the next paragraph starts
