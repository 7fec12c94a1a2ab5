"""Loaders: a path on disk (or stdin) → an analysed Document, or a LoadError with a clear message."""

from __future__ import annotations

import os

from checker.document import analyse
from checker.document.model import Document, GivenContext, ReportContext
from checker.document.structure import Structure
from checker.loaders.errors import LoadError
from checker.loaders.reading import DEFAULT_MAX_FILE_SIZE, too_big
from checker.loaders.txt import load_txt, load_txt_bytes, parse_text

# Formats not read directly: the word processors' own are converted by LibreOffice when it is installed.
UNSUPPORTED = {".doc": "Word 97-2003", ".wps": "WPS", ".pdf": "PDF", ".rtf": "RTF", ".odt": "ODT", ".et": "WPS 表格"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and WPS 文字 files are OLE compound files
# extension → (LibreOffice's import filter, how such a file begins, its smallest size). The filter is
# named, not detected: LibreOffice would read any bytes it cannot place as plain text.
CONVERTIBLE = {
    ".doc": ("MS Word 97", _OLE, 1024),
    ".wps": ("MS Word 97", _OLE, 1024),
    ".rtf": ("Rich Text Format", b"{\\rtf", 6),
    ".odt": ("writer8", b"PK\x03\x04", 22),
}


def _converted(path: str, extension: str) -> Document:
    """An old or other word-processor format, read through a .docx copy made by LibreOffice."""
    from checker.loaders.docx import load_docx_bytes
    from checker.loaders.libreoffice import INSTALL_HINT, OfficeError, converted_copy, soffice

    label = UNSUPPORTED[extension]
    refused = f"不支持的格式（{label}），请另存为 .docx 后再检查"
    if soffice() is None:
        raise LoadError(f"{refused}；{INSTALL_HINT}", unsupported=True)
    import_filter, magic, smallest = CONVERTIBLE[extension]
    with open(path, "rb") as handle:
        start = handle.read(smallest)
    if len(start) < smallest or not start.startswith(magic):
        raise LoadError(f"{refused}（内容不是有效的 {label} 文件，未转换）", unsupported=True)
    try:
        with converted_copy(path, import_filter) as copy:
            data = copy.read_bytes()
    except OfficeError as error:
        raise LoadError(f"{refused}（LibreOffice 未能转换：{error.message}）", unsupported=True) from None
    document = load_docx_bytes(data, path)
    document.converted, document.converted_from = data, label
    return document


def load(path: str, max_bytes: int = DEFAULT_MAX_FILE_SIZE, given: GivenContext | None = None,
         context: ReportContext | None = None, structure: Structure | None = None) -> Document:
    """Read and analyse one file; raises LoadError for anything that is not a readable draft (a
    special file, more than `max_bytes` bytes). `given`: context values from outside (checker/document/context.py)."""
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

            document = load_docx(path, max_bytes)
        else:
            document = load_txt(path, max_bytes)
    except PermissionError:
        raise LoadError("没有读取权限") from None
    except OSError as error:
        raise LoadError(f"无法读取：{error.strerror or error}") from None
    return analyse(document, given, context, structure)


def load_stdin(data: bytes, max_bytes: int = DEFAULT_MAX_FILE_SIZE, given: GivenContext | None = None) -> Document:
    """`data`: what was read of standard input, at most one byte more than `max_bytes`."""
    if len(data) > max_bytes:
        raise too_big(max_bytes)
    return analyse(load_txt_bytes(data, "-"), given)


def document_from_text(text: str, path: str = "<text>", *, body: str | None = None, region: list[str] | None = None,
                       year: int | None = None) -> Document:
    """The analysed document of `text`; `body`/`region`/`year`, if given, go into the one decision of its
    report context (checker/document/context.py) and win there, as --body/--region/--year do."""
    return analyse(parse_text(text, path), api_context(body=body, region=region, year=year))


def api_context(*, body: str | None = None, region: list[str] | None = None, year: int | None = None) -> GivenContext:
    """Context values given through the API (certain; their evidence says "api")."""
    origin = {key: "api" for key, value in (("body", body), ("region", region), ("year", year)) if value is not None}
    return GivenContext(body, tuple(region) if region is not None else None, year, origin)
