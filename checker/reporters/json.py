"""JSON output: the public contract documented in docs/json-format.md (schema: docs/json-schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from checker import __version__
from checker.findings import FileResult
from checker.reporters import ReportSettings
from checker.reporters.parts import FilePart, in_place, write_part
from checker.reporters.summary import Summary, Tally, summarise

FORMAT = "json"
DESCRIPTION = "JSON（稳定接口，见 docs/json-format.md）"


def _tool() -> dict:
    return {"name": "fazhi-lint", "version": __version__}


def _file_head(r: FileResult) -> dict:
    return {"path": r.path, "format": r.format, "context": r.context, "error": r.error}


def _file(r: FileResult) -> dict:
    return {**_file_head(r), "findings": [f.to_dict() for f in r.findings]}


def _summary(summary: Summary) -> dict:
    return {
        "files": summary.files,
        "findings": summary.findings,
        "by_severity": summary.by_severity,
        "by_category": summary.by_category,
    }


def as_dict(results: list[FileResult]) -> dict:
    return {"tool": _tool(), "files": [_file(r) for r in results], "summary": _summary(summarise(results))}


_string = json.encoder.encode_basestring  # the string encoder json.dumps(..., ensure_ascii=False) uses


def nested(value: object, depth: int) -> str:
    """`value` as json.dump(..., ensure_ascii=False, indent=2) writes it `depth` levels deep. Built here
    for dicts with string keys, lists, strings, ints and None: json's indenting encoder is pure Python
    and took ~8 µs a finding."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    inner = "\n" + "  " * (depth + 1)
    if kind is dict and value and all(type(key) is str for key in value):
        items = (f"{_string(key)}: {nested(item, depth + 1)}" for key, item in value.items())
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * depth + "}"
    if kind is list and value:
        return "[" + inner + ("," + inner).join(nested(item, depth + 1) for item in value) + "\n" + "  " * depth + "]"
    # anything else (empty containers, floats, booleans): JSON strings hold no raw newline
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def render_file(result: FileResult, settings: ReportSettings, out: TextIO) -> None:
    """nested(_file(result), 2), written finding by finding: one file can have 10,000s, and its whole
    entry as one string took ~4 KB a finding on the way."""
    head = nested(_file_head(result), 2)
    out.write(head[: -len("\n    }")] + ',\n      "findings": [')
    out.writelines(("," if position else "") + "\n        " + nested(finding.to_dict(), 4)
                   for position, finding in enumerate(result.findings))
    out.write(("\n      ]" if result.findings else "]") + "\n    }")


def write_parts(parts: Iterable[FilePart], stream: TextIO, settings: ReportSettings) -> None:
    """The same text as json.dump(as_dict(results), indent=2), written file by file as results
    arrive: only the summary's counts are kept to the end."""
    tally = Tally()
    stream.write('{\n  "tool": ' + nested(_tool(), 1) + ',\n  "files": [')
    for position, part in enumerate(tally.passing(parts)):
        stream.write(("," if position else "") + "\n    ")
        write_part(part, stream, render_file, settings)
    stream.write(("\n  ]" if tally.files else "]") + ',\n  "summary": ' + nested(_summary(tally.summary()), 1) + "\n}\n")


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    write_parts(in_place(results), stream, settings)
