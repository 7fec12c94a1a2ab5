"""Findings made the way the engine makes them (`make_finding` on a Hit), at text a test names,
so reporter and fix tests do not depend on which rule packs exist."""

from __future__ import annotations

from pathlib import Path

from checker.engine.ruleset import Rule
from checker.engine.ruletype import Hit
from checker.engine.run import make_finding
from checker.findings import FileResult, Finding, FixSafety, Severity
from checker.loaders import load


def rule(id: str = "FZ601", name: str = "half-width-comma", category: str = "typography", severity: str = "warning",
         message: str = "中文之间用了半角逗号「{found}」", fix: str | None = "safe", source: str = "GB/T 15834-2011") -> Rule:
    return Rule(id=id, name=name, type="engine", category=category, severity=Severity(severity), message=message,
                source=source, fix_safety=FixSafety(fix) if fix else None)


def finding_at(document, line: int, fragment: str, the_rule: Rule | None = None, replacement: str | None = None,
               occurrence: int = 1) -> Finding:
    """A finding on the `occurrence`-th `fragment` of view line `line` (an empty fragment: the line's start)."""
    paragraph = document.line(line)
    start = -1
    for _ in range(occurrence):
        start = paragraph.text.index(fragment, start + 1)
    hit = Hit(paragraph, start, start + len(fragment), {"found": fragment}, replacement)
    return make_finding(the_rule or rule(), hit)


def result_of(path: Path | str, *specs: tuple) -> FileResult:
    """A checked file with findings at (line, fragment[, rule[, replacement[, occurrence]]])."""
    document = load(str(path))
    findings = sorted((finding_at(document, *spec) for spec in specs), key=lambda f: f.sort_key)
    return FileResult(str(path), document.format, document.context.to_dict(), None, findings, document)
