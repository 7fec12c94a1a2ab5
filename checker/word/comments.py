"""Word comments anchored on exactly the characters a finding concerns.

Comments in Word (and python-docx 1.2's `add_comment`) start and end on run boundaries, so the
runs of each paragraph are first cut at the boundaries of all its findings (formatting kept,
see checker/word/runs.py), then each comment covers the runs inside its finding's span. Where
the span is empty or lies in Word's automatic number (which is not text), the comment covers
the whole paragraph; a finding without a place in the body (a header, the whole file) goes on
the title, or the first paragraph with text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from docx.oxml import OxmlElement
from docx.text.run import Run

from checker.document.model import Document, Paragraph, RunSpan
from checker.findings import Finding
from checker.reporters.describe import AUTHOR, AUTHOR_INITIALS, comment_text
from checker.word.runs import Segment, covering, cut_runs

# paragraph → (its w:p element, the w:r elements RunSpan.run numbers, its RunSpans)
Locate = Callable[[Paragraph], tuple[object, list, tuple[RunSpan, ...]]]


def fallback_paragraph(document: Document) -> Paragraph:
    if document.title_block:
        return document.title_block.title
    return next((p for p in document.paragraphs if not p.is_blank), document.paragraphs[0])


def paragraph_of(document: Document, finding: Finding) -> Paragraph:
    """The body paragraph a finding is in (findings carry its index and view line)."""
    index = finding.paragraph
    if index is not None and 0 <= index < len(document.paragraphs) and finding.line > 0:
        paragraph = document.paragraphs[index]
        if paragraph.line == finding.line:
            return paragraph
    return fallback_paragraph(document)


def span_in(paragraph: Paragraph, finding: Finding) -> tuple[int, int]:
    """The finding's typed characters in this paragraph: Word's number prefix cut off, end clipped."""
    if paragraph.line != finding.line:
        return 0, 0
    end = len(paragraph.text) if finding.end_line != finding.line else finding.end_column - 1
    return max(finding.column - 1, paragraph.prefix_length), min(end, len(paragraph.text))


def _anchor_runs(p, segments: list[Segment], start: int, end: int) -> list:
    chosen = covering(segments, start, end) if start < end else []
    chosen = chosen or [s for s in segments if s.end > s.start]
    if chosen:
        return [chosen[0].run, chosen[-1].run]
    empty = OxmlElement("w:r")  # a paragraph with no text: anchor on an empty run at its end
    p.append(empty)
    return [empty]


def add_comments(word, document: Document, findings: list[Finding], locate: Locate) -> int:
    """Add one comment per finding to `word` (a python-docx Document); returns how many."""
    by_paragraph: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_paragraph[paragraph_of(document, finding).index].append(finding)
    for index, group in by_paragraph.items():
        paragraph = document.paragraphs[index]
        p, runs, spans = locate(paragraph)
        bounds = [offset for f in group for offset in span_in(paragraph, f)]
        segments = cut_runs(runs, spans, bounds)
        for finding in group:
            anchor = _anchor_runs(p, segments, *span_in(paragraph, finding))
            word.add_comment([Run(r, None) for r in anchor], text=comment_text(finding),
                             author=AUTHOR, initials=AUTHOR_INITIALS)
    return len(findings)
