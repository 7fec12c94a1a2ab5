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


def first_slot_stand_in(document: Document, group: list[Heading]) -> Heading | None:
    """The heading numbered one of a deeper level that holds the first place of a group starting at two:
    under “一、” a lone “1.” and then “（二）（三）”. The “1.” is the slip (a “（一）” typed a level too
    deep), not the “（二）”: renumbering the group from “（一）” would make two first items. Only where it
    is the one heading between the group's parent and the group, and the group sits right under that parent."""
    first, parent = group[0], group[0].parent
    if first.marker is None or first.marker.number != 2 or parent is None or first.level != parent.level + 1:
        return None
    outline = document.outline
    at = next(i for i, heading in enumerate(outline) if heading is first)
    if at < 2 or outline[at - 2] is not parent:
        return None
    stand_in = outline[at - 1]
    held = stand_in.parent is parent and stand_in.level > first.level and stand_in.marker is not None
    return stand_in if held and stand_in.marker.number == 1 else None


def marker_span(heading: Heading) -> tuple[int, int]:
    """From the marker's first character to the title (the spaces after the marker included)."""
    text = heading.paragraph.text
    return len(text) - len(text.lstrip(BLANKS)), heading.title_start


def expected_marker(level: int, number: int) -> str:
    """The GB/T 9704 marker for `number` at outline `level`: 二、 （二） 2. （2）."""
    return canonical_marker(STYLE_FOR_LEVEL[level], number)
