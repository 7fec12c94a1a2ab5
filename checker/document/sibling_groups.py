"""The outline read as groups of sibling headings, and their expected markers: shared by the numbering
rule types."""

from __future__ import annotations

from checker.document.characters import BLANKS
from checker.document.markers import STYLE_FOR_LEVEL, canonical_marker
from checker.document.model import Document, Heading
from checker.document.per_document import per_document


@per_document
def sibling_groups(document: Document) -> list[list[Heading]]:
    """The outline's headings grouped by (parent, level), each group in document order."""
    groups: dict[tuple[int, int], list[Heading]] = {}
    for heading in document.outline:
        groups.setdefault((id(heading.parent), heading.level), []).append(heading)
    return list(groups.values())


def marker_span(heading: Heading) -> tuple[int, int]:
    """From the marker's first character to the title (the spaces after the marker included)."""
    text = heading.paragraph.text
    return len(text) - len(text.lstrip(BLANKS)), heading.title_start


def expected_marker(level: int, number: int) -> str:
    """The GB/T 9704 marker for `number` at outline `level`: 二、 （二） 2. （2）."""
    return canonical_marker(STYLE_FOR_LEVEL[level], number)
