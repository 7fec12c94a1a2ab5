"""`annotate --fix`: one reviewed copy holding both the fixes (as tracked changes) and comments on
what is left.

The fixes go in first (checker/word/fixes.py), into the copy about to be commented; the copy is
then saved, checked to read back as expected, and opened again, so that the comments are anchored
on its runs as the loader reads them (revisions accepted). The findings fixed get no comment; the
others keep theirs, their characters moved by the fixes before them in their paragraph.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from checker.document import analyse
from checker.document.model import Document, Paragraph
from checker.findings import Finding
from checker.loaders.docx import load_docx_bytes
from checker.word.comments import Locate, Span, span_in
from checker.word.fixes import saved_and_checked, track_fixes


@dataclass
class Fixed:
    word: object  # the python-docx Document holding the revisions
    locate: Locate
    document: Document  # the copy as the loader reads it
    remaining: list[Finding]  # the findings not fixed, to comment on
    span: Span  # where a remaining finding's characters are in the copy
    revisions: int  # how many fixes were written


def _moved(offset: int, fixes: list[tuple[int, int, int]], end: bool) -> int:
    """`offset` in the text after `fixes` ((start, end, length of the replacement) each)."""
    moved = offset
    for start, stop, length in fixes:
        if offset >= stop:
            moved += length - (stop - start)
        elif offset > start:  # inside a fixed span: its start, or the end of its replacement
            moved += (start + length if end else start) - offset
    return moved


def with_fixes(word, locate: Locate, document: Document, findings: list[Finding], unsafe: bool, path,
               reopen: Callable) -> Fixed | None:
    """Write the fixes of `findings` into `word` (made from `document`, `locate` finding its
    paragraphs' runs); None when there was nothing to fix. `reopen(stream)` opens the saved copy
    again as (python-docx Document, Locate, …)."""
    fixed, _, changed = track_fixes(word, document, findings, unsafe, locate)
    if not fixed:
        return None
    data = saved_and_checked(word, document, changed, path)
    word, locate, *_ = reopen(io.BytesIO(data))
    copy = analyse(load_docx_bytes(data, path))
    by_line: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for finding in fixed:
        by_line[finding.line].append((finding.column - 1, finding.end_column - 1, len(finding.fix.replacement)))

    def span(paragraph: Paragraph, finding: Finding) -> tuple[int, int]:
        start, end = span_in(document.paragraphs[paragraph.index], finding)
        fixes = by_line.get(finding.line, [])
        return _moved(start, fixes, end=False), _moved(end, fixes, end=True)

    done = set(map(id, fixed))
    remaining = [f for f in findings if id(f) not in done]
    return Fixed(word, locate, copy, remaining, span, len(fixed))
