"""The running text of a report and the frame around it.

Before the first sentence of a report stand its title, the issuing bodies, an addressee (and, in a
copy taken from a web page, the page's head); after the last sentence stand the signature and the
date (and the page's foot). These lines are not prose: spaces may separate their parts (joint
issuers, a body and a date, a title broken over two lines), and web-page debris hides among them.
A line is prose when it holds a sentence mark, or is long and holds a comma.
"""

from __future__ import annotations

import regex

from checker.document.model import Document, Paragraph

SENTENCE_MARK = regex.compile(r"[。！？；!?;]")
_LONG_LINE = 40  # characters: a line this long with a comma is a sentence even without a full stop


def is_prose(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return SENTENCE_MARK.search(text) is not None or ("，" in text and len(text.strip()) > _LONG_LINE)


def running_text(document: Document) -> range:
    """The indexes of the paragraphs from the first prose line to the last (empty when none is prose)."""
    paragraphs = document.paragraphs
    first = next((p.index for p in paragraphs if is_prose(p)), len(paragraphs))
    last = next((p.index for p in reversed(paragraphs) if is_prose(p)), first - 1)
    return range(first, last + 1)
