"""Fixes written into a copy of a .docx as Word revisions (tracked changes), so that Word, WPS and
LibreOffice show each one for the reader to accept or reject.

How: the runs of a paragraph are cut at the fix's boundaries (checker/word/runs.py); the runs of
the span are wrapped in a w:del (their w:t become w:delText: the old text stays, struck through)
and the replacement follows in a w:ins, in a copy of the first replaced run (so in its font, size,
bold…); an insertion copies the formatting of the run before it (or after it, at a paragraph's
start). Every revision has the author "fazhi-lint", the time of the run and an id of its own.
Accepting them all gives exactly the text `check --fix` gives a .txt; rejecting them all gives the
original back.

Limits — a fix is left out (and counted as skipped) when its span
  - covers anything but plain text (a tab, a line break, a field, a picture, a footnote mark),
  - crosses a container (part in a hyperlink, or inside someone's tracked change),
  - lies in a header, footer or footnote, or in Word's automatic numbering (the engine makes no
    fix there: a number Word draws is not text),
  - lies in a text box (Word keeps a second copy of the box for older readers, mc:Fallback, that the
    fix would leave as it was);
and the copy is written only if, read back, its text (revisions accepted, as the loader reads
it) is exactly the text with the applied fixes.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from checker.document.model import Document, Paragraph, Part
from checker.findings import Finding
from checker.fixes import by_line, non_overlapping, replace_spans
from checker.loaders.docx import load_docx_bytes, paragraph_runs
from checker.word import AUTHOR
from checker.word.opening import open_word
from checker.word.runs import Segment, covering, cut_runs

_T = qn("w:t")
_RPR = qn("w:rPr")
_ID = qn("w:id")
_PLAIN = {_T, _RPR, qn("w:lastRenderedPageBreak")}  # what a run may hold for a fix to rewrite it
_INS = qn("w:ins")
_NOT_FIXED_INSIDE = {qn(f"w:{tag}") for tag in ("del", "moveFrom", "moveTo")}  # deleted or moved text


class FixedCopyMismatch(Exception):
    """The fixed copy does not read back as the expected text; it is not written."""


@dataclass
class DocxFixResult:
    data: bytes  # the fixed .docx
    applied: int
    skipped: int
    left_out: list[str]  # broken parts of the draft not carried into the copy (word/opening.py)
    fixed: list[Finding]  # the findings whose fixes it holds


class Revisions:
    """Makes w:ins/w:del elements for one document: ids counted once from the largest w:id the
    body already uses (comments, bookmarks and revisions share no id with them), one date."""

    def __init__(self, body) -> None:
        self._next_id = max((int(v) for v in body.xpath(".//@w:id") if v.lstrip("-").isdigit()), default=0) + 1
        self._date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id - 1)

    def mark(self, tag: str):
        element = OxmlElement(tag)
        element.set(_ID, self.new_id())
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self._date)
        return element


def _plain_text_only(segments: list[Segment]) -> bool:
    parent = segments[0].run.getparent()
    return parent.tag not in _NOT_FIXED_INSIDE and all(
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


def _beside(revisions: Revisions, element, after: bool) -> tuple[object, bool]:
    """Where a new w:ins goes next to `element` (after it, or before it) so that it is never
    inside another insertion: (the element to put it next to, whether after it). Inside someone's
    w:ins, that insertion is split in two there, as Word splits it when one types into it."""
    parent = element.getparent()
    if parent.tag != _INS:
        return element, after
    following = list(element.itersiblings()) if after else [element, *element.itersiblings()]
    if not following:
        return parent, True
    if not after and element is parent[0]:
        return parent, False
    rest = OxmlElement("w:ins")
    for name, value in parent.attrib.items():
        rest.set(name, value)
    rest.set(_ID, revisions.new_id())
    for child in following:
        rest.append(child)  # moved, in order
    parent.addnext(rest)
    return parent, True


def _inserted(revisions: Revisions, model_run, text: str):
    """A w:ins holding `text` in a run formatted as `model_run`."""
    run = copy.deepcopy(model_run)
    _set_text(run, text)
    insertion = revisions.mark("w:ins")
    insertion.append(run)
    return insertion


def _replace(revisions: Revisions, segments: list[Segment], start: int, end: int, replacement: str) -> bool:
    inside = covering(segments, start, end)
    if not inside or inside[0].start != start or inside[-1].end != end or not _plain_text_only(inside):
        return False
    deletion = revisions.mark("w:del")
    inside[0].run.addprevious(deletion)
    for segment in inside:
        deletion.append(segment.run)  # moved, in order
        for t in segment.run.iter(_T):
            t.tag = qn("w:delText")
    if replacement:
        anchor, after = _beside(revisions, deletion, after=True)
        (anchor.addnext if after else anchor.addprevious)(_inserted(revisions, inside[0].run, replacement))
    return True


def _insert(revisions: Revisions, segments: list[Segment], at: int, text: str) -> bool:
    before = [s for s in segments if s.end == at and s.end > s.start]
    after = [s for s in segments if s.start == at and s.end > s.start]
    neighbour = before[-1] if before else (after[0] if after else None)
    if neighbour is None:
        return False
    if neighbour.run.getparent().tag in _NOT_FIXED_INSIDE:
        return False
    anchor, after = _beside(revisions, neighbour.run, after=bool(before))
    (anchor.addnext if after else anchor.addprevious)(_inserted(revisions, neighbour.run, text))
    return True


# paragraph → (its w:p element, the w:r elements RunSpan.run numbers, its RunSpans); None: not in the copy
Locate = Callable[[Paragraph], "tuple[object, list, tuple] | None"]


def _fix_paragraph(revisions: Revisions, located: tuple, fixes: list[Finding]) -> list[Finding]:
    """Write `fixes` (right to left, not overlapping) into one located w:p; returns those written."""
    _, runs, spans = located
    bounds = [offset for f in fixes for offset in (f.column - 1, f.end_column - 1)]
    segments = cut_runs(runs, spans, bounds)
    applied = []
    for finding in fixes:
        start, end, text = finding.column - 1, finding.end_column - 1, finding.fix.replacement
        if start == end:
            done = _insert(revisions, segments, start, text)
        else:
            done = _replace(revisions, segments, start, end, text)
        if done:
            applied.append(finding)
    return applied


def in_body(word) -> Locate:
    """How to find a body paragraph of the checked .docx in `word`, opened from that file."""
    elements = list(word.element.body.iter(qn("w:p")))

    def locate(paragraph: Paragraph):
        if paragraph.source_index is None:
            return None
        p = elements[paragraph.source_index]
        return p, paragraph_runs(p), paragraph.runs

    return locate


def track_fixes(word, document: Document, findings: list[Finding], unsafe: bool,
                locate: Locate | None = None) -> tuple[list[Finding], int, dict[int, str]]:
    """Write the findings' fixes into `word` (python-docx) as revisions; `locate` finds a
    paragraph's runs in it (default: `word` was opened from the checked .docx). Returns the
    findings fixed, how many fixes were skipped, and the expected text of every paragraph changed."""
    locate = locate or in_body(word)
    revisions = Revisions(word.element.body)
    fixed: list[Finding] = []
    skipped = 0
    changed: dict[int, str] = {}
    for line, fixes in by_line(findings, unsafe).items():
        paragraph = document.paragraphs[line - 1] if 0 < line <= len(document.paragraphs) else None
        located = locate(paragraph) if paragraph is not None and paragraph.part is not Part.TEXT_BOX else None
        if located is None:
            skipped += len(fixes)
            continue
        chosen = non_overlapping(fixes, len(paragraph.text))
        done = _fix_paragraph(revisions, located, chosen)
        if done:
            changed[paragraph.index] = replace_spans(paragraph.text, done)
        fixed += done
        skipped += len(fixes) - len(done)
    return fixed, skipped, changed


def saved_and_checked(word, document: Document, changed: dict[int, str], path: str | BinaryIO) -> bytes:
    """`word` saved, once it reads back (revisions accepted) as `document` with `changed` paragraphs."""
    buffer = io.BytesIO()
    word.save(buffer)
    data = buffer.getvalue()
    reread = load_docx_bytes(data, path)
    expected = [changed.get(p.index, p.text) for p in document.paragraphs]
    if [p.text for p in reread.paragraphs] != expected:
        raise FixedCopyMismatch(f"{path}：修复后的副本与预期文字不一致，未写出")
    return data


def fix_docx(path: str | BinaryIO, document: Document, findings: list[Finding], unsafe: bool) -> DocxFixResult:
    """The original file's bytes with the findings' fixes as tracked changes (the file itself is
    only read)."""
    word, left_out = open_word(path)
    fixed, skipped, changed = track_fixes(word, document, findings, unsafe)
    data = saved_and_checked(word, document, changed, path)
    return DocxFixResult(data, len(fixed), skipped, left_out, fixed)
