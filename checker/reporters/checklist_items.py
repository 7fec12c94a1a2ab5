"""A file's findings as a fix-up checklist: grouped by the report's own first-level sections
(一、二、…, in document order), then by severity, numbered through the file. Shared by the Markdown
and the Word checklist."""

from __future__ import annotations

import bisect
import datetime
import os
from dataclasses import dataclass, field

from checker.document.model import Document, Heading
from checker.findings import FileResult, Finding, Severity, fix_suggestion, flagged_text

OPENING = "标题与开头"  # findings before the first section heading
WHOLE = "全文"  # findings without a place in the outline (no document, unreadable file)
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_MAX_HEADING = 40
_MAX_QUOTE = 16  # longer flagged text (a whole heading) is identified by where it is


@dataclass
class Item:
    number: int
    finding: Finding
    where: str  # "（二）提升服务水平 · 第13行第5字"
    what: str  # "FZ601 …（「,」）"
    fix: str  # the suggestion, or what to do by hand


@dataclass
class Section:
    title: str
    by_severity: dict[Severity, list[Item]] = field(default_factory=dict)


@dataclass
class FileChecklist:
    path: str
    title: str
    body: str | None
    year: int | None
    date: str
    counts: dict[Severity, int]
    sections: list[Section]
    error: str | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def heading_label(heading: Heading) -> str:
    label = heading.paragraph.text[: heading.title_end].strip()
    return label if len(label) <= _MAX_HEADING else label[: _MAX_HEADING - 1] + "…"


class SectionLocator:
    """Which section and which (deepest) heading a paragraph lies under."""

    def __init__(self, document: Document | None) -> None:
        headings = document.outline if document else []
        self.headings = headings
        self.starts = [h.paragraph.index for h in headings]
        self.unit = "段" if document and document.format == "docx" else "行"

    def place(self, finding: Finding) -> tuple[str, Heading | None]:
        if finding.paragraph is None or not self.headings:
            return (WHOLE if not self.headings else OPENING), None
        position = bisect.bisect_right(self.starts, finding.paragraph) - 1
        if position < 0:
            return OPENING, None
        heading = self.headings[position]
        top = heading
        while top.parent is not None:
            top = top.parent
        return heading_label(top), heading


def _where(finding: Finding, heading: Heading | None, unit: str) -> str:
    position = f"第{finding.line}{unit}第{finding.column}字"
    if heading is None or heading.level == 1:
        return position
    return f"{heading_label(heading)} · {position}"


def _what(finding: Finding) -> str:
    flagged = flagged_text(finding)
    shown = flagged and len(flagged) <= _MAX_QUOTE and flagged not in finding.message
    quoted = f"（「{flagged}」）" if shown else ""
    return f"{finding.rule} {finding.message}{quoted}"


def build_checklist(result: FileResult, today: datetime.date | None = None) -> FileChecklist:
    document = result.document
    outline = SectionLocator(document)
    grouped: dict[str, list[tuple[Heading | None, Finding]]] = {}
    for finding in result.findings:
        title, heading = outline.place(finding)
        grouped.setdefault(title, []).append((heading, finding))
    sections, number = [], 0
    for title, entries in grouped.items():
        section = Section(title)
        for heading, finding in sorted(entries, key=lambda entry: SEVERITY_ORDER.index(entry[1].severity)):
            number += 1
            item = Item(number, finding, _where(finding, heading, outline.unit), _what(finding),
                        fix_suggestion(finding) or "请按说明人工修改")
            section.by_severity.setdefault(finding.severity, []).append(item)
        sections.append(section)
    title_block = document.title_block if document else None
    return FileChecklist(
        path=result.path,
        title=" ".join(p.text.strip() for p in title_block.lines) if title_block else os.path.basename(result.path),
        body=result.context.get("body"),
        year=result.context.get("year"),
        date=(today or datetime.date.today()).isoformat(),
        counts={s: sum(1 for f in result.findings if f.severity is s) for s in SEVERITY_ORDER},
        sections=sections,
        error=result.error,
    )


def counts_text(checklist: FileChecklist) -> str:
    """"共 5 处（错误 1，警告 3，提示 1）" or "未发现问题"."""
    if not checklist.total:
        return "未发现问题"
    parts = "，".join(f"{s.label} {n}" for s, n in checklist.counts.items() if n)
    return f"共 {checklist.total} 处（{parts}）"
