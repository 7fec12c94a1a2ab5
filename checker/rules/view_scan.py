"""One pass of a compiled pattern over a document's whole text view, hits mapped to paragraphs."""

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
