"""Loaders: a path on disk (or stdin) → an analysed Document, or a LoadError with a clear message."""

from __future__ import annotations

import os

from checker.document import analyse
from checker.document.model import Document
from checker.loaders.errors import LoadError
from checker.loaders.txt import load_txt, load_txt_bytes

# Formats not read directly: the word processors' own are converted by LibreOffice when it is installed.
UNSUPPORTED = {".doc": "Word 97-2003", ".wps": "WPS", ".pdf": "PDF", ".rtf": "RTF", ".odt": "ODT", ".et": "WPS 表格"}
CONVERTIBLE = (".doc", ".wps", ".rtf", ".odt")


def _converted(path: str, extension: str) -> Document:
    """An old or other word-processor format, read through a .docx copy made by LibreOffice."""
    from checker.loaders.docx import load_docx_bytes
    from checker.loaders.libreoffice import INSTALL_HINT, OfficeError, converted_copy, soffice

    if soffice() is None:
        raise LoadError(f"不支持的格式（{UNSUPPORTED[extension]}），请另存为 .docx 后再检查；{INSTALL_HINT}", unsupported=True)
    try:
        with converted_copy(path) as copy:
            data = copy.read_bytes()
    except OfficeError as error:
        raise LoadError(f"{UNSUPPORTED[extension]} 文件转换失败：{error.message}") from None
    document = load_docx_bytes(data, path)
    document.converted, document.converted_from = data, UNSUPPORTED[extension]
    return document


def load(path: str) -> Document:
    """Read and analyse one file; raises LoadError for anything that is not a readable draft."""
    extension = os.path.splitext(path)[1].lower()
    if extension in UNSUPPORTED and extension not in CONVERTIBLE:
        raise LoadError(f"不支持的格式（{UNSUPPORTED[extension]}），请另存为 .docx 后再检查", unsupported=True)
    if not os.path.exists(path):
        raise LoadError("路径不存在")
    if os.path.isdir(path):
        raise LoadError("是文件夹，不是文件")
    try:
        if extension in CONVERTIBLE:
            document = _converted(path, extension)
        elif extension == ".docx":
            from checker.loaders.docx import load_docx  # lxml and the .docx modules: only when needed

            document = load_docx(path)
        else:
            document = load_txt(path)
    except PermissionError:
        raise LoadError("没有读取权限") from None
    except OSError as error:
        raise LoadError(f"无法读取：{error.strerror or error}") from None
    return analyse(document)


def load_stdin(data: bytes) -> Document:
    return analyse(load_txt_bytes(data, "-"))
