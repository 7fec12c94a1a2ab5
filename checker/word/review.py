"""Writing the reviewed draft (`--format docx`, see checker/reporters/docx.py).

A .docx input is copied as it is (the original file is read, never written) and only gains the
comments, its runs cut where a comment starts or ends. A .txt input becomes a Word file with one
paragraph per line (title centred, first-level headings in bold), so any draft can go back to its
drafter as a Word file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from checker.document.model import Document, RunSpan
from checker.findings import FileResult
from checker.loaders.docx import paragraph_runs
from checker.word.comment_groups import CommentPlan
from checker.word.comments import Locate, add_comments, span_in
from checker.word.files import HEADING_FONT, new_word_document, set_font, word_source
from checker.word.opening import left_out_note, open_word
from checker.word.review_fixes import with_fixes


def from_docx(path: str | BinaryIO):
    word, left_out = open_word(path)
    paragraphs = list(word.element.body.iter(qn("w:p")))

    def locate(paragraph):
        p = paragraphs[paragraph.source_index]
        return p, paragraph_runs(p), paragraph.runs

    return word, locate, left_out


def _from_text(document: Document):
    word = new_word_document()
    title_lines = {id(p) for p in document.title_block.lines} if document.title_block else set()
    sections = {id(h.paragraph) for h in document.outline if h.level == 1}
    made = []
    for paragraph in document.paragraphs:
        p = word.add_paragraph()
        run = p.add_run(paragraph.text) if paragraph.text else None
        if run is not None and id(paragraph) in title_lines:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(run, HEADING_FONT, 22)
        elif run is not None and id(paragraph) in sections:
            run.bold = True
        made.append((p._p, [run._r] if run is not None else [], (RunSpan(0, 0, len(paragraph.text)),) if run is not None else ()))

    def locate(paragraph):
        return made[paragraph.index]

    return word, locate, []


def reviewed_copy(result: FileResult) -> tuple[object, Locate, list[str]]:
    """The python-docx Document to comment on, how to find a view paragraph's runs in it, and the
    broken parts of the draft left out of it (word/opening.py)."""
    if result.format == "docx":
        return from_docx(word_source(result.path, result.document))
    return _from_text(result.document)


@dataclass
class Reviewed:
    word: object  # the python-docx Document; `.save()` it to a path or a stream
    comments: int
    findings: int  # the findings the comments speak for
    revisions: int  # fixes written as tracked changes (annotate --fix)
    left_out: list[str]  # the draft's broken parts left out of the copy (word/opening.py)

    def summary(self) -> str:
        said = f"{self.comments} 条批注" if self.comments else "无批注"
        if self.comments and self.findings != self.comments:
            said += f"（{self.findings} 处问题）"
        if self.revisions:
            said += f"，{self.revisions} 处修订（在 Word/WPS 中可逐处接受或拒绝）"
        elif not self.comments:
            said = "未发现问题，无批注"
        return said + left_out_note(self.left_out)


def build_reviewed(result: FileResult, detail: str | None = None, fixes: str | None = None) -> Reviewed:
    """The reviewed copy of a checked file (its `document` kept, its .docx still at `path`).
    `detail` "all": one comment per finding, whatever the config's `word: {group: …}` says;
    `fixes` "safe" or "unsafe": those fixes written as tracked changes, comments on the rest."""
    word, locate, left_out = reviewed_copy(result)
    plan = CommentPlan.from_config(result.word, detail)
    document, findings, span, revisions = result.document, result.findings, span_in, 0
    fixed = with_fixes(word, locate, document, findings, fixes == "unsafe", result.path, from_docx) if fixes else None
    if fixed is not None:
        word, locate, document, findings, span, revisions = (
            fixed.word, fixed.locate, fixed.document, fixed.remaining, fixed.span, fixed.revisions)
    comments = add_comments(word, document, findings, locate, plan, span)
    return Reviewed(word, comments, len(findings), revisions, left_out)

