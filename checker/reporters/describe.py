"""What CI formats share: stable fingerprints and repository-relative paths."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from functools import cache

from checker.findings import Finding, flagged_text


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
