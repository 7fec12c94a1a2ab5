"""Document model and the analysis every rule shares: title block, outline, report context."""

from __future__ import annotations

from checker.document.context import infer_context
from checker.document.model import Document
from checker.document.outline import build_outline
from checker.document.title import find_title_block


def analyse(document: Document) -> Document:
    """Fill in the title block, the outline and the inferred context of a loaded document."""
    document.title_block = find_title_block(document.paragraphs)
    title_lines = {id(p) for p in document.title_block.lines} if document.title_block else set()
    document.outline = build_outline([p for p in document.paragraphs if id(p) not in title_lines])
    document.context = infer_context(document)
    return document
