"""Fixes applied to a copy of a .docx, each change in place and in the formatting of the text it
replaces.

How: the runs of a paragraph are cut at the fix's boundaries (checker/word/runs.py); the first run
of the span takes the replacement text, the others are removed; an insertion copies the formatting
of the run before it (or after it, at a paragraph's start).

Limits — a fix is left out (and counted as skipped) when its span
  - covers anything but plain text (a tab, a line break, a field, a picture, a footnote mark),
  - crosses a container (part in a hyperlink or a tracked change, part outside),
  - lies in a header, footer or footnote, or in Word's automatic numbering (the engine drops those);
and the copy is written only if, read back, its text is exactly the text with the applied fixes.
Tracked changes are not used: the copy shows the fixed text, the original keeps the old one.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from typing import BinaryIO

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from checker.document.model import Document, Paragraph
from checker.findings import Finding
from checker.fixes import by_line, non_overlapping, replace_spans
from checker.loaders.docx import load_docx_bytes, paragraph_runs
from checker.word.opening import open_word
from checker.word.runs import Segment, covering, cut_runs

_T = qn("w:t")
_RPR = qn("w:rPr")
_PLAIN = {_T, _RPR, qn("w:lastRenderedPageBreak")}  # what a run may hold for a fix to rewrite it


class FixedCopyMismatch(Exception):
    """The fixed copy does not read back as the expected text; it is not written."""


@dataclass
class DocxFixResult:
    data: bytes  # the fixed .docx
    applied: int
    skipped: int
    left_out: list[str]  # broken parts of the draft not carried into the copy (word/opening.py)


def _plain_text_only(segments: list[Segment]) -> bool:
    parent = segments[0].run.getparent()
    return all(
        segment.run.getparent() is parent and all(child.tag in _PLAIN for child in segment.run)
        for segment in segments
    )


def _set_text(run, text: str) -> None:
    for child in [c for c in run if c.tag != _RPR]:
        run.remove(child)
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)


def _replace(segments: list[Segment], start: int, end: int, replacement: str) -> bool:
    inside = covering(segments, start, end)
    if not inside or inside[0].start != start or inside[-1].end != end or not _plain_text_only(inside):
        return False
    if replacement:
        _set_text(inside[0].run, replacement)
        inside = inside[1:]
    for segment in inside:
        segment.run.getparent().remove(segment.run)
    return True


def _insert(segments: list[Segment], at: int, text: str) -> bool:
    before = [s for s in segments if s.end == at and s.end > s.start]
    after = [s for s in segments if s.start == at and s.end > s.start]
    neighbour = before[-1] if before else (after[0] if after else None)
    if neighbour is None:
        return False
    run = copy.deepcopy(neighbour.run)
    _set_text(run, text)
    (neighbour.run.addnext if before else neighbour.run.addprevious)(run)
    return True


def _fix_paragraph(p, paragraph: Paragraph, fixes: list[Finding]) -> list[Finding]:
    """Apply `fixes` (right to left, not overlapping) to one w:p; returns those applied."""
    bounds = [offset for f in fixes for offset in (f.column - 1, f.end_column - 1)]
    segments = cut_runs(paragraph_runs(p), paragraph.runs, bounds)
    applied = []
    for finding in fixes:
        start, end, text = finding.column - 1, finding.end_column - 1, finding.fix.replacement
        done = _insert(segments, start, text) if start == end else _replace(segments, start, end, text)
        if done:
            applied.append(finding)
    return applied


def fix_docx(path: str | BinaryIO, document: Document, findings: list[Finding], unsafe: bool) -> DocxFixResult:
    """The original file's bytes with the findings' fixes applied (the file itself is only read)."""
    word, left_out = open_word(path)
    elements = list(word.element.body.iter(qn("w:p")))
    expected = {p.index: p.text for p in document.paragraphs}
    applied = skipped = 0
    for line, fixes in by_line(findings, unsafe).items():
        paragraph = document.paragraphs[line - 1] if 0 < line <= len(document.paragraphs) else None
        if paragraph is None or paragraph.source_index is None:
            skipped += len(fixes)
            continue
        chosen = non_overlapping(fixes, len(paragraph.text))
        done = _fix_paragraph(elements[paragraph.source_index], paragraph, chosen)
        expected[paragraph.index] = replace_spans(paragraph.text, done)
        applied += len(done)
        skipped += len(fixes) - len(done)
    buffer = io.BytesIO()
    word.save(buffer)
    data = buffer.getvalue()
    reread = load_docx_bytes(data, path)
    if [p.text for p in reread.paragraphs] != [expected[i] for i in range(len(document.paragraphs))]:
        raise FixedCopyMismatch(f"{path}：修复后的副本与预期文字不一致，未写出")
    return DocxFixResult(data, applied, skipped, left_out)
