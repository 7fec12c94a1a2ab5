"""Loaders: a path on disk (or stdin) → an analysed Document, or a LoadError with a clear message."""

from __future__ import annotations

import os

from checker.document import analyse
from checker.document.model import Document, GivenContext
from checker.loaders.errors import LoadError
from checker.loaders.txt import load_txt, load_txt_bytes

UNSUPPORTED = {".doc": "Word 97-2003", ".wps": "WPS", ".pdf": "PDF", ".rtf": "RTF", ".odt": "ODT", ".et": "WPS 表格"}


def load(path: str, given: GivenContext | None = None) -> Document:
    """Read and analyse one file; raises LoadError for anything that is not a readable draft."""
    extension = os.path.splitext(path)[1].lower()
    if extension in UNSUPPORTED:
        raise LoadError(f"不支持的格式（{UNSUPPORTED[extension]}），请另存为 .docx 后再检查", unsupported=True)
    if not os.path.exists(path):
        raise LoadError("路径不存在")
    if os.path.isdir(path):
        raise LoadError("是文件夹，不是文件")
    try:
        if extension == ".docx":
            from checker.loaders.docx import load_docx  # lxml and the .docx modules: only when needed

            document = load_docx(path)
        else:
            document = load_txt(path)
    except PermissionError:
        raise LoadError("没有读取权限") from None
    except OSError as error:
        raise LoadError(f"无法读取：{error.strerror or error}") from None
    return analyse(document, given)


def load_stdin(data: bytes, given: GivenContext | None = None) -> Document:
    return analyse(load_txt_bytes(data, "-"), given)
