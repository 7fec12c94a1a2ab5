"""A batch report as one self-contained HTML file (inline style and script, nothing fetched): the
overview of the files first (发文机关, 年度, counts, main categories; sortable, file names in natural
order), filters by severity, category, rule, file and text, a bar chart per category, the rules
that fired as the run describes them (user packs and configured severities included), then a block
per file, its findings grouped by rule (html_view.py), collapsed beyond COLLAPSE_BEYOND files.

The markup comes from Jinja2 templates (html_templates/) with autoescaping on: every string from a
draft (file names, excerpts, inferred 发文机关) is escaped by default, where string building had to
remember `escape()` at each of some forty places, and the page's structure reads as HTML.

Each file's findings are rendered where it was checked (a batch worker, see parts.py); the parent
renders the overview, the file blocks' heads (it knows how many files there are, and their order)
and puts the parts in natural file-name order."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TextIO

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from checker import __version__
from checker.findings import CATEGORIES, CATEGORY_LABELS, FileResult, RuleInfo, Severity
from checker.reporters import ReportSettings
from checker.reporters.catalog import rule_info
from checker.reporters.html_view import OverviewRow, file_view, overview_row
from checker.reporters.natural import natural_key
from checker.reporters.partners import PANEL_TITLE, partner_lines, partners_of
from checker.reporters.parts import FilePart, in_place, part_text
from checker.reporters.summary import Tally, summary_line

FORMAT = "html"
DESCRIPTION = "HTML 批量报告（单个离线文件：文件一览、筛选、按规则归并的问题）"

COLLAPSE_BEYOND = 20  # files: with more, each file's block starts collapsed
SEVERITY_LABELS = tuple((s.value, s.label) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))


@dataclass(frozen=True)
class Panel:
    """An extra panel at the top of a file's block (e.g. drafts that copy each other): `html` is
    trusted markup, made by a template."""

    key: str
    title: str
    html: Markup


PanelMaker = Callable[[str], Iterable[Panel]]  # a file's path → the extra panels of its block


@dataclass(frozen=True)
class FileEntry:
    row: OverviewRow
    body: Markup  # its findings, rendered by file.html.j2
    panels: tuple[Panel, ...] = ()


@cache
def environment() -> Environment:
    return Environment(loader=PackageLoader("checker.reporters", "html_templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@cache
def asset(name: str) -> Markup:
    """The report's own style or script (trusted: part of the package)."""
    return Markup(environment().loader.get_source(environment(), name)[0])


def file_body(result: FileResult) -> Markup:
    """One file's findings: the inside of its block."""
    return Markup(environment().get_template("file.html.j2").render(view=file_view(result), error=result.error,
                                                                    partners=partners_of(result.findings),
                                                                    partner_lines=partner_lines, panel=PANEL_TITLE))


def render_file(result: FileResult, settings: ReportSettings, out: TextIO) -> None:
    out.write(file_body(result))


def _entry(part: FilePart, body: str, extra_panels: PanelMaker | None) -> FileEntry:
    panels = tuple(extra_panels(part.path)) if extra_panels else ()
    return FileEntry(overview_row(part.path, part.context, part.error, part.kinds), Markup(body), panels)


def _rules_and_categories(tally: Tally) -> tuple[list, list, list]:
    summary = tally.summary()
    rules = sorted((rule, name, category, count) for (rule, name, category), count in summary.by_rule.items())
    categories = [(c, CATEGORY_LABELS[c], summary.by_category[c]) for c in CATEGORIES if summary.by_category.get(c)]
    bars = [(key, label, count) for key, label, count in categories]
    return rules, categories, bars


@dataclass(frozen=True)
class RuleRow:
    """A rule that fired, in the report's rule table: as the run describes it, and its findings."""

    info: RuleInfo
    count: int

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.info.category, self.info.category)


def _rule_rows(tally: Tally, rules: list, known: Mapping[str, RuleInfo]) -> list[RuleRow]:
    """`rules`: (rule, name, category, findings) of the rules that fired, in id order."""
    severity = {kind[0]: kind[3] for kind in tally.kinds}  # for a rule the run did not describe
    return [RuleRow(rule_info(known, rule, name, category, severity[rule]), count) for rule, name, category, count in rules]


def write_parts(parts: Iterable[FilePart], stream: TextIO, settings: ReportSettings,
                today: datetime.date | None = None, extra_panels: PanelMaker | None = None) -> None:
    """The report. `extra_panels`: what a cross-file check adds to each file's block."""
    encoding, errors = getattr(stream, "encoding", None) or "utf-8", getattr(stream, "errors", None) or "strict"
    tally = Tally()
    entries = [_entry(part, part_text(part, render_file, settings, encoding, errors), extra_panels)
               for part in tally.passing(parts)]
    entries.sort(key=lambda e: natural_key(e.row.path))
    rules, categories, bars = _rules_and_categories(tally)
    date = (today or datetime.date.today()).isoformat()
    page = environment().get_template("report.html.j2").generate(
        version=__version__, style=asset("report.css"), script=asset("report.js"),
        summary=f"{summary_line(tally.summary())}。生成于 {date}，fazhi-lint {__version__}。",
        severities=SEVERITY_LABELS, categories=categories, rules=rules, bars=bars,
        rule_rows=_rule_rows(tally, rules, settings.rules),
        rows=[e.row for e in entries], files=entries, open=len(entries) <= COLLAPSE_BEYOND,
    )
    stream.writelines(page)
    stream.write("\n")


def render(results: list[FileResult], today: datetime.date | None = None) -> str:
    import io

    out = io.StringIO()
    write_parts(in_place(results), out, ReportSettings(), today)
    return out.getvalue()


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    write_parts(in_place(results), stream, settings)
