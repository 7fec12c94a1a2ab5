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


def _tool() -> dict:
    return {"name": "fazhi-lint", "version": __version__}


def _file(r: FileResult) -> dict:
    return {
        "path": r.path,
        "format": r.format,
        "context": r.context,
        "error": r.error,
        "findings": [f.to_dict() for f in r.findings],
    }


def _summary(results: list[FileResult]) -> dict:
    summary = summarise(results)
    return {
        "files": summary.files,
        "findings": summary.findings,
        "by_severity": summary.by_severity,
        "by_category": summary.by_category,
    }


def as_dict(results: list[FileResult]) -> dict:
    return {"tool": _tool(), "files": [_file(r) for r in results], "summary": _summary(results)}


def _nested(value: object, depth: int) -> str:
    """`value` as json.dump(..., indent=2) writes it `depth` levels deep (JSON strings hold no raw newline)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def write(results: list[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    """The same text as json.dump(as_dict(results), indent=2), written file by file: as one dict, a
    batch's report took as much memory again as its findings (~600 bytes a finding)."""
    stream.write('{\n  "tool": ' + _nested(_tool(), 1) + ',\n  "files": [')
    stream.writelines(("," if position else "") + "\n    " + _nested(_file(result), 2) for position, result in enumerate(results))
    stream.write(("\n  ]" if results else "]") + ',\n  "summary": ' + _nested(_summary(results), 1) + "\n}\n")
