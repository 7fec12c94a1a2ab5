"""JSON Lines: one JSON object per finding (the finding's fields of the JSON format plus `path`),
for grep, jq and log pipelines."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from checker.engine.batch import FileResult
from checker.reporters import ReportSettings

FORMAT = "json-lines"
DESCRIPTION = "JSON Lines（每行一个问题）"


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    stream.writelines(
        json.dumps({"path": result.path, **finding.to_dict()}, ensure_ascii=False) + "\n"
        for result in results for finding in result.findings
    )
