"""Word comments anchored on exactly the characters a finding concerns.

Comments in Word (and python-docx 1.2's `add_comment`) start and end on run boundaries, so the
runs of each paragraph are first cut at the boundaries of all its findings (formatting kept,
see checker/word/runs.py), then each comment covers the runs inside its finding's span. Where
the span is empty or lies in Word's automatic number (which is not text), the comment covers
the whole paragraph; a finding in a text box goes on the whole paragraph that anchors the box; a
finding without a place in the body (a header, the whole file) goes on the title, or the first
paragraph with text. Which findings share a comment is decided in
checker/word/comment_groups.py; the comments are written by checker/word/comment_writer.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from docx.oxml import OxmlElement

from checker.document.model import Document, Paragraph, Part, RunSpan
from checker.findings import Finding
from checker.word.comment_groups import DEFAULT_PLAN, CommentPlan, Note, plan_notes
from checker.word.comment_writer import CommentWriter
from checker.word.runs import Segment, covering, cut_runs

# paragraph → (its w:p element, the w:r elements RunSpan.run numbers, its RunSpans)
Locate = Callable[[Paragraph], tuple[object, list, tuple[RunSpan, ...]]]


def fallback_paragraph(document: Document) -> Paragraph:
    if document.title_block:
        return document.title_block.title
    return next((p for p in document.paragraphs if not p.is_blank), document.paragraphs[0])


def paragraph_of(document: Document, finding: Finding) -> Paragraph:
    """The body paragraph a finding is in (findings carry its index and view line); for a text box's
    line, the paragraph that anchors the box, commented as a whole: Word keeps a second copy of a box
    for older readers (mc:Fallback) that a comment inside it would not reach."""
    index = finding.paragraph
    if index is not None and 0 <= index < len(document.paragraphs) and finding.line > 0:
        paragraph = document.paragraphs[index]
        if paragraph.line == finding.line:
            while paragraph.part is Part.TEXT_BOX and paragraph.index > 0:  # the box's lines follow their anchor
                paragraph = document.paragraphs[paragraph.index - 1]
            return paragraph
    return fallback_paragraph(document)


def span_in(paragraph: Paragraph, finding: Finding) -> tuple[int, int]:
    """The finding's typed characters in this paragraph: Word's number prefix cut off, end clipped."""
    if paragraph.line != finding.line:
        return 0, 0
    end = len(paragraph.text) if finding.end_line != finding.line else finding.end_column - 1
    return max(finding.column - 1, paragraph.prefix_length), min(end, len(paragraph.text))


def _anchor_runs(p, segments: list[Segment], start: int, end: int) -> tuple:
    chosen = covering(segments, start, end) if start < end else []
    chosen = chosen or [s for s in segments if s.end > s.start]
    if chosen:
        return chosen[0].run, chosen[-1].run
    empty = OxmlElement("w:r")  # a paragraph with no text: anchor on an empty run at its end
    p.append(empty)
    return empty, empty


Span = Callable[[Paragraph, Finding], tuple[int, int]]


def _note_span(paragraph: Paragraph, note: Note, span: Span) -> tuple[int, int]:
    if note.summary:
        return 0, 0  # the whole title
    spans = [span(paragraph, f) for f in note.findings]
    return min(s for s, _ in spans), max(e for _, e in spans)


def add_comments(word, document: Document, findings: list[Finding], locate: Locate,
                 plan: CommentPlan = DEFAULT_PLAN, span: Span = span_in) -> int:
    """Add the comments for `findings` to `word` (a python-docx Document) as `plan` groups them;
    returns how many comments were written. `span(paragraph, finding)`: the characters to anchor
    on (default: the finding's own, its paragraph being the one it was found in)."""
    notes = plan_notes(findings, lambda f: paragraph_of(document, f).index, plan)
    by_paragraph: dict[int, list[Note]] = defaultdict(list)
    for note in notes:
        anchor = fallback_paragraph(document) if note.summary else paragraph_of(document, note.findings[0])
        by_paragraph[anchor.index].append(note)
    writer = CommentWriter(word)
    for index, group in by_paragraph.items():
        paragraph = document.paragraphs[index]
        p, runs, spans = locate(paragraph)
        bounds = [offset for note in group for offset in _note_span(paragraph, note, span)]
        segments = cut_runs(runs, spans, bounds)
        for note in group:
            writer.add(*_anchor_runs(p, segments, *_note_span(paragraph, note, span)), note.text)
    return writer.count
