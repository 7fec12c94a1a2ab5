"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` per finding,
which GitHub shows as an annotation on the file (paths relative to the repository root), each file's
between `::group::` and `::endgroup::`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from checker.findings import FileResult, Severity, fix_suggestion
from checker.reporters import ReportSettings
from checker.reporters.describe import repo_relative
from checker.reporters.parts import concatenated, in_place

FORMAT = "github"
DESCRIPTION = "GitHub Actions 注释（workflow commands）"

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_file(result: FileResult, settings: ReportSettings, out: TextIO) -> None:
    """A file's findings between ::group:: and ::endgroup:: (one foldable block a file in the log)."""
    if not result.findings:
        return
    out.write(f"::group::{_escape_data(repo_relative(result.path))}\n")
    path = _escape_property(repo_relative(result.path))
    for f in result.findings:
        location = f"file={path},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column}"
        title = _escape_property(f"{f.rule} {f.name}")
        suggestion = fix_suggestion(f)
        message = f.message + (f"\n建议：{suggestion}" if suggestion else "")
        out.write(f"::{COMMANDS[f.severity]} {location},title={title}::{_escape_data(message)}\n")
    out.write("::endgroup::\n")


write_parts = concatenated(render_file)


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    write_parts(in_place(results), stream, settings)
