"""Applying fixes to text: per line, right to left, skipping fixes that overlap an earlier one."""

from __future__ import annotations

from collections import defaultdict

import regex

from checker.findings import Finding, FixSafety

_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def applicable(findings: list[Finding], unsafe: bool) -> list[Finding]:
    return [f for f in findings if f.fix and (unsafe or f.fix.safety is FixSafety.SAFE) and f.line == f.end_line]


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> str:
    """`text` with the findings' fixes applied; line/column are those of the text's own lines."""
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for finding in applicable(findings, unsafe):
        by_line[finding.line].append(finding)
    lines = [m.group() for m in _LINE.finditer(text) if m.group()]
    for number, fixes in by_line.items():
        if number > len(lines):
            continue
        line = lines[number - 1]
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        taken_from = len(body) + 1
        for finding in sorted(fixes, key=lambda f: (f.column, f.end_column), reverse=True):
            start, end = finding.column - 1, finding.end_column - 1
            if end > taken_from - 1 or end > len(body):
                continue  # overlaps a fix already applied on this line
            body = body[:start] + finding.fix.replacement + body[end:]
            taken_from = start + 1
        lines[number - 1] = body + ending
    return "".join(lines)
