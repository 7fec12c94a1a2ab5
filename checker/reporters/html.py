"""A batch report as one self-contained HTML file (inline style, script and SVG; nothing fetched):
a sortable table of files with counts by severity and category, a bar chart of findings per
category across the batch, and per file every finding in its context with the flagged text marked."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from html import escape
from typing import TextIO

from checker import __version__
from checker.engine.batch import FileResult
from checker.findings import CATEGORIES, CATEGORY_LABELS, Finding, Severity
from checker.reporters import ReportSettings
from checker.reporters.checklist_items import SectionLocator
from checker.reporters.describe import fix_suggestion
from checker.reporters.html_assets import SCRIPT, STYLE
from checker.reporters.html_chart import bar_chart
from checker.reporters.partners import panel_html
from checker.reporters.summary import summarise, summary_line

FORMAT = "html"
DESCRIPTION = "HTML 批量报告（单个离线文件，可排序表格与图表）"
NEEDS_DOCUMENT = True  # findings are grouped by the report's own sections

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_CONTEXT = 40  # characters shown on each side of the flagged text


def _categories(results: list[FileResult]) -> list[str]:
    present = {f.category for r in results for f in r.findings}
    return [c for c in CATEGORIES if c in present]


def _cell(count: int) -> str:
    return f'<td class="zero">{count}</td>' if count == 0 else f"<td>{count}</td>"


def _file_table(results: list[FileResult], categories: list[str]) -> str:
    columns = [("total", "问题"), *((s.value, s.label) for s in SEVERITIES), *((c, CATEGORY_LABELS[c]) for c in categories)]
    head = '<th data-key="file">文件</th>' + "".join(
        f'<th data-key="{key}" data-type="number">{escape(label)}</th>' for key, label in columns)
    rows = []
    for number, result in enumerate(results, 1):
        severities = Counter(f.severity for f in result.findings)
        kinds = Counter(f.category for f in result.findings)
        cells = [_cell(len(result.findings)), *(_cell(severities[s]) for s in SEVERITIES), *(_cell(kinds[c]) for c in categories)]
        failed = ' class="failed"' if result.error else ""
        rows.append(f'<tr{failed} data-path="{escape(result.path)}"><td data-value="{escape(result.path)}">'
                    f'<a href="#file-{number}">{escape(result.path)}</a></td>{"".join(cells)}</tr>')
    return f'<table id="file-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _in_context(finding: Finding) -> str:
    line = finding.excerpt
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    left, right = max(0, start - _CONTEXT), min(len(line), end + _CONTEXT)
    before = ("…" if left else "") + line[left:start]
    after = line[end:right] + ("…" if right < len(line) else "")
    return f"{escape(before)}<mark>{escape(line[start:end])}</mark>{escape(after)}"


def _finding(finding: Finding, unit: str) -> str:
    parts = [
        f'<li class="finding severity-{finding.severity.value}" data-rule="{finding.rule}">',
        (f'<div><span class="rule">{finding.rule}</span> <span class="sev">{finding.severity.label}</span> '
         f'{escape(finding.message)} <span class="where">第{finding.line}{unit}第{finding.column}字 · {escape(finding.name)}</span></div>'),
    ]
    if finding.excerpt.strip():
        parts.append(f'<div class="context">{_in_context(finding)}</div>')
    suggestion = fix_suggestion(finding)
    if suggestion:
        parts.append(f'<div class="fix">建议：{escape(suggestion)}</div>')
    parts.append("</li>")
    return "".join(parts)


def _by_section(result: FileResult, unit: str) -> str:
    """Findings under the report's own first-level sections (一、二、…), in document order."""
    locator = SectionLocator(result.document)
    groups: dict[str, list[Finding]] = {}
    for finding in result.findings:
        groups.setdefault(locator.place(finding)[0], []).append(finding)
    return "".join(
        f'<h3 class="section">{escape(title)}</h3><ol class="findings">{"".join(_finding(f, unit) for f in findings)}</ol>'
        for title, findings in groups.items()
    )


def file_section(number: int, result: FileResult) -> str:
    """One file's part of the report (also the per-file view of the web desk)."""
    context = result.context or {}
    facts = f"发文机关：{context.get('body') or '（未能推断）'}；报告年度：{context.get('year') or '（未能推断）'}"
    parts = [f'<section class="file" id="file-{number}"><h2>{escape(result.path)}</h2><p class="summary">{escape(facts)}</p>']
    if result.error:
        parts.append(f'<p class="error">未能检查：{escape(result.error)}</p>')
    parts.append(panel_html(result.findings))  # the other drafts (and last year's report) it shares text with
    if result.findings:
        unit = "段" if result.format == "docx" else "行"
        parts.append(_by_section(result, unit))
    elif not result.error:
        parts.append('<p class="empty">未发现问题</p>')
    parts.append("</section>")
    return "".join(parts)


def render(results: list[FileResult], today: datetime.date | None = None) -> str:
    categories = _categories(results)
    totals = summarise(results).by_category
    bars = [(c, CATEGORY_LABELS[c], totals[c]) for c in categories]
    date = (today or datetime.date.today()).isoformat()
    summary = f"{summary_line(summarise(results))}。生成于 {date}，fazhi-lint {__version__}。"
    return "".join([
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>fazhi-lint 检查报告</title><style>{STYLE}</style></head><body>",
        f'<h1>fazhi-lint 检查报告</h1><p class="summary" id="summary">{escape(summary)}</p>',
        f'<h2>各类问题数量</h2><div id="chart">{bar_chart(bars, "各类问题数量")}</div>',
        f'<h2>文件一览</h2>{_file_table(results, categories)}',
        *(file_section(number, result) for number, result in enumerate(results, 1)),
        f"<script>{SCRIPT}</script></body></html>\n",
    ])


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    stream.write(render(list(results)))  # the summary, chart and table come first: every result is needed
