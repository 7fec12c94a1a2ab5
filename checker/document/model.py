"""The document model every rule reads: paragraphs in a text view, the outline, the title block.

The *text view* is what `fazhi-lint text FILE` prints: one paragraph per line. For a .txt file
the view lines are the file's own lines; for a .docx they are the body paragraphs (table cells in
reading order) with Word's automatic list numbers rendered in front of the paragraph text.
Every finding's line/column is a position in this view. A .docx's text boxes in the body are body
paragraphs (`Part.TEXT_BOX`), each right after the paragraph that anchors it. A .docx's headers,
footers and notes (`Document.furniture`) are not body paragraphs: the view shows them after the body,
numbered on.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property
from typing import Any, NamedTuple


class Part(str, Enum):
    BODY = "body"
    TABLE = "table"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    TEXT_BOX = "textbox"  # a text box's paragraph, in the view after the paragraph that anchors the box


# A .docx's furniture (outside the text view's body), as the view marks it and messages name it;
# footnotes and endnotes are both 注释
FURNITURE_LABELS = {Part.HEADER: "页眉", Part.FOOTER: "页脚", Part.FOOTNOTE: "注释"}
TEXT_BOX_LABEL = "文本框"  # how the view marks a text box's lines


class RunSpan(NamedTuple):  # a tuple: one is built for every run of a .docx, cheaper than a frozen dataclass
    """Where a Word run's text sits in the paragraph's displayed text (0-based, end exclusive)."""

    run: int
    start: int
    end: int


@dataclass(slots=True)  # ~3,700 a MB of text: no __dict__ each
class Paragraph:
    index: int  # position among the view's paragraphs (0-based)
    text: str  # displayed text, auto number included
    line: int  # 1-based line in the text view (furniture: numbered on after the body's last line)
    part: Part = Part.BODY
    style: str | None = None  # Word paragraph style name
    auto_number: str | None = None  # rendered Word list label, e.g. "一、"; already in `text`
    runs: tuple[RunSpan, ...] = ()  # .docx only: anchors for comments and fixes
    source_index: int | None = None  # .docx only: index of the <w:p> in its part, in document order

    @property
    def prefix_length(self) -> int:
        """Characters at the start of `text` that come from Word numbering, not the paragraph."""
        return len(self.auto_number) if self.auto_number else 0

    @property
    def is_blank(self) -> bool:
        # not text.strip(): the same test without copying the paragraph, asked ~3,000 times per MB
        return not self.text or self.text.isspace()


class MarkerStyle(str, Enum):
    """How a heading number is written. The canonical GB/T 9704 forms are 一、 （一） 1. （1）."""

    CN_COMMA = "一、"
    CN_PAREN = "（一）"
    ARABIC_DOT = "1."
    ARABIC_PAREN = "（1）"


@dataclass(frozen=True)
class Marker:
    """A heading number as written: `text` is exactly what precedes the heading text."""

    text: str  # e.g. "2、 " or "(一)"
    style: MarkerStyle  # the family it belongs to
    number: int
    canonical: str  # the GB/T 9704 spelling of this number at this family, e.g. "（一）"
    from_word_numbering: bool = False


@dataclass(slots=True)
class Heading:
    paragraph: Paragraph
    level: int  # 1..4, the level in the report's outline
    marker: Marker | None  # None: an unnumbered heading
    title: str  # heading text without the marker (and without a run-in body)
    title_start: int  # offset of the title in paragraph.text
    run_in: bool = False  # "（一）提高…意识。重视…": heading and body on one line
    section: str | None = None  # key of the required report section it names, if any
    parent: Heading | None = field(default=None, repr=False)

    @property
    def line(self) -> int:
        return self.paragraph.line

    @property
    def title_end(self) -> int:
        return self.title_start + len(self.title)


@dataclass
class TitleBlock:
    lines: list[Paragraph]  # the paragraphs that make up the title, in order (a body line over or under the title line)
    body: str | None  # issuing body, if the title names it
    year: int | None
    name: str  # the report name, e.g. "法治政府建设年度情况报告"

    @property
    def title(self) -> Paragraph:
        """The line naming the report (a body line may stand over it or under it)."""
        return next((p for p in reversed(self.lines) if self.name in p.text), self.lines[-1])


CERTAIN, LIKELY, UNKNOWN = "certain", "likely", "unknown"
UNPLACED = "unknown-place"  # the kind of evidence naming what of a given region is no known place


@dataclass(frozen=True)
class Evidence:
    """One reason for a context value: the view line it was read on (0: given from outside), the
    kind of place (title, signature, signature-date, opening, subject, heading, body-years,
    parent-mention, cli, config, api; unknown-place: names of a given region that are no known
    place) and the words read."""

    line: int
    kind: str
    text: str

    def to_dict(self) -> dict:
        return {"line": self.line, "kind": self.kind, "text": self.text}


@dataclass
class ReportContext:
    body: str | None = None
    region: list[str] = field(default_factory=list)  # e.g. ["北京市", "东城区"]
    year: int | None = None
    # where each value came from: its first evidence's kind ("title", "signature", "cli"…)
    provenance: dict[str, str] = field(default_factory=dict)
    confidence: dict[str, str] = field(default_factory=dict)  # body/region/year → certain | likely | unknown
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    def set(self, what: str, value, confidence: str, evidence: list[Evidence]) -> None:
        setattr(self, what, value)
        self.confidence[what] = confidence if value not in (None, []) else UNKNOWN
        self.evidence[what] = evidence
        if evidence:
            self.provenance[what] = evidence[0].kind

    def certainty(self, what: str) -> str:
        return self.confidence.get(what, UNKNOWN) if getattr(self, what) not in (None, []) else UNKNOWN

    def to_dict(self) -> dict:
        return {"body": self.body, "region": list(self.region), "year": self.year,
                "confidence": {what: self.certainty(what) for what in ("body", "region", "year")},
                "evidence": {what: [e.to_dict() for e in self.evidence.get(what, [])] for what in ("body", "region", "year")}}


@dataclass(frozen=True)
class GivenContext:
    """Values given from outside (--body/--region/--year, config `context`, the API): certain."""

    body: str | None = None
    region: tuple[str, ...] | None = None
    year: int | None = None
    origin: dict[str, str] = field(default_factory=dict)  # what → "cli" | "config" | "api"


@dataclass
class Comment:
    """A reviewer's Word comment, anchored on a range of the view."""

    text: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int


@dataclass
class Document:
    path: str
    format: str  # "txt" | "docx"
    paragraphs: list[Paragraph]  # the text view, in order
    furniture: list[Paragraph] = field(default_factory=list)  # headers, footers, footnotes
    comments: list[Comment] = field(default_factory=list)
    encoding: str | None = None  # .txt only
    newline: str = "\n"  # .txt only: the file's dominant line ending
    # A .doc/.wps/.rtf/.odt read through LibreOffice: the format it was (its label) and the .docx made
    # of it, which Word outputs (reviewed and fixed copies) start from instead of the original file.
    converted_from: str | None = None
    converted: bytes | None = field(default=None, repr=False)
    # .docx only: Word numFmts drawn in digits because not known (loaders/numbering.py) → the index
    # of the first paragraph drawn with each
    unknown_number_formats: dict[str, int] = field(default_factory=dict)
    # filled by document.analyse()
    outline: list[Heading] = field(default_factory=list)
    title_block: TitleBlock | None = None
    context: ReportContext = field(default_factory=ReportContext)
    # checker.crossdoc.facts.CrossFacts: last year's report and the batch's shared paragraphs, when a
    # cross-document pass ran (typed loosely: the document floor does not import that package)
    cross: Any = None

    def line(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]

    def furniture_view(self, parts: frozenset[Part]) -> Document | None:
        """The furniture of `parts` (footnotes…) as a document of its own, for a rule that reads it as
        it reads the body: same path, format and context, no title block nor outline, the lines those
        of the view (after the body's); None when there is no such furniture."""
        chosen = [p for p in self.furniture if p.part in parts]
        if not chosen:
            return None
        return Document(self.path, self.format, [replace(p, index=n) for n, p in enumerate(chosen)], context=self.context)

    # Rules scan the view in one regex or automaton pass instead of one call per paragraph and
    # map hits back: a call per paragraph, times every rule, is what a draft's check would spend its time on.
    @cached_property
    def view_text(self) -> str:
        """The text view as one string: the paragraphs joined by "\n" (no paragraph holds one),
        so `^`/`$` with MULTILINE are paragraph boundaries."""
        return "\n".join(p.text for p in self.paragraphs)

    @cached_property
    def _view_starts(self) -> list[int]:
        starts, offset = [], 0
        for paragraph in self.paragraphs:
            starts.append(offset)
            offset += len(paragraph.text) + 1
        return starts

    def view_start(self, paragraph: Paragraph) -> int:
        """Where `paragraph` starts in view_text."""
        return self._view_starts[paragraph.index]

    def in_view(self, start: int, end: int) -> tuple[Paragraph, int, int] | None:
        """The paragraph holding view_text[start:end] and the span's offsets in it; None when the
        span runs across a paragraph boundary."""
        index = bisect_right(self._view_starts, start) - 1
        paragraph = self.paragraphs[index]
        offset = self._view_starts[index]
        if end - offset > len(paragraph.text):
            return None
        return paragraph, start - offset, end - offset
