"""What the cross-document pass hands to the check of one file, and what its rule types read."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property

from checker.crossdoc.previous import Carried, align
from checker.document.model import Document, Paragraph, ReportContext
from checker.findings import Related


@dataclass(frozen=True, slots=True)
class SharedParagraph:
    """A paragraph of this draft (its view line) that a draft of another body has too."""

    line: int
    partner: str  # the other draft's path
    partner_line: int
    similarity: float
    partner_body: str | None = None


@dataclass(frozen=True)
class FileLinks:
    """For one file of the batch: last year's report to compare it with, the paragraphs it shares, and
    what the pass decided for it and for last year's report when it read them, the report context and
    the structure (document/structure.py packed_structure): the check reuses them instead of deciding
    them again."""

    previous: str | None = None
    shared: tuple[SharedParagraph, ...] = ()
    context: ReportContext | None = None
    structure: bytes | None = None
    previous_context: ReportContext | None = None
    previous_structure: bytes | None = None


@dataclass
class CrossFacts:
    """`document.cross`: last year's report (loaded and analysed) and the shared paragraphs."""

    document: Document
    previous: Document | None = None
    shared: tuple[SharedParagraph, ...] = field(default_factory=tuple)

    @cached_property
    def carried(self) -> list[Carried]:
        """Each compared paragraph of this year's draft with its closest paragraph of last year's."""
        return align(self.document, self.previous) if self.previous is not None else []


def carried_from(document: Document, sections: set[str], previous_sections: set[str] = frozenset()) -> list[Carried]:
    """This year's paragraphs in `sections` with their closest of last year's (in `previous_sections`,
    or anywhere when empty); nothing without a last-year report."""
    if document.cross is None or document.cross.previous is None:
        return []
    return [c for c in document.cross.carried
            if c.section in sections and (not previous_sections or c.previous_section in previous_sections)]


def excerpt(text: str, length: int = 24) -> str:
    """The start of a paragraph, as messages quote it."""
    text = text.strip()
    return text if len(text) <= length else text[:length] + "…"


def last_year_place(document: Document, paragraph: Paragraph) -> Related:
    previous = document.cross.previous
    return Related(previous.path, paragraph.line, f"去年的报告《{os.path.basename(previous.path)}》")
