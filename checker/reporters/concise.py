"""One line per finding, `path:line:column: FZxxx [severity] message`, then the summary line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from checker.engine.batch import FileResult
from checker.reporters import ReportSettings
from checker.reporters.summary import Tally, summary_line

FORMAT = "concise"
DESCRIPTION = "每个问题一行"


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    tally = Tally()
    stream.writelines(
        f"{result.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {f.message}\n"
        for result in tally.passing(results) for f in result.findings
    )
    if not settings.quiet:
        stream.write(summary_line(tally.summary()) + "\n")
