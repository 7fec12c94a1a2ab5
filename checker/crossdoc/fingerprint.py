"""A draft's fingerprint for the batch comparison, computed where the draft is loaded (a worker).

Compact on purpose: the comparing process holds one per draft of the batch. For each compared
paragraph: its view line, its normalised text without boilerplate (compressed: only the paragraphs of
candidate pairs are read again, for their similarity), and its anchored shingles: the first six characters of each of its clauses
(the text between ，。；：、！？). Anchors are chosen by content, so a paragraph copied into another
draft has the same anchors there. They travel as text and are hashed in the main process (compare.py),
where every key is hashed alike whichever process read the draft.
"""

from __future__ import annotations

import re
import zlib
from array import array
from dataclasses import dataclass

import regex

from checker.crossdoc.previous import compared_texts
from checker.document.model import Document, ReportContext

ANCHOR = 6
# the first ANCHOR characters of each clause at least that long (at the text's start or after a clause's
# end), found by one findall; the standard library's re runs this simple pattern faster than regex
_ANCHOR = re.compile(rf"(?:^|[，。；：、！？])([^，。；：、！？]{{{ANCHOR}}})")
SEPARATOR = "\n"  # between a paragraph's anchors: no anchor holds one
# the packed texts': two bytes a Han character against UTF-8's three, so less to compress, and less once compressed
_ENCODING = "utf-16-le"


@dataclass(slots=True)
class Fingerprint:
    path: str
    body: str | None
    year: int | None
    lines: array  # 'l': view line of each compared paragraph
    packed_texts: bytes  # the paragraphs' compared texts, one a line, zlib-compressed: read for candidates only
    anchors: list[str]  # each paragraph's anchors, joined by SEPARATOR
    context: ReportContext | None = None  # the draft's, as report_context decided it
    structure: bytes | None = None  # the draft's title block and outline (packed_structure), for its check

    def texts(self) -> list[str]:
        return zlib.decompress(self.packed_texts).decode(_ENCODING).split("\n")


def anchors_of(text: str) -> str:
    return SEPARATOR.join(_ANCHOR.findall(text))


def fingerprint(document: Document, path: str, boilerplate: regex.Pattern) -> Fingerprint:
    lines, texts, anchors = array("l"), [], []
    for paragraph, text in compared_texts(document, boilerplate):
        found = anchors_of(text)
        if found:
            lines.append(paragraph.line)
            texts.append(text)
            anchors.append(found)
    packed = zlib.compress("\n".join(texts).encode(_ENCODING), 1)
    return Fingerprint(path, document.context.body, document.context.year, lines, packed, anchors, document.context)
