"""One line per finding, `path:line:column: FZxxx [severity] message`, then the summary line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from checker.findings import FileResult
from checker.reporters import ReportSettings
from checker.reporters.parts import FilePart, in_place, write_part
from checker.reporters.summary import Tally, summary_line

FORMAT = "concise"
DESCRIPTION = "每个问题一行"


def render_file(result: FileResult, settings: ReportSettings, out: TextIO) -> None:
    out.writelines(f"{result.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {f.message}\n" for f in result.findings)


def write_parts(parts: Iterable[FilePart], stream: TextIO, settings: ReportSettings) -> None:
    tally = Tally()
    for part in tally.passing(parts):
        write_part(part, stream, render_file, settings)
    if not settings.quiet:
        stream.write(summary_line(tally.summary()) + "\n")


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    write_parts(in_place(results), stream, settings)
