"""Reports written file by file, in file order, between a head and a foot made from the counts.

With --jobs, each file's part is rendered in the batch worker that checked it, into a file of its
own in a spool folder, and the parent copies those bytes into the report: moving ~260,000 findings
between processes and formatting them in the parent took more than the parent's share of the two
cores, and a whole part sent as one message held a large draft's report several times in memory.
Checked in process, a file's part is rendered straight into the report.

A format that writes this way declares `render_file(result, settings, out)` and
`write_parts(parts, stream, settings)`; its `write` is `write_parts(in_place(results), ...)`.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from checker.engine.batch import FileResult
from checker.reporters import ReportSettings
from checker.reporters.summary import kinds_of

Render = Callable[[FileResult, ReportSettings, TextIO], None]


@dataclass(slots=True)
class FilePart:
    """One file's part of a report: its counts, and either its result (rendered when written) or
    the file a batch worker rendered it into."""

    kinds: Counter  # kinds_of its findings
    findings: int  # how many: a part is truthy in `findings` like a FileResult (the exit code)
    result: FileResult | None = None
    spooled: str | None = None


@dataclass(frozen=True)
class Spool:
    """How a worker renders parts: the format, its settings, the target stream's encoding, and the folder."""

    render: Render
    settings: ReportSettings
    encoding: str
    errors: str
    folder: str


def in_place(results: Iterable[FileResult]) -> Iterator[FilePart]:
    return (FilePart(kinds_of(result.findings), len(result.findings), result=result) for result in results)


def part_of(spool: Spool, result: FileResult) -> FilePart:
    """In a batch worker, the part rendered into the spool; in the main process, the result kept to be
    rendered straight into the report."""
    if multiprocessing.parent_process() is None:
        return next(in_place([result]))
    handle, path = tempfile.mkstemp(dir=spool.folder)
    with open(handle, "w", encoding=spool.encoding, errors=spool.errors) as out:
        spool.render(result, spool.settings, out)
    return FilePart(kinds_of(result.findings), len(result.findings), spooled=path)


def write_part(part: FilePart, stream: TextIO, render: Render, settings: ReportSettings) -> None:
    if part.spooled is None:
        render(part.result, settings, stream)
        return
    stream.flush()
    with open(part.spooled, "rb") as source:
        shutil.copyfileobj(source, stream.buffer)
    os.remove(part.spooled)


def concatenated(render: Render) -> Callable[[Iterable[FilePart], TextIO, ReportSettings], None]:
    """`write_parts` of a format with neither head nor foot."""

    def write_parts(parts: Iterable[FilePart], stream: TextIO, settings: ReportSettings) -> None:
        for part in parts:
            write_part(part, stream, render, settings)

    return write_parts
