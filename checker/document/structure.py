"""The structure of a loaded document: its title block, and the outline of the paragraphs after it."""

from __future__ import annotations

from checker.document.model import Document
from checker.document.outline import build_outline
from checker.document.title import find_title_block


def find_structure(document: Document) -> Document:
    """Set the title block and the outline of `document` (returned)."""
    document.title_block = find_title_block(document.paragraphs)
    title_lines = {id(p) for p in document.title_block.lines} if document.title_block else set()
    document.outline = build_outline([p for p in document.paragraphs if id(p) not in title_lines])
    return document
