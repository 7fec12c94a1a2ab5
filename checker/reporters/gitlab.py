"""GitLab Code Quality report (a JSON array, the subset of Code Climate's format GitLab reads):
description, check_name, fingerprint, severity, location.path and location.lines.begin per
finding. Severities: error → major, warning → minor, info → info."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from checker.findings import FileResult, Severity
from checker.reporters import ReportSettings
from checker.reporters.describe import fingerprints, repo_relative
from checker.reporters.json import nested
from checker.reporters.parts import FilePart, in_place, write_part

FORMAT = "gitlab"
DESCRIPTION = "GitLab 代码质量报告（Code Quality JSON）"

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues_of(results: Iterable[FileResult]) -> Iterator[dict]:
    for result in results:
        path = repo_relative(result.path)
        for f, fingerprint in zip(result.findings, fingerprints(result.path, result.findings)):
            yield {
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
            }


def render_file(result: FileResult, settings: ReportSettings, out: TextIO) -> None:
    out.writelines((",\n  " if position else "") + nested(issue, 1) for position, issue in enumerate(issues_of([result])))


def write_parts(parts: Iterable[FilePart], stream: TextIO, settings: ReportSettings) -> None:
    """The text of json.dump(list(issues_of(results)), indent=2), written file by file as results arrive."""
    stream.write("[")
    written = False
    for part in parts:
        if part.findings:
            stream.write(",\n  " if written else "\n  ")
            write_part(part, stream, render_file, settings)
            written = True
    stream.write(("\n]" if written else "]") + "\n")


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    write_parts(in_place(results), stream, settings)
