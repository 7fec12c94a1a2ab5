"""A long text searched a piece at a time, cut at line breaks."""

from __future__ import annotations

from collections.abc import Iterator

# ahocorasick-rs copies a str it searches into UTF-8 with an offset table, ~25 bytes a character:
# one call over a 50 MB draft peaked at +450 MB. A piece of 1M characters costs ~25 MB at most.
PIECE_CHARACTERS = 1 << 20


def line_pieces(text: str, size: int = PIECE_CHARACTERS) -> Iterator[tuple[int, str]]:
    """(offset, piece): `text` in consecutive pieces of about `size` characters, each cut just before
    a "\\n", so a search for words without a line break finds in the pieces what it finds in `text`."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end
        yield start, text[start:end]  # the whole text when short: a slice of all of a str is the str
        start = end
