"""The structure of a loaded document: its title block, and the outline of the paragraphs after it."""

from __future__ import annotations

import pickle
import sys
from dataclasses import dataclass
from functools import cache

from checker.document.model import Document, Heading, Marker, MarkerStyle, TitleBlock
from checker.document.outline import build_outline
from checker.document.title import find_title_block


def find_structure(document: Document) -> Document:
    """Set the title block and the outline of `document` (returned)."""
    document.title_block = find_title_block(document.paragraphs)
    title_lines = {id(p) for p in document.title_block.lines} if document.title_block else set()
    document.outline = build_outline([p for p in document.paragraphs if id(p) not in title_lines])
    return document


@dataclass(frozen=True, slots=True)
class Structure:
    """What find_structure decided for a document, as plain values (paragraphs by their index, headings'
    parents by their place in the outline): cheap to send to another process, and restored onto a
    later read of the same file instead of being decided again (the cross-document pass reads every
    draft before its check does)."""

    paragraphs: int  # how many the document had: a read of another text is not given this structure
    title: tuple | None  # (indexes of the title lines, body, year, name)
    # (paragraph index, level, marker or None, title, title_start, run_in, section, parent's place or -1);
    # the title as its length when it is the paragraph's text from title_start (it always is, so far), a
    # marker as (text, style value, number, canonical, from_word_numbering), its strings interned: one
    # pickle writes each once
    headings: tuple[tuple, ...]


def structure_of(document: Document) -> Structure:
    block = document.title_block
    title = (tuple(p.index for p in block.lines), block.body, block.year, block.name) if block else None
    place = {id(h): number for number, h in enumerate(document.outline)}
    headings = tuple(
        (h.paragraph.index, h.level, _marker_values(h.marker), _title_values(h), h.title_start, h.run_in, h.section,
         place[id(h.parent)] if h.parent is not None else -1)
        for h in document.outline)
    return Structure(len(document.paragraphs), title, headings)


def _title_values(heading: Heading) -> int | str:
    title, start = heading.title, heading.title_start
    return len(title) if heading.paragraph.text.startswith(title, start) else title


def _marker_values(marker: Marker | None) -> tuple | None:
    if marker is None:
        return None
    return (sys.intern(marker.text), marker.style.value, marker.number, sys.intern(marker.canonical),
            marker.from_word_numbering)


def restore_structure(document: Document, structure: Structure) -> Document:
    """Set the title block and the outline `structure` holds (from a read of this same file)."""
    paragraphs = document.paragraphs
    if structure.title is not None:
        lines, body, year, name = structure.title
        document.title_block = TitleBlock([paragraphs[i] for i in lines], body, year, name)
    else:
        document.title_block = None
    outline: list[Heading] = []
    for index, level, marker, title, title_start, run_in, section, parent in structure.headings:
        paragraph = paragraphs[index]
        if isinstance(title, int):
            title = paragraph.text[title_start : title_start + title]
        outline.append(Heading(paragraph, level, _marker(marker) if marker else None, title, title_start, run_in, section,
                               outline[parent] if parent >= 0 else None))
    document.outline = outline
    return document


def packed_structure(document: Document) -> bytes:
    """`structure_of(document)`, pickled: bytes cross processes for a copy, where the tuples would be
    pickled and unpickled again at each crossing, and take less room while they wait."""
    return pickle.dumps(structure_of(document), protocol=pickle.HIGHEST_PROTOCOL)


def unpacked_structure(packed: bytes) -> Structure:
    return pickle.loads(packed)


@cache
def _marker(values: tuple) -> Marker:
    """Markers are values (frozen): one object for each that a process meets."""
    text, style, number, canonical, from_word_numbering = values
    return Marker(text, MarkerStyle(style), number, canonical, from_word_numbering)
