"""Reports written file by file, in file order, between a head and a foot made from the counts.

With --jobs, each file's part is rendered in the batch worker that checked it, and the parent copies
those bytes into the report: moving every finding of a batch between processes and formatting them
all in the parent would take more than the parent's share of the cores. A part comes in the worker's
message, or, for a file with many findings, in a file of its own in a spool folder: as one message, a
large draft's JSON report would be held several times over in both processes, and writing every part
to a file would cost the workers disk writes for nothing. Checked in process, a file's part is
rendered straight into the report. `PartsReport` owns this path (bench/README.md has the figures).

A format that writes this way declares `render_file(result, settings, out)` and
`write_parts(parts, stream, settings)`; its `write` is `write_parts(in_place(results), ...)`."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from checker.findings import FileResult
from checker.reporters import ReportSettings, reporters
from checker.reporters.summary import kinds_of

if TYPE_CHECKING:
    from typing import Self  # Python 3.11; annotations are never evaluated here

Render = Callable[[FileResult, ReportSettings, TextIO], None]
_SENT_WHOLE = 2000  # findings of a part that travels in a message: at most a few MB of JSON


@dataclass(slots=True)
class FilePart:
    """One file's part of a report: its counts, and one of its result (rendered when written), the
    bytes a batch worker rendered, or the file it rendered them into."""

    kinds: Counter  # kinds_of its findings
    findings: int  # how many: a part is truthy in `findings` like a FileResult (the exit code)
    path: str = ""  # the file, its context and its error, for a report's overview of the files
    context: dict | None = None
    error: str | None = None
    result: FileResult | None = None
    data: bytes | None = None
    spooled: str | None = None
    fails: bool = False  # its result's (the exit code)


class PartsReport:
    """The one report of a batch, written file by file: owns the parallel report path. A batch
    (engine/batch.py `check_each`) hands each file over as `part_made_in_worker(result)` in the worker
    that checked it and as `part_made_here(result)` when it was checked (or lost with a worker) in this
    process; `write` puts the parts in the report. Use it as a context manager: the spool folder for
    large parts is made on entry and removed, with whatever is left in it, on exit."""

    def __init__(self, format_name: str, settings: ReportSettings, encoding: str, errors: str = "strict") -> None:
        self.format_name = format_name
        self.settings = settings
        self.encoding, self.errors = encoding, errors  # the target stream's: the parent copies bytes into it
        self.folder = ""

    def __enter__(self) -> Self:
        self.folder = tempfile.mkdtemp(prefix="fazhi-lint-")
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def part_made_here(self, result: FileResult) -> FilePart:
        """A file checked in this process: its result, rendered straight into the report."""
        return kept_part(result)

    def part_made_in_worker(self, result: FileResult) -> FilePart:
        """A file checked in a batch worker: its part rendered there, sent in the message or spooled."""
        kinds, findings = kinds_of(result.findings), len(result.findings)
        if findings <= _SENT_WHOLE:
            data = io.BytesIO()
            out = io.TextIOWrapper(data, encoding=self.encoding, errors=self.errors)
            reporters()[self.format_name].render_file(result, self.settings, out)
            out.flush()
            return FilePart(kinds, findings, *_about(result), data=data.getvalue(), fails=result.fails)
        handle, path = tempfile.mkstemp(dir=self.folder)
        with open(handle, "w", encoding=self.encoding, errors=self.errors) as out:
            reporters()[self.format_name].render_file(result, self.settings, out)
        return FilePart(kinds, findings, *_about(result), spooled=path, fails=result.fails)

    def write(self, parts: Iterable[FilePart], stream: TextIO) -> None:
        reporters()[self.format_name].write_parts(parts, stream, self.settings)


def written_in_parts(format_name: str) -> bool:
    """Whether a format writes its report file by file (declares render_file and write_parts)."""
    return hasattr(reporters()[format_name], "write_parts")


def _about(result: FileResult) -> tuple[str, dict, str | None]:
    return result.path, result.context, result.error


def kept_part(result: FileResult) -> FilePart:
    return FilePart(kinds_of(result.findings), len(result.findings), *_about(result), result=result, fails=result.fails)


def in_place(results: Iterable[FileResult]) -> Iterator[FilePart]:
    """Results checked in this process, as the parts `write_parts` takes (rendered as it writes them)."""
    return map(kept_part, results)


def write_part(part: FilePart, stream: TextIO, render: Render, settings: ReportSettings) -> None:
    if part.result is not None:
        render(part.result, settings, stream)
        return
    stream.flush()
    if part.data is not None:
        stream.buffer.write(part.data)
        return
    with open(part.spooled, "rb") as source:
        shutil.copyfileobj(source, stream.buffer)
    os.remove(part.spooled)


def concatenated(render: Render) -> Callable[[Iterable[FilePart], TextIO, ReportSettings], None]:
    """`write_parts` of a format with neither head nor foot."""

    def write_parts(parts: Iterable[FilePart], stream: TextIO, settings: ReportSettings) -> None:
        for part in parts:
            write_part(part, stream, render, settings)

    return write_parts


def part_text(part: FilePart, render: Render, settings: ReportSettings, encoding: str, errors: str = "strict") -> str:
    """A part as text, for a format that puts the parts in an order of its own or needs all of them
    before its head (the HTML report): `encoding`/`errors` are the target stream's, which the
    worker encoded with."""
    if part.result is not None:
        out = io.StringIO()
        render(part.result, settings, out)
        return out.getvalue()
    if part.data is not None:
        return part.data.decode(encoding, errors)
    with open(part.spooled, encoding=encoding, errors=errors) as source:
        text = source.read()
    os.remove(part.spooled)
    return text
