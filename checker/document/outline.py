"""The report's outline: every heading with its level, number, marker style, text and parent.

A heading is a paragraph that starts with a heading number (typed or Word's), a short unnumbered
line that names a required report section, or a paragraph whose Word style is a heading style.
The level comes from the number's family (一、 → 1, （一） → 2, 1. → 3, （1） → 4), except that a
line naming a required section is level 1 whatever it is numbered with ("2、 推进…不足和原因"), as
long as it stands alone, names a section not yet headed and continues the top-level numbering; an
unnumbered line naming a section that already has its heading is not a section heading. A line
naming a section in plain words ("存在的问题和不足", no year or 法治政府建设 to be sure by) is its
heading only where the top-level numbering skips one for it (二、 … 四、).
The numbered lines of an attachment note ("附件：1. …" then "2. …", GB/T 9704 附件说明) are items of
that note, not headings.
"""

from __future__ import annotations

import re
from itertools import islice

import regex

from checker.document.characters import CLAUSE_END, SENTENCE_END
from checker.document.markers import NOMINAL_LEVEL, parse_marker
from checker.document.model import Heading, MarkerStyle, Paragraph
from checker.document.quotations import inside_quotations
from checker.document.sections import vocabulary

# The standard library's re: for a class of plain characters it finds what regex finds, for less
# (one call a numbered heading).
_SENTENCE_END_CHAR = re.compile(f"[{re.escape(SENTENCE_END)}]")
MAX_STANDALONE_LINE = 40  # characters: a longer line on its own is a paragraph, not a heading
_HEADING_STYLE = regex.compile(r"^(?:Heading|标题)\s*(?P<level>[1-4])$", regex.IGNORECASE)
# A family whose level-1 misuse is common enough to be read as a section heading ("2、 推进…").
_PROMOTABLE = {MarkerStyle.CN_COMMA, MarkerStyle.ARABIC_DOT}
# GB/T 9704's attachment note: "附件：1. …" with the further items numbered on lines of their own.
_ATTACHMENT_NOTE = re.compile(r"附\s*件\s*[0-9一二三四五六七八九十]*\s*[：:]")


def ends_like_a_sentence(text: str) -> bool:
    """`text` (stripped, not empty) ends as a sentence or a clause does (。；：，…): a line so ended
    is no heading, whatever its words."""
    return text[-1] in CLAUSE_END


def standalone_line(text: str) -> bool:
    """A short line on its own that does not end like a sentence: a heading to the eye, whether or
    not the outline took it for one."""
    text = text.strip()
    return 0 < len(text) <= MAX_STANDALONE_LINE and not ends_like_a_sentence(text)


def heading_style_level(style: str | None) -> int | None:
    match = _HEADING_STYLE.match(style.strip()) if style else None
    return int(match.group("level")) if match else None


def _split_title(text: str, start: int) -> tuple[str, bool]:
    """The heading's own text from `start`, and whether body text follows it on the same line."""
    end = _SENTENCE_END_CHAR.search(text, start)
    if end is None:
        return text[start:].rstrip(), False
    return text[start : end.start()], bool(text[end.end() :].strip())


def _unnumbered_heading(paragraph: Paragraph, text: str) -> Heading | None:
    """`text` is the paragraph's text stripped, not empty."""
    if ends_like_a_sentence(text):
        return None
    style_level = heading_style_level(paragraph.style)
    section = vocabulary().match(text, need_evidence=True)
    if section is None and style_level is None:
        return None
    level = 1 if section else style_level
    return Heading(paragraph, level, None, text, paragraph.text.index(text[0]), section=section.key if section else None)


def _numbered_heading(paragraph: Paragraph) -> Heading | None:
    found = parse_marker(paragraph.text, paragraph.prefix_length)
    if found is None:
        return None
    title, run_in = _split_title(paragraph.text, found.title_start)
    style = found.marker.style
    # Only a family that can be read as level 1 names a section; the others' titles need no search.
    section = vocabulary().match(title, need_evidence=style is not MarkerStyle.CN_COMMA) if style in _PROMOTABLE else None
    level = 1 if section else NOMINAL_LEVEL[style]
    return Heading(paragraph, level, found.marker, title, found.title_start, run_in, section.key if section else None)


def _gap_section(paragraphs: list[Paragraph], position: int, title: str, top_count: int, headed: set[str]) -> str | None:
    """The section a short line names in words too plain to be sure of on their own ("存在的问题和不足"),
    when it stands where the top-level numbering skips one for it (二、 … 四、): unnumbered, or
    numbered with a lower family ("3.存在的不足和原因")."""
    section = vocabulary().match(title, need_evidence=False)
    if section is None or section.key in headed:
        return None
    later = (h for p in islice(paragraphs, position + 1, None) if (h := _numbered_heading(p)))
    following = next((h for h in later if NOMINAL_LEVEL[h.marker.style] == 1), None)
    if following is None or following.marker.number != top_count + 2 or following.section == section.key:
        return None
    return section.key


def _fills_a_gap(paragraphs: list[Paragraph], position: int, text: str, top_count: int, headed: set[str]) -> Heading | None:
    if not standalone_line(text) or (section := _gap_section(paragraphs, position, text, top_count, headed)) is None:
        return None
    paragraph = paragraphs[position]
    return Heading(paragraph, 1, None, text, paragraph.text.index(text[0]), section=section)


def _continues_top_level(heading: Heading, headed: set[str], top_count: int, open_headings: list[Heading]) -> bool:
    """A lower-family number read as a section heading ("2、 推进…不足和原因") must look like one:
    on its own line without closing punctuation, naming a section not yet headed, and numbered
    next in the top-level sequence. "2.法治宣传工作开展情况。" inside a section is a list item, and
    so is a "2." that follows an open "1." of its family under （一）, whatever its words."""
    text = heading.paragraph.text.rstrip()
    style, number = heading.marker.style, heading.marker.number
    next_item = any(h.level > 1 and h.marker and h.marker.style is style and h.marker.number == number - 1 for h in open_headings)
    return (
        not heading.run_in
        and not ends_like_a_sentence(text)
        and heading.section not in headed
        and number == top_count + 1
        and not next_item
    )


def build_outline(paragraphs: list[Paragraph]) -> list[Heading]:
    outline: list[Heading] = []
    open_headings: list[Heading] = []  # the latest heading of each level still open, levels increasing
    top_count, headed = 0, set[str]()  # top-level headings so far, and the sections they name
    in_attachment_note = False
    quoted = inside_quotations(paragraphs)  # a quoted list's numbers are the quoted document's
    for position, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip()
        if not text or position in quoted:
            continue
        if _ATTACHMENT_NOTE.match(text):
            in_attachment_note = True
            continue
        heading = (_numbered_heading(paragraph) or _unnumbered_heading(paragraph, text)
                   or _fills_a_gap(paragraphs, position, text, top_count, headed))
        if heading is None:
            continue
        if in_attachment_note:
            if heading.marker is not None and NOMINAL_LEVEL[heading.marker.style] > 2:
                continue  # the note's next item
            in_attachment_note = False
        if heading.marker is not None:
            nominal_level = NOMINAL_LEVEL[heading.marker.style]
            if (heading.section is None and heading.marker.style in _PROMOTABLE and heading.marker.number == top_count + 1
                    and not heading.run_in and standalone_line(text)):
                heading.section = _gap_section(paragraphs, position, heading.title, top_count, headed)
                heading.level = 1 if heading.section else heading.level
            if nominal_level != heading.level and not _continues_top_level(heading, headed, top_count, open_headings):
                heading.level, heading.section = nominal_level, None
        elif heading.section in headed:
            # A short line naming a section already headed ("法治宣传工作开展情况" inside 一、…成效)
            # is a sub-heading at most: kept only when its Word style says so.
            style_level = heading_style_level(paragraph.style)
            if style_level is None:
                continue
            heading.level, heading.section = style_level, None
        if heading.level == 1:
            top_count += 1
            if heading.section:
                headed.add(heading.section)
        while open_headings and open_headings[-1].level >= heading.level:
            open_headings.pop()
        heading.parent = open_headings[-1] if open_headings else None
        open_headings.append(heading)
        outline.append(heading)
    return outline
