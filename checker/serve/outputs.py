"""The downloads, made by the reporters (the desk never re-implements one) and held in memory: the
files a reporter writes go to the request's temporary folder and are read back at once."""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from checker.engine.batch import FileResult
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
    """The Word files made for one draft. `result.path` is the uploaded file (the reviewed copy is
    made from it); `scratch`, an empty folder the reporters may write into; `shown_name`, the
    draft's name as the user knows it, which the downloads are named after."""
    if result.document is None:
        return []
    shown = PurePosixPath(shown_name)
    downloads = []
    for format_, label in PER_FILE:
        reporter = reporters()[format_]
        out = os.path.join(scratch, format_)
        reporter.write([result], io.StringIO(), ReportSettings(output_dir=out))
        written = Path(out) / f"{Path(result.path).stem}{reporter.SUFFIX}"
        name = f"{shown.stem or '草稿'}{reporter.SUFFIX}"
        downloads.append(Download(label, name, DOCX, written.read_bytes(), str(shown.parent).strip(".")))
    return downloads


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


def batch_downloads(results: list[FileResult], word_files: list[Download]) -> list[Download]:
    """What the whole batch offers: the checklist (Markdown), the JSON and, for more than one
    draft, every Word file of the batch in one .zip."""
    downloads = [
        Download("修改清单（Markdown）", "修改清单.md", "text/markdown;charset=utf-8", _text_report("checklist", results)),
        Download("JSON", "fazhi-lint.json", "application/json", _text_report("json", results)),
    ]
    if len(results) > 1 and word_files:
        downloads.insert(0, Download("全部 Word 文件（.zip）", "fazhi-lint-审阅.zip", "application/zip", _bundle(word_files)))
    return downloads
