"""What a run shows on the terminal besides its report: colour (NO_COLOR, FORCE_COLOR), a progress bar
while folders are checked, and, on stderr, the summary line and the statistics table whenever the
report on stdout is not the text report that carries them (a machine format, or only files)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import click

from checker.reporters import ReportSettings, reporters
from checker.reporters.summary import Tally, kinds_of, summary_line

Targets = list[tuple[str, "str | None"]]


def wants_color(choice: str, stream: TextIO) -> bool:
    """--color always|never as said; auto: NO_COLOR (set, not empty) turns it off and FORCE_COLOR
    (set, not empty, not 0) on, as https://no-color.org and most tools read them; else a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0").lower() not in ("", "0", "false"):
        return True
    return stream.isatty()


def stdout_reports(targets: Targets) -> list[str]:
    """The formats whose report goes to stdout. Those that write files of their own (their SUFFIX
    names them: the Word formats) only list on stdout what they wrote."""
    return [name for name, path in targets if path is None and not hasattr(reporters()[name], "SUFFIX")]


def _carried(targets: Targets) -> tuple[bool, bool]:
    """(summary line, statistics table): what the report on stdout writes itself."""
    on_stdout = stdout_reports(targets)
    report = on_stdout[0] if on_stdout else None
    return report in ("text", "concise"), report == "text"


class Counted:
    """Results (or report parts) counted on their one way through, for the lines on stderr."""

    def __init__(self, results: Iterable[Any]) -> None:
        self._results = results
        self.tally = Tally()

    def __iter__(self) -> Iterator[Any]:
        for result in self._results:
            self.tally.add(result.kinds if hasattr(result, "kinds") else kinds_of(result.findings))
            yield result


def needs_counting(targets: Targets, settings: ReportSettings) -> bool:
    summary, statistics = _carried(targets)
    return (not summary and not settings.quiet) or (settings.statistics and not statistics)


def write_to_stderr(counted: Counted, targets: Targets, settings: ReportSettings) -> None:
    """The summary line and the statistics table the report on stdout does not carry."""
    from checker.reporters.text import statistics_table

    summary_written, statistics_written = _carried(targets)
    summary = counted.tally.summary()
    if settings.statistics and not statistics_written:
        click.echo("\n".join(statistics_table(summary)), err=True)
    if not summary_written and not settings.quiet:
        click.echo(summary_line(summary), err=True)


@contextmanager
def progress(results: Iterable[Any], total: int, paths: Iterable[str], targets: Targets,
             quiet: bool) -> Iterator[Iterable[Any]]:
    """`results`, advancing click's progress bar on stderr as they come: when a folder is checked and
    stderr is a terminal, unless the findings stream onto that terminal themselves (the text report on
    a terminal stdout). Silent otherwise: a log or a pipe gets no bar."""
    shown = (not quiet and total > 1 and any(os.path.isdir(p) for p in paths) and sys.stderr.isatty()
             and not (stdout_reports(targets) and sys.stdout.isatty()))
    if not shown:
        yield results
        return
    with click.progressbar(length=total, label="检查", file=sys.stderr, show_pos=True, show_eta=True) as bar:
        def advancing() -> Iterator[Any]:
            for result in results:
                bar.update(1)
                yield result

        yield advancing()
