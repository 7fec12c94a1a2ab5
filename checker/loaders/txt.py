"""Plain-text drafts: encoding detection without extra dependencies, one view line per file line.

Order of trust: a BOM (UTF-8, UTF-16), then strict UTF-8, then GB18030 (a superset of GBK/GB2312,
what Notepad on Chinese Windows writes as "ANSI"). Text with NUL bytes or C0 control characters is
not a draft. Full-width spaces and tabs are kept: indentation is information.
"""

from __future__ import annotations

import codecs
import re

import regex

from checker.document.model import Document, Paragraph
from checker.loaders.errors import LoadError
from checker.loaders.reading import DEFAULT_MAX_FILE_SIZE, read_regular

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NEWLINE = regex.compile(r"\r\n|\r|\n")
# The standard library's engine finds a character class in a long text faster than `regex` (bench/README.md).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise LoadError(f"带 {encoding} 标记，但第 {error.start} 字节处无法解码") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise LoadError(f"不是文本文件：第 {nul} 字节为 NUL（二进制内容？）")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as gb_error:
            encoding, error = max((("UTF-8", utf8_error), ("GB18030", gb_error)), key=lambda pair: pair[1].start)
            raise LoadError(f"无法识别编码：第 {error.start} 字节处不是有效的 {encoding}（也不是 UTF-8/GB18030/UTF-16）") from None


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    counts = {"\r\n": crlf, "\n": text.count("\n") - crlf, "\r": text.count("\r") - crlf}
    return max(counts, key=counts.get) if any(counts.values()) else "\n"


def parse_text(text: str, path: str, encoding: str | None = None) -> Document:
    """A document from decoded text (also used for stdin and rule examples)."""
    if control := _CONTROL.search(text):
        raise LoadError(f"不是文本文件：第 {control.start()} 个字符是控制字符 U+{ord(control.group()):04X}")
    if not text.strip():
        raise LoadError("文件为空")
    carriage_returns = "\r" in text
    lines = _NEWLINE.split(text) if carriage_returns else text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start a new one
    paragraphs = [Paragraph(i, line, i + 1) for i, line in enumerate(lines)]  # (index, text, line)
    # without a "\r" the only line ending is "\n": no need to count them
    newline = _dominant_newline(text) if carriage_returns else "\n"
    return Document(path=path, format="txt", paragraphs=paragraphs, encoding=encoding, newline=newline)


def load_txt_bytes(data: bytes, path: str) -> Document:
    text, encoding = _decode(data)
    return parse_text(text.removeprefix("\ufeff"), path, encoding)


def load_txt(path: str, max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    return load_txt_bytes(read_regular(path, max_bytes), path)
