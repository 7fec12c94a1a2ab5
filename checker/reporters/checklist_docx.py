"""The fix-up checklist as a printable Word table, one `<name>.checklist.docx` per draft (next to
it or in --output-dir; an existing file is kept unless --force): 序号, 位置, 问题, 修改建议 and a
box to tick, grouped by the report's sections. (The work is in checklist_table.py, imported only
when this format is used.)"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from checker.findings import FileResult
from checker.generated import CHECKLIST_SUFFIX as SUFFIX
from checker.reporters import ReportSettings
from checker.reporters.outputs import write_each

FORMAT = "checklist-docx"
DESCRIPTION = "修改清单（Word 表格，<名称>.checklist.docx，可打印）"
NEEDS_DOCUMENT = True


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    from checker.reporters.checklist_table import write_checklist

    write_each(results, stream, settings, SUFFIX, write_checklist)
