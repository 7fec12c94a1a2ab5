"""JSON Lines: one JSON object per finding (the finding's fields of the JSON format plus `path`),
for grep, jq and log pipelines."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from checker.findings import FileResult
from checker.reporters import ReportSettings
from checker.reporters.parts import concatenated, in_place

FORMAT = "json-lines"
DESCRIPTION = "JSON Lines（每行一个问题）"


def render_file(result: FileResult, settings: ReportSettings, out: TextIO) -> None:
    out.writelines(json.dumps({"path": result.path, **finding.to_dict()}, ensure_ascii=False) + "\n" for finding in result.findings)


write_parts = concatenated(render_file)


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    write_parts(in_place(results), stream, settings)
