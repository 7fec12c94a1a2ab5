"""GitLab Code Quality report (a JSON array, the subset of Code Climate's format GitLab reads):
description, check_name, fingerprint, severity, location.path and location.lines.begin per
finding. Severities: error → major, warning → minor, info → info."""

from __future__ import annotations

import json
from typing import TextIO

from checker.engine.batch import FileResult
from checker.findings import Severity
from checker.reporters import ReportSettings
from checker.reporters.describe import fingerprints, repo_relative

FORMAT = "gitlab"
DESCRIPTION = "GitLab 代码质量报告（Code Quality JSON）"

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def as_code_quality(results: list[FileResult]) -> list[dict]:
    issues = []
    for result in results:
        path = repo_relative(result.path)
        for f, fingerprint in zip(result.findings, fingerprints(result.path, result.findings)):
            issues.append({
                "type": "issue",
                "check_name": f"{f.rule} {f.name}",
                "description": f"{f.rule} {f.message}",
                "categories": [f.category],
                "severity": SEVERITIES[f.severity],
                "fingerprint": fingerprint,
                "location": {
                    "path": path,
                    "lines": {"begin": f.line, "end": f.end_line},
                },
            })
    return issues


def write(results: list[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    json.dump(as_code_quality(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
