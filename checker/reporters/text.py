"""Terminal output in Ruff's shape: location and message, the source line, a caret underline that
stays under the right characters with CJK double width, the fix, and a summary."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TextIO

import click

from checker.engine.batch import FileResult
from checker.findings import Finding, Fix, FixSafety, Severity
from checker.reporters import ReportSettings
from checker.reporters.parts import FilePart, in_place, write_part
from checker.reporters.summary import Summary, Tally, summary_line

FORMAT = "text"
DESCRIPTION = "终端可读输出（默认）"

_CONTEXT = 24  # characters of context shown on each side of the flagged span
_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LABELS = {severity: f"[{severity.value}]" for severity in Severity}
_CHUNK = 100  # findings per write: fewer calls, and a file's 10,000s of findings never all held as text


class _Widths(dict):
    """Display width of each character met so far, measured once per distinct character."""

    def __missing__(self, char: str) -> int:
        width = self[char] = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        return width


_width_of = _Widths().__getitem__
# Wide (W or F) in the Unicode data of every Python from 3.10 on (tests/test_text_width.py checks the
# running one): CJK punctuation, ideographs, full-width forms. With ASCII (all narrow) they make up
# nearly every character shown, and are counted in C; only the rest is looked up one by one.
_WIDE_RANGES = ((0x3000, 0x303E), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6))
_NEITHER_ASCII_NOR_WIDE = re.compile("[^\\x00-\\x7f" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _WIDE_RANGES) + "]")


def display_width(text: str) -> int:
    """Terminal columns: 2 for an East Asian wide or full-width character, 1 for any other."""
    others = _NEITHER_ASCII_NOR_WIDE.findall(text)
    width = 2 * (len(text) - len(others)) - len(text.encode("ascii", "ignore"))
    return width + sum(map(_width_of, others)) if others else width


def _fix_note(finding: Finding, fix: Fix) -> str:
    safety = "安全修复" if fix.safety is FixSafety.SAFE else "需确认的修复（--unsafe-fixes）"
    flagged = finding.excerpt[finding.column - 1 : finding.end_column - 1]
    if fix.replacement == "":
        return f"{safety}：删除「{flagged}」"
    return f"{safety}：「{flagged}」改为「{fix.replacement}」"


def format_finding(path: str, finding: Finding, color: bool) -> str:
    severity = finding.severity
    rule = click.style(finding.rule, fg=_COLORS[severity], bold=True) if color else finding.rule
    if color:
        path = click.style(path, bold=True)
    number = str(finding.line)
    head = f"{path}:{number}:{finding.column}: {rule} {_LABELS[severity]} {finding.message}"
    # The window of the line shown: up to _CONTEXT characters each side of the span, "…" where cut.
    line = finding.excerpt
    start = finding.column - 1
    end = (finding.end_column - 1 if finding.end_column > finding.column else start) if finding.end_line == finding.line else len(line)
    left = start - _CONTEXT if start > _CONTEXT else 0
    right = (end if end > start else start + 1) + _CONTEXT
    shown = line[left:right].replace("\t", " ")  # a tab is one character of the line, shown as one space
    suffix = "…" if right < len(line) else ""
    if left:
        prefix, pad = "…", 1 + display_width(line[left:start])
    elif suffix or shown.strip():
        prefix, pad = "", display_width(line[:start])
    else:
        return head
    flagged = line[start:end]
    # most spans are one character (FZ601's): its width is one dict look-up
    carets = "^" * (_width_of(flagged) if len(flagged) == 1 else display_width(flagged) or 1)
    if color:
        carets = click.style(carets, fg=_COLORS[severity])
    gutter = " " * len(number)
    note = f"\n{gutter} = {_fix_note(finding, finding.fix)}" if finding.fix else ""
    return f"{head}\n{gutter} |\n{number} | {prefix}{shown}{suffix}\n{gutter} | {' ' * pad}{carets}{note}"


def _statistics(summary: Summary) -> list[str]:
    rows = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0]))
    marks = {key: "\t[*]" if key in summary.fixable_rules else "" for key, _ in rows}
    return [f"{count:5d}\t{rule}\t{name}\t[{category}]{marks[(rule, name, category)]}" for (rule, name, category), count in rows]


def render_file(result: FileResult, settings: ReportSettings, out: TextIO) -> None:
    findings = result.findings
    for first in range(0, len(findings), _CHUNK):
        chunk = findings[first : first + _CHUNK]
        out.write(("\n\n" if first else "") + "\n\n".join([format_finding(result.path, f, settings.color) for f in chunk]))


def write_parts(parts: Iterable[FilePart], stream: TextIO, settings: ReportSettings) -> None:
    """File by file, as results arrive: a batch can have 100,000s of findings, and only their counts
    are kept to the end."""
    tally = Tally()
    separator = ""
    for part in tally.passing(parts):
        if part.findings:
            stream.write(separator)
            write_part(part, stream, render_file, settings)
            separator = "\n\n"
    if separator:
        stream.write("\n")
    summary = tally.summary()
    if settings.statistics:
        stream.write("\n" + "\n".join(_statistics(summary)) + "\n")
    if not settings.quiet:
        stream.write(("\n" if separator else "") + summary_line(summary) + "\n")


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    write_parts(in_place(results), stream, settings)
