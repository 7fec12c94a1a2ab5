"""Document model and the analysis every rule shares: title block, outline, report context."""

from __future__ import annotations

from checker.document.context import report_context
from checker.document.model import Document, GivenContext, ReportContext
from checker.document.structure import Structure, find_structure, restore_structure


def analyse(document: Document, given: GivenContext | None = None, context: ReportContext | None = None,
            structure: Structure | None = None) -> Document:
    """Fill in the title block, the outline and the context of a loaded document (`given`: values
    from the command line, config or API, which win over inferred ones)."""
    # `structure`, `context`: what was decided for this very file earlier in the run (the cross-document
    # pass reads every draft first): decided once, not twice
    if structure is not None and structure.paragraphs == len(document.paragraphs):
        restore_structure(document, structure)
    else:
        find_structure(document)
    document.context = context if context is not None else report_context(document, given)
    return document
