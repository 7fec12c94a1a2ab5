"""New Word documents for the reports fazhi-lint writes from scratch (the reviewed copy of a .txt
draft, the printable checklist): A4 with GB/T 9704 margins, a Chinese body font."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from checker.document.model import Document

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"


def set_font(target, name: str, size: float | None = None) -> None:
    """Set a style's or a run's font for Latin and East Asian text alike."""
    font = target.font
    font.name = name
    if size:
        font.size = Pt(size)
    target.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def new_word_document(body_size: float = 16, landscape: bool = False):
    """An empty A4 document whose Normal style is 仿宋 at `body_size` points (16 = 三号)."""
    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    set_font(word.styles["Normal"], BODY_FONT, body_size)
    return word


def word_source(path: str, document: Document):
    """What python-docx opens to copy a checked .docx: the file, or for a .doc/.wps/.rtf/.odt the
    .docx LibreOffice made of it (the document's positions are that copy's)."""
    return io.BytesIO(document.converted) if document.converted is not None else path

