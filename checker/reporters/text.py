"""Terminal output in Ruff's shape: location and message, the source line, a caret underline that
stays under the right characters with CJK double width, the fix, and a summary."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TextIO

import click

from checker.findings import FileResult, Finding, FixSafety, Severity
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
    width = 2 * len(text) - len(text.encode("ascii", "ignore"))
    # search, not findall, first: most text has none of the others, and findall's list would be garbage
    if _NEITHER_ASCII_NOR_WIDE.search(text) is None:
        return width
    others = _NEITHER_ASCII_NOR_WIDE.findall(text)
    return width - 2 * len(others) + sum(map(_width_of, others))


_FIX_LABELS = {FixSafety.SAFE: "安全修复", FixSafety.UNSAFE: "需确认的修复（--unsafe-fixes）"}


def _styled(text: str, severity: Severity) -> str:
    return click.style(text, fg=_COLORS[severity], bold=True)


def blocks(path: str, findings: Iterable[Finding], color: bool) -> Iterator[str]:
    """Each finding's block: location, rule and message, the window of its line with carets under the
    span, the fix. Findings come sorted by line, most lines with several: what depends on the line
    alone is built once per line."""
    if color:
        path = click.style(path, bold=True)
    text = number = None
    for finding in findings:
        severity, column = finding.severity, finding.column
        if finding.excerpt is not text or finding.line != number:
            text, number = finding.excerpt, finding.line
            length, digits = len(text), str(number)
            gutter = " " * len(digits)
            location, shown_at, carets_at = f"{path}:{digits}:", f"\n{gutter} |\n{digits} | ", f"\n{gutter} | "
            tabs = "\t" in text
        head = f"{location}{column}: {_styled(finding.rule, severity) if color else finding.rule} {_LABELS[severity]} {finding.message}"
        # The window of the line shown: up to _CONTEXT characters each side of the span, "…" where cut.
        start = column - 1
        end_column = finding.end_column
        end = (end_column - 1 if end_column > column else start) if finding.end_line == number else length
        left = start - _CONTEXT if start > _CONTEXT else 0
        right = (end if end > start else start + 1) + _CONTEXT
        shown = text[left:right]
        if tabs:  # a tab is one character of the line, shown as one space
            shown = shown.replace("\t", " ")
        suffix = "…" if right < length else ""
        if left:
            prefix, pad = "…", 1 + display_width(text[left:start])
        elif suffix or shown.strip():
            prefix, pad = "", display_width(text[:start])
        else:
            yield head
            continue
        flagged = text[start:end]
        # most spans are one character (FZ601's): its width is one dict look-up
        carets = "^" * (_width_of(flagged) if len(flagged) == 1 else display_width(flagged) or 1)
        if color:
            carets = click.style(carets, fg=_COLORS[severity])
        fix = finding.fix
        if fix is None:
            yield f"{head}{shown_at}{prefix}{shown}{suffix}{carets_at}{' ' * pad}{carets}"
            continue
        if end_column - 1 != end:  # a span past its line's end: the note names what the fix replaces
            flagged = text[start : end_column - 1]
        replacement = fix.replacement
        note = f"删除「{flagged}」" if replacement == "" else f"「{flagged}」改为「{replacement}」"
        yield f"{head}{shown_at}{prefix}{shown}{suffix}{carets_at}{' ' * pad}{carets}\n{gutter} = {_FIX_LABELS[fix.safety]}：{note}"


def format_finding(path: str, finding: Finding, color: bool) -> str:
    return next(blocks(path, (finding,), color))


def statistics_table(summary: Summary) -> list[str]:
    rows = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0]))
    marks = {key: "\t[*]" if key in summary.fixable_rules else "" for key, _ in rows}
    return [f"{count:5d}\t{rule}\t{name}\t[{category}]{marks[(rule, name, category)]}" for (rule, name, category), count in rows]


def render_file(result: FileResult, settings: ReportSettings, out: TextIO) -> None:
    findings = blocks(result.path, result.findings, settings.color)
    out.write("\n\n".join(islice(findings, _CHUNK)))
    while chunk := list(islice(findings, _CHUNK)):
        out.write("\n\n")  # on its own: added to the chunk, it would copy the chunk once more
        out.write("\n\n".join(chunk))


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
        stream.write("\n" + "\n".join(statistics_table(summary)) + "\n")
    if not settings.quiet:
        stream.write(("\n" if separator else "") + summary_line(summary) + "\n")


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    write_parts(in_place(results), stream, settings)
