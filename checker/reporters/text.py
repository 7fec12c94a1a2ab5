"""Terminal output in Ruff's shape: location and message, the source line, a caret underline that
stays under the right characters with CJK double width, the fix, and a summary."""

from __future__ import annotations

import unicodedata
from typing import TextIO

import click

from checker.engine.batch import FileResult
from checker.findings import Finding, FixSafety, Severity
from checker.reporters import ReportSettings
from checker.reporters.summary import summarise, summary_line

FORMAT = "text"
DESCRIPTION = "终端可读输出（默认）"

_CONTEXT = 24  # characters of context shown on each side of the flagged span
_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _window(finding: Finding) -> tuple[str, int, int]:
    """The part of the line to show, and the span's offsets within it."""
    line = finding.excerpt.replace("\t", " ")
    start = finding.column - 1
    end = max(finding.end_column - 1, start) if finding.end_line == finding.line else len(line)
    left = max(0, start - _CONTEXT)
    right = min(len(line), max(end, start + 1) + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    return prefix + line[left:right] + suffix, len(prefix) + start - left, len(prefix) + end - left


def _fix_note(finding: Finding) -> str | None:
    if not finding.fix:
        return None
    safety = "安全修复" if finding.fix.safety is FixSafety.SAFE else "需确认的修复（--unsafe-fixes）"
    flagged = finding.excerpt[finding.column - 1 : finding.end_column - 1]
    if finding.fix.replacement == "":
        return f"{safety}：删除「{flagged}」"
    return f"{safety}：「{flagged}」改为「{finding.fix.replacement}」"


def format_finding(path: str, finding: Finding, color: bool) -> str:
    style = (lambda text, **kw: click.style(text, **kw)) if color else (lambda text, **kw: text)
    head = (
        f"{style(path, bold=True)}:{finding.line}:{finding.column}: "
        f"{style(finding.rule, fg=_COLORS[finding.severity], bold=True)} "
        f"[{finding.severity.value}] {finding.message}"
    )
    lines = [head]
    shown, start, end = _window(finding)
    if shown.strip():
        gutter = " " * len(str(finding.line))
        caret_pad = display_width(shown[:start])
        caret_len = max(1, display_width(shown[start:end]))
        lines += [
            f"{gutter} |",
            f"{finding.line} | {shown}",
            f"{gutter} | {' ' * caret_pad}{style('^' * caret_len, fg=_COLORS[finding.severity])}",
        ]
        note = _fix_note(finding)
        if note:
            lines.append(f"{gutter} = {note}")
    return "\n".join(lines)


def _statistics(results: list[FileResult]) -> list[str]:
    summary = summarise(results)
    fixable = {(f.rule, f.name, f.category) for r in results for f in r.findings if f.fix}
    rows = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0]))
    marks = {key: "\t[*]" if key in fixable else "" for key, _ in rows}
    return [f"{count:5d}\t{rule}\t{name}\t[{category}]{marks[(rule, name, category)]}" for (rule, name, category), count in rows]


def write(results: list[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    # One finding at a time: a batch can have 100,000s, and their text joined first would double the memory.
    separator = ""
    for result in results:
        for finding in result.findings:
            stream.write(separator + format_finding(result.path, finding, settings.color))
            separator = "\n\n"
    if separator:
        stream.write("\n")
    if settings.statistics:
        stream.write("\n" + "\n".join(_statistics(results)) + "\n")
    if not settings.quiet:
        stream.write(("\n" if separator else "") + summary_line(summarise(results)) + "\n")
