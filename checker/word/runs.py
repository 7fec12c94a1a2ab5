"""Word runs cut at character offsets of a paragraph's displayed text, formatting kept.

A Word comment (and an in-place fix) can only start and end on run boundaries, while a finding's
span may start or end inside a run. `cut_runs` splits the runs at the offsets asked for: the run
element is copied (with its w:rPr, so both halves keep the formatting), the left copy keeps the
content before the offset, the right one the content from it. Displayed lengths follow the docx
loader: w:t counts its characters; w:tab, w:ptab, w:br, w:cr, w:noBreakHyphen one each; everything
else (field codes, drawings, marks) none and stays in order with its neighbours.
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterable
from dataclasses import dataclass

from docx.oxml.ns import qn

from checker.document.model import RunSpan

_T = qn("w:t")
_RPR = qn("w:rPr")
_ONE_CHARACTER = {qn(f"w:{tag}") for tag in ("tab", "ptab", "br", "cr", "noBreakHyphen")}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Segment:
    """A run element and the part of the displayed text it shows (0-based, end exclusive)."""

    run: object  # lxml w:r element
    start: int
    end: int


def displayed_length(child) -> int:
    if child.tag == _T:
        return len(child.text or "")
    return 1 if child.tag in _ONE_CHARACTER else 0


def _run_length(run) -> int:
    return sum(displayed_length(child) for child in run if child.tag != _RPR)


def _split(run, at: int):
    """Cut one w:r at displayed offset `at` (0 < at < its length); returns the right half."""
    right = copy.deepcopy(run)
    run.addnext(right)
    position = 0
    for left_child, right_child in zip(list(run), list(right)):
        if left_child.tag == _RPR:
            continue
        length = displayed_length(left_child)
        if position + length <= at:
            right.remove(right_child)
        elif position >= at:
            run.remove(left_child)
        else:  # a w:t that straddles the cut
            text = left_child.text
            left_child.text, right_child.text = text[: at - position], text[at - position :]
            left_child.set(_XML_SPACE, "preserve")
            right_child.set(_XML_SPACE, "preserve")
        position += length
    return right


def cut_runs(runs: list, spans: Iterable[RunSpan], offsets: Iterable[int]) -> list[Segment]:
    """The displayed runs of a paragraph as segments, after cutting them at every offset that falls
    strictly inside one. `runs` are the paragraph's w:r elements as `RunSpan.run` numbers them.
    A run whose content does not measure what its span says is left whole (never cut wrongly)."""
    cuts = sorted(set(offsets))
    segments: list[Segment] = []
    for span in spans:
        run, start = runs[span.run], span.start
        inside = cuts[bisect.bisect_right(cuts, span.start) : bisect.bisect_left(cuts, span.end)]
        if inside and _run_length(run) != span.end - span.start:
            inside = []
        for offset in inside:
            right = _split(run, offset - start)
            segments.append(Segment(run, start, offset))
            run, start = right, offset
        segments.append(Segment(run, start, span.end))
    return segments


def covering(segments: list[Segment], start: int, end: int) -> list[Segment]:
    """The segments that show text inside [start, end)."""
    return [s for s in segments if s.end > s.start and s.start < end and s.end > start]
