"""SARIF 2.1.0 (OASIS errata01), for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` lists the rules that fired (id, name, descriptions, help text,
category, the level they run at), as the run's rule set describes them (user packs included); each result has its rule, level, message, a region in the text view (columns count
Unicode code points: `columnKind` says so), a fingerprint stable across runs and, for safe fixes
in .txt files, a `fixes` entry; a cross-document finding has the other file's paragraph as `relatedLocations`. Paths are relative to the repository root (`%SRCROOT%`).
For a .docx the "line" is the paragraph number of `fazhi-lint text FILE`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from checker import __version__
from checker.findings import EXCERPT_FLAGGED, FileResult, Finding, FixSafety, RuleInfo, Severity, flagged_text
from checker.reporters import ReportSettings
from checker.reporters.catalog import rules_of
from checker.reporters.describe import fingerprints, repo_relative, repo_root
from checker.reporters.json import nested

FORMAT = "sarif"
DESCRIPTION = "SARIF 2.1.0（GitHub 代码扫描等）"

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "fazhiLint/v1"


def _rule(info: RuleInfo) -> dict:
    help_lines = [info.description]
    if info.rationale:
        help_lines.append(f"原因：{info.rationale}")
    help_lines += [f"依据：{info.source}", f"详见：fazhi-lint explain {info.id}"]
    return {
        "id": info.id,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.description},
        "help": {"text": "\n".join(help_lines)},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"category": info.category, "tags": [info.category], "source": info.source},
    }


def _artifact(path: str) -> dict:
    relative = repo_relative(path)
    if os.path.isabs(relative):
        return {"uri": Path(relative).as_uri()}
    return {"uri": quote(relative, safe="/-"), "uriBaseId": "%SRCROOT%"}


def _region(finding: Finding) -> dict:
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": finding.end_line, "endColumn": finding.end_column}
    flagged = flagged_text(finding)[:EXCERPT_FLAGGED]  # bounded, as the JSON excerpt is
    if flagged:
        region["snippet"] = {"text": flagged}
    return region


def _related(finding: Finding) -> dict:
    related = finding.related
    return {"id": 1, "physicalLocation": {"artifactLocation": _artifact(related.path), "region": {"startLine": related.line}},
            "message": {"text": related.label or os.path.basename(related.path)}}


def _fix(result: FileResult, finding: Finding) -> list[dict]:
    if not finding.fix or finding.fix.safety is not FixSafety.SAFE or result.format != "txt" or result.path == "-":
        return []
    deleted = {k: v for k, v in _region(finding).items() if k != "snippet"}
    return [{
        "description": {"text": f"改为「{finding.fix.replacement}」" if finding.fix.replacement else "删除"},
        "artifactChanges": [{
            "artifactLocation": _artifact(result.path),
            "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": finding.fix.replacement}}],
        }],
    }]


def _entries(results: list[FileResult], index: dict[str, int]) -> Iterator[dict]:
    for result in results:
        for finding, fingerprint in zip(result.findings, fingerprints(result.path, result.findings)):
            entry = {
                "ruleId": finding.rule,
                "ruleIndex": index[finding.rule],
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": {"artifactLocation": _artifact(result.path), "region": _region(finding)}}],
                "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
                "properties": {"category": finding.category},
            }
            fixes = _fix(result, finding)
            if fixes:
                entry["fixes"] = fixes
            if finding.related is not None:  # cross-document findings: the other file's paragraph
                entry["relatedLocations"] = [_related(finding)]
            yield entry


def _rules(results: list[FileResult], known: Mapping[str, RuleInfo]) -> tuple[list[RuleInfo], dict[str, int]]:
    """The rules that fired, as the run describes them, and each one's position in that list."""
    rules = rules_of((f for r in results for f in r.findings), known)
    return rules, {info.id: position for position, info in enumerate(rules)}


def _log(rules: list[RuleInfo], entries: list[dict]) -> dict:
    root = repo_root(os.getcwd()) or os.getcwd()
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "fazhi-lint", "version": __version__, "rules": [_rule(info) for info in rules]}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(root).as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": entries,
        }],
    }


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    """The log as json.dump(..., indent=2) writes it, each result entry written as it is made: as one
    dict, a 1,000-draft batch's log took ~1 GB. The rules that fired come first, so the findings are
    all kept until then."""
    results = list(results)
    rules, index = _rules(results, settings.rules)
    # "results" is the run's last key: what follows it only closes the run and the log
    head, tail = nested(_log(rules, []), 0).rsplit('"results": []', 1)
    stream.write(head + '"results": [')
    written = False
    for entry in _entries(results, index):
        stream.write((",\n        " if written else "\n        ") + nested(entry, 4))
        written = True
    stream.write(("\n      ]" if written else "]") + tail + "\n")
