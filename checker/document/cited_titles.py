"""The book titles of a document, paragraph by paragraph, for the citation rule types.

Found once per document and shared: only paragraphs holding a 《 can hold a title, and they are
found by searching the whole view.
"""

from __future__ import annotations

import regex

from checker.document.book_titles import OPEN, BookTitle, book_titles
from checker.document.model import Document, Paragraph
from checker.document.per_document import per_document
from checker.document.view_scan import paragraphs_with

_TITLE_MARK = regex.compile(OPEN)


@per_document
def titled_paragraphs(document: Document) -> list[tuple[Paragraph, list[BookTitle]]]:
    """Each paragraph holding a 《, in order, with its titles (book_titles); the others have none."""
    return [(paragraph, book_titles(paragraph.text)[0]) for paragraph in paragraphs_with(document, _TITLE_MARK)]
