"""The reviewed draft: `<name>.reviewed.docx` with the findings as Word comments (author
"fazhi-lint": rule id, message, suggested fix) on the characters it concerns; a .txt draft becomes
a Word file of its lines. Written next to the input or into --output-dir; the input is never
written, an existing output is kept unless --force. (The work is in word/review.py, imported only
when this format is used: python-docx is slow to import.)"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from checker.findings import FileResult
from checker.generated import REVIEWED_SUFFIX as SUFFIX
from checker.reporters import ReportSettings
from checker.reporters.outputs import save_word, write_each

FORMAT = "docx"
DESCRIPTION = "Word 批注版（<名称>.reviewed.docx，问题写成批注，同段重复合并）"
NEEDS_DOCUMENT = True


def _write_reviewed(result: FileResult, target: Path, settings: ReportSettings) -> str:
    from checker.word.review import build_reviewed

    reviewed = build_reviewed(result, settings.word_detail, settings.review_fixes)
    save_word(reviewed.word, target)
    return reviewed.summary()


def write(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings) -> None:
    write_each(results, stream, settings, SUFFIX, lambda result, target: _write_reviewed(result, target, settings),
               lambda result: "未能读取，没有生成批注版" if result.document is None else None)
