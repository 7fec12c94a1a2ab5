"""Wording shared by the reporters that speak to people: the flagged text, the suggested fix,
a Word comment's text, and stable fingerprints and repository-relative paths for CI tools."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from functools import cache

from checker.findings import Finding, FixSafety

AUTHOR = "fazhi-lint"
AUTHOR_INITIALS = "FL"


def flagged_text(finding: Finding) -> str:
    """The characters the finding concerns (empty for a point or a whole-document finding)."""
    if finding.end_line != finding.line:
        return finding.excerpt[finding.column - 1 :]
    return finding.excerpt[finding.column - 1 : finding.end_column - 1]


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fix_suggestion(finding: Finding) -> str | None:
    """"将「X」改为「Y」", "删除「X」", "插入「Y」", "在「X」前加「Y」", with the fix's safety; None
    without a fix."""
    if not finding.fix:
        return None
    flagged, replacement = flagged_text(finding), finding.fix.replacement
    if not replacement:
        action = f"删除「{flagged}」"
    elif not flagged:
        action = f"插入「{replacement}」"
    elif replacement.endswith(flagged):
        action = f"在「{_short(flagged)}」前加「{replacement[: -len(flagged)]}」"
    elif replacement.startswith(flagged):
        action = f"在「{_short(flagged)}」后加「{replacement[len(flagged) :]}」"
    else:
        action = f"将「{flagged}」改为「{replacement}」"
    return action + ("" if finding.fix.safety is FixSafety.SAFE else "（请确认后修改）")


def comment_text(finding: Finding) -> str:
    """A Word comment: rule id and message, then the suggested fix on its own line; a cross-document
    finding also names the other document and its line."""
    lines = [f"{finding.rule} {finding.message}"]
    if finding.related is not None:
        related = finding.related
        lines.append(f"对照：{related.label or os.path.basename(related.path)}第{related.line}行")
    suggestion = fix_suggestion(finding)
    if suggestion:
        lines.append(f"建议：{suggestion}")
    return "\n".join(lines)


def fingerprints(path: str, findings: list[Finding]) -> list[str]:
    """One fingerprint per finding, stable across runs and across edits elsewhere in the file:
    rule, file, flagged text (or message) and which occurrence of that pair it is — not the line."""
    seen: Counter = Counter()
    result = []
    for finding in findings:
        key = (finding.rule, flagged_text(finding) or finding.message)
        seen[key] += 1
        raw = "\0".join((finding.rule, repo_relative(path), key[1], str(seen[key])))
        result.append(hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32])
    return result


@cache
def repo_root(start: str) -> str | None:
    """The nearest folder at or above `start` holding a .git entry."""
    folder = os.path.abspath(start)
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def repo_relative(path: str) -> str:
    """`path` relative to the repository root (or the working folder), with forward slashes;
    absolute when it lies outside; "-" (standard input) unchanged."""
    if path == "-":
        return path
    base = repo_root(os.getcwd()) or os.getcwd()
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, base)
    if relative.startswith(".."):
        return absolute.replace(os.sep, "/")
    return relative.replace(os.sep, "/")
