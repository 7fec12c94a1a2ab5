"""JSON output: the public contract documented in docs/json-format.md (schema: docs/json-schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from checker import __version__
from checker.findings import FileResult, Finding
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
    and slow per finding."""
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


_KEY = ",\n" + "  " * 5  # between a finding's keys: a finding is four levels deep in the report


def _rule_parts(finding: Finding) -> tuple[tuple, str, str]:
    """What a finding's text shares with the other findings of its rule: the keys before the message
    and the source after the fix, as nested() writes them."""
    head = (f'{{{_KEY[1:]}"rule": {_string(finding.rule)}{_KEY}"name": {_string(finding.name)}{_KEY}'
            f'"category": {_string(finding.category)}{_KEY}"severity": {_string(finding.severity.value)}{_KEY}"message": ')
    return (finding.name, finding.category, finding.severity, finding.source), head, f'{_KEY}"source": {nested(finding.source, 5)}'


def finding_texts(findings: Iterable[Finding]) -> Iterator[str]:
    """nested(finding.to_dict(), 4) of each finding, from the parts its rule's findings share: a batch
    has ~8,000 findings a MB, most of one rule and message in a row, many with the same fix object."""
    rules: dict[str, tuple[tuple, str, str]] = {}
    fixes: dict[int, str] = {}  # by id(): the fixes stay alive in `findings` while this runs
    message = message_text = None
    for finding in findings:
        parts = rules.get(finding.rule)
        if parts is None or parts[0] != (finding.name, finding.category, finding.severity, finding.source):
            parts = rules[finding.rule] = _rule_parts(finding)
        if finding.message is not message:
            message = finding.message
            message_text = _string(message)
        fix = finding.fix
        if fix is None:
            fix_text = "null"
        else:
            fix_text = fixes.get(id(fix))
            if fix_text is None:
                fix_text = fixes[id(fix)] = nested(fix.to_dict(), 5)
        excerpt_column, excerpt = finding.excerpt_window()
        related = "" if finding.related is None else f'{_KEY}"related": {nested([finding.related.to_dict()], 5)}'
        yield (f'{parts[1]}{message_text}{_KEY}"line": {finding.line}{_KEY}"column": {finding.column}{_KEY}'
               f'"end_line": {finding.end_line}{_KEY}"end_column": {finding.end_column}{_KEY}"excerpt": {_string(excerpt)}'
               f'{_KEY}"excerpt_column": {excerpt_column}{_KEY}"fix": {fix_text}{parts[2]}{related}\n        }}')


def render_file(result: FileResult, settings: ReportSettings, out: TextIO) -> None:
    """nested(_file(result), 2), written finding by finding: one file can have 10,000s, and its whole
    entry as one string took ~4 KB a finding on the way."""
    head = nested(_file_head(result), 2)
    out.write(head[: -len("\n    }")] + ',\n      "findings": [')
    out.writelines(("," if position else "") + "\n        " + text for position, text in enumerate(finding_texts(result.findings)))
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
