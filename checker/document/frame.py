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
# An addressee line (主送机关): body names, each ending with an organ, and a colon, nothing else:
# 市委、市政府：, 中共某县委 某县人民政府：. A sentence that ends with a colon (……报告如下：) is none.
_ADDRESSEE_SEPARATOR = regex.compile(r"[、，,\s\u3000]+")
_ADDRESSEE_NAME = regex.compile(r"\p{Han}{0,20}(?:委员会|办公室|委|政府|局|办|厅|署|院|会|部|处|室|组|中心)")


def is_prose(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return SENTENCE_MARK.search(text) is not None or ("，" in text and len(text.strip()) > _LONG_LINE)


def running_text(document: Document) -> range:
    """The indexes of the paragraphs from the first prose line to the last (empty when none is prose)."""
    paragraphs = document.paragraphs
    first = next((p.index for p in paragraphs if is_prose(p)), len(paragraphs))
    last = next((p.index for p in reversed(paragraphs) if is_prose(p)), first - 1)
    return range(first, last + 1)


def is_addressee(paragraph: Paragraph) -> bool:
    """A line naming the report's recipients (主送机关) such as "市委、市政府：", not the reporting body."""
    text = paragraph.text.strip()
    if len(text) > _LONG_LINE or not text.endswith(("：", ":")):
        return False
    names = _ADDRESSEE_SEPARATOR.split(text[:-1].strip())
    return all(_ADDRESSEE_NAME.fullmatch(name) for name in names)
