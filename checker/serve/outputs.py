"""The downloads, made by the reporters (the desk never re-implements one) and held in memory: the
files a reporter writes go to the request's temporary folder and are read back at once."""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from checker.findings import FileResult
from checker.fixes import applicable
from checker.generated import FIXED_SUFFIX
from checker.reporters import ReportSettings, reporters

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Reporters that write one Word file per draft: (format, link text).
PER_FILE = (("docx", "批注版 Word"), ("checklist-docx", "修改清单（Word）"))


@dataclass(frozen=True)
class Download:
    label: str  # the link's text
    filename: str
    media_type: str
    data: bytes
    folder: str = ""  # where the draft was inside an uploaded zip: the same place in the batch's .zip


def _text_report(format_: str, results: list[FileResult]) -> bytes:
    stream = io.StringIO()
    reporters()[format_].write(results, stream, ReportSettings())
    return stream.getvalue().encode("utf-8")


def file_downloads(result: FileResult, shown_name: str, scratch: str) -> list[Download]:
    """What one draft offers, at the top of its block: the Word files made for it, its JSON, and
    all of them in one .zip. `result.path` is the uploaded file (the Word copies start from it);
    `scratch`, an empty folder the reporters may write into; `shown_name`, the draft's name as the
    user knows it, which the downloads are named after."""
    if result.document is None:
        return []
    shown = PurePosixPath(shown_name)
    stem, folder = shown.stem or "草稿", str(shown.parent).strip(".")
    downloads = []
    for format_, label in PER_FILE:
        reporter = reporters()[format_]
        out = os.path.join(scratch, format_)
        reporter.write([result], io.StringIO(), ReportSettings(output_dir=out))
        written = Path(out) / f"{Path(result.path).stem}{reporter.SUFFIX}"
        downloads.append(Download(label, f"{stem}{reporter.SUFFIX}", DOCX, written.read_bytes(), folder))
    fixed = _fixed_copy(result)
    if fixed is not None:
        downloads.insert(1, Download("修订版 Word", f"{stem}{FIXED_SUFFIX}", DOCX, fixed, folder))
    shown_result = replace(result, path=shown_name, document=None)
    downloads.append(Download("JSON", f"{stem}.fazhi-lint.json", "application/json", _text_report("json", [shown_result]), folder))
    bundle = _bundle([replace(d, folder="") for d in downloads])
    downloads.append(Download("全部（.zip）", f"{stem}.fazhi-lint.zip", "application/zip", bundle, folder))
    return downloads


def _fixed_copy(result: FileResult) -> bytes | None:
    """A .docx draft with its safe fixes as tracked changes (fix_docx: the copy `check --fix` writes),
    or None when it has none to apply."""
    from checker.word.files import word_source
    from checker.word.fixes import FixedCopyMismatch, fix_docx

    if result.format != "docx" or not applicable(result.findings, unsafe=False):
        return None
    try:
        return fix_docx(word_source(result.path, result.document), result.document, result.findings, False).data
    except FixedCopyMismatch:
        return None


def _unique(name: str, used: set[str]) -> str:
    """"甲.reviewed.docx" a second time (two uploads of the same name) → "甲（2）.reviewed.docx"."""
    folder, base = posixpath.split(name)
    stem, dot, suffix = base.partition(".")
    copy = 1
    while name in used:
        copy += 1
        name = posixpath.join(folder, f"{stem}（{copy}）{dot}{suffix}")
    used.add(name)
    return name


def _bundle(downloads: list[Download]) -> bytes:
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # .docx is already compressed
        for download in downloads:
            archive.writestr(_unique(posixpath.join(download.folder, download.filename), used), download.data)
    return buffer.getvalue()


def batch_downloads(results: list[FileResult], per_file: list[Download]) -> list[Download]:
    """What the whole batch offers: the checklist (Markdown), the JSON and, for more than one
    draft, every Word file of the batch in one .zip."""
    downloads = [
        Download("修改清单（Markdown）", "修改清单.md", "text/markdown;charset=utf-8", _text_report("checklist", results)),
        Download("JSON", "fazhi-lint.json", "application/json", _text_report("json", results)),
    ]
    word_files = [d for d in per_file if d.media_type == DOCX]
    if len(results) > 1 and word_files:
        downloads.insert(0, Download("全部 Word 文件（.zip）", "fazhi-lint-审阅.zip", "application/zip", _bundle(word_files)))
    return downloads
