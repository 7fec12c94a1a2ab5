"""Fix-up checklist in Markdown, per file: a header (body, year, counts, date), then the findings
grouped by the report's own sections and by severity, numbered, each a checkbox with where, what
and the suggested fix. Renders as a task list on GitHub/GitLab and reads fine as plain text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from checker.findings import FileResult
from checker.reporters import ReportSettings
from checker.reporters.checklist_items import FileChecklist, build_checklist, counts_text

FORMAT = "checklist"
DESCRIPTION = "修改清单（Markdown，按报告章节分组、带勾选框）"
NEEDS_DOCUMENT = True


def _escape(text: str) -> str:
    """Markdown would read * _ ` [ ] < as markup; the drafts' text must show as typed."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def render(checklist: FileChecklist) -> str:
    lines = [f"# 修改清单：{_escape(checklist.title)}", ""]
    lines.append(f"- 文件：`{checklist.path}`")
    lines.append(f"- 发文机关：{_escape(checklist.body or '（未能推断）')}；报告年度：{checklist.year or '（未能推断）'}")
    lines.append(f"- 问题：{counts_text(checklist)}")
    lines.append(f"- 生成日期：{checklist.date}（fazhi-lint）")
    if checklist.error:
        lines.append(f"- **未能检查**：{_escape(checklist.error)}")
    for section in checklist.sections:
        lines += ["", f"## {_escape(section.title)}"]
        for severity, items in section.by_severity.items():
            lines += ["", f"### {severity.label}（{len(items)}）", ""]
            for item in items:
                lines.append(f"- [ ] **{item.number}.** {_escape(item.where)}：{_escape(item.what)}")
                lines.append(f"  - 修改：{_escape(item.fix)}")
    return "\n".join(lines) + "\n"


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    stream.writelines(("\n---\n\n" if position else "") + render(build_checklist(result))
                      for position, result in enumerate(results))
