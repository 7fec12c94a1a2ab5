"""Applying fixes to text: per line, right to left, skipping fixes that overlap an earlier one."""

from __future__ import annotations

from collections import defaultdict

import regex

from checker.findings import Finding, FixSafety

_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def applicable(findings: list[Finding], unsafe: bool) -> list[Finding]:
    return [f for f in findings if f.fix and (unsafe or f.fix.safety is FixSafety.SAFE) and f.line == f.end_line]


def by_line(findings: list[Finding], unsafe: bool) -> dict[int, list[Finding]]:
    grouped: dict[int, list[Finding]] = defaultdict(list)
    for finding in applicable(findings, unsafe):
        grouped[finding.line].append(finding)
    return grouped


def non_overlapping(fixes: list[Finding], length: int) -> list[Finding]:
    """The fixes of one line to apply, right to left: one that overlaps a fix already chosen, or
    reaches past the line's `length`, is left for the next run."""
    chosen: list[Finding] = []
    limit = length
    for finding in sorted(fixes, key=lambda f: (f.column, f.end_column), reverse=True):
        if finding.end_column - 1 > limit:
            continue
        chosen.append(finding)
        limit = finding.column - 1
    return chosen


def replace_spans(text: str, fixes: list[Finding]) -> str:
    """`text` (one line) with `fixes` applied; `fixes` right to left and not overlapping."""
    for finding in fixes:
        text = text[: finding.column - 1] + finding.fix.replacement + text[finding.end_column - 1 :]
    return text


def fix_text(text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, int]:
    """`text` with the findings' fixes applied, and how many were applied."""
    lines = [m.group() for m in _LINE.finditer(text) if m.group()]
    applied = 0
    for number, fixes in by_line(findings, unsafe).items():
        if number > len(lines):
            continue
        line = lines[number - 1]
        body = line.rstrip("\r\n")
        chosen = non_overlapping(fixes, len(body))
        lines[number - 1] = replace_spans(body, chosen) + line[len(body) :]
        applied += len(chosen)
    return "".join(lines), applied


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> str:
    """`text` with the findings' fixes applied; line/column are those of the text's own lines."""
    return fix_text(text, findings, unsafe)[0]
