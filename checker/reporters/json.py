"""JSON output: the public contract documented in docs/json-format.md (schema: docs/json-schema.json)."""

from __future__ import annotations

import json
from typing import TextIO

from checker import __version__
from checker.engine.batch import FileResult
from checker.reporters import ReportSettings
from checker.reporters.summary import summarise

FORMAT = "json"
DESCRIPTION = "JSON（稳定接口，见 docs/json-format.md）"


def as_dict(results: list[FileResult]) -> dict:
    summary = summarise(results)
    return {
        "tool": {"name": "fazhi-lint", "version": __version__},
        "files": [
            {
                "path": r.path,
                "format": r.format,
                "context": r.context,
                "error": r.error,
                "findings": [f.to_dict() for f in r.findings],
            }
            for r in results
        ],
        "summary": {
            "files": summary.files,
            "findings": summary.findings,
            "by_severity": summary.by_severity,
            "by_category": summary.by_category,
        },
    }


def write(results: list[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    json.dump(as_dict(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
