"""Document model and the analysis every rule shares: title block, outline, report context."""

from __future__ import annotations

from checker.document.context import report_context
from checker.document.model import Document, GivenContext, ReportContext
from checker.document.structure import find_structure


def analyse(document: Document, given: GivenContext | None = None, context: ReportContext | None = None) -> Document:
    """Fill in the title block, the outline and the context of a loaded document (`given`: values
    from the command line, config or API, which win over inferred ones)."""
    find_structure(document)
    # `context`: what report_context decided for this very file earlier in the run (the cross-document
    # pass reads every draft first): decided once, not twice
    document.context = context if context is not None else report_context(document, given)
    return document
