"""The paragraphs under the report's required sections, by the year they speak of: the review (the
sections on the report year: measures, shortcomings, the first responsible person's duties) and the
plan (the next year's arrangements). A section runs from its heading to the next heading of its
level or higher; its heading is not among its paragraphs, nor are blank lines.

Several rules read them (the plan's years, events after the report was written): found once per
document. The paragraphs of one item's sections are found on demand (the heads' duties, for the bodies
named as their subjects).
"""

from __future__ import annotations

from checker.document.model import Document, Paragraph
from checker.document.per_document import per_document
from checker.document.sections import vocabulary


def _paragraphs_of(document: Document, year: str | None = None, key: str | None = None) -> list[Paragraph]:
    """The paragraphs of the sections whose item speaks of `year` (report | next), or is the item
    `key`, headings excluded."""
    items = {item.key for item in vocabulary().items if item.year == year or item.key == key}
    found: list[Paragraph] = []
    for position, heading in enumerate(document.outline):
        if heading.section not in items:
            continue
        after = (h for h in document.outline[position + 1 :] if h.level <= heading.level)
        end = next((h.paragraph.index for h in after), len(document.paragraphs))
        found += [p for p in document.paragraphs[heading.paragraph.index + 1 : end] if not p.is_blank]
    return found


@per_document
def plan_paragraphs(document: Document) -> list[Paragraph]:
    """The paragraphs of the next-year plan."""
    return _paragraphs_of(document, "next")


@per_document
def review_paragraphs(document: Document) -> list[Paragraph]:
    """The paragraphs of the sections on the report year."""
    return _paragraphs_of(document, "report")


def section_paragraphs(document: Document, key: str) -> list[Paragraph]:
    """The paragraphs of the sections of one item (first-responsible: the heads' duties)."""
    return _paragraphs_of(document, key=key)
