"""Reading a multipart upload as it arrives: each file part goes straight into the request's
temporary folder, sizes are counted while reading, and the request is refused as soon as it
passes a limit (nothing is buffered whole in memory, nothing is written elsewhere)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import BinaryIO

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from checker.serve.limits import LimitError, Limits, file_too_large, request_too_large, too_many_files


@dataclass
class Received:
    """One uploaded file: its name as the user sees it, where it was saved (None if refused)."""

    name: str
    path: str | None
    error: str | None = None


@dataclass
class Upload:
    files: list[Received] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


def display_name(raw: str) -> str:
    """The file name without any folder a browser may send; control characters dropped."""
    name = raw.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable()).strip()
    return name[:120] or "未命名文件"


def safe_disk_name(name: str) -> str:
    """A name that is safe as one path component and keeps the extension the loaders dispatch on."""
    stem, extension = os.path.splitext(name)
    stem = "".join(c if c.isalnum() or c in "-_（）()" else "_" for c in stem)[:60].strip("._") or "file"
    extension = "".join(c for c in extension if c.isalnum() or c == ".")[:10]
    return stem + extension


class _PartReader:
    """Callbacks for python-multipart's streaming parser."""

    def __init__(self, folder: str, limits: Limits) -> None:
        self.folder, self.limits = folder, limits
        self.upload = Upload()
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._headers: dict[bytes, bytes] = {}
        self._file: BinaryIO | None = None
        self._current: Received | None = None
        self._size = 0
        self._field_name: str | None = None
        self._field_value = bytearray()
        self._limit = limits.file_bytes
        self.complete = False  # the closing boundary was seen

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": lambda data, start, end: self._header_field.extend(data[start:end]),
            "on_header_value": lambda data, start, end: self._header_value.extend(data[start:end]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_end": self._end,
        }

    def _end(self) -> None:
        self.complete = True

    def _part_begin(self) -> None:
        self._headers = {}
        self._size = 0

    def _header_end(self) -> None:
        self._headers[bytes(self._header_field).lower()] = bytes(self._header_value)
        self._header_field.clear()
        self._header_value.clear()

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b"").decode("latin-1"))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            self._field_name, self._field_value = name, bytearray()
            return
        self._field_name = None
        filename = options[b"filename"].decode("utf-8", "replace")
        if not filename:  # an empty file input still sends a part
            self._current = None
            return
        if len(self.upload.files) >= self.limits.files:
            raise too_many_files(self.limits)
        label = display_name(filename)
        # A zip of a folder may be larger than one draft: its entries are held to the file limit instead.
        self._limit = self.limits.request_bytes if label.lower().endswith(".zip") else self.limits.file_bytes
        folder = os.path.join(self.folder, f"upload-{len(self.upload.files):03d}")
        os.mkdir(folder)
        path = os.path.join(folder, safe_disk_name(label))
        self._current = Received(label, path)
        self.upload.files.append(self._current)
        self._file = open(path, "wb")  # noqa: SIM115 — stays open across parser callbacks; closed at part end or in close()

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        self._size += end - start
        if self._field_name is not None:
            if self._size > self.limits.field_chars * 4:  # UTF-8: at most 4 bytes a character
                raise LimitError(f"表单字段过长（最多 {self.limits.field_chars} 个字）。", status=400)
            self._field_value.extend(data[start:end])
        elif self._current is not None and self._file is not None:
            if self._size > self._limit:
                self._refuse_current(file_too_large(self.limits))
            else:
                self._file.write(data[start:end])

    def _refuse_current(self, message: str) -> None:
        """Too large: stop writing, drop what was written; the rest of the part is read and discarded."""
        assert self._current is not None and self._file is not None
        self._file.close()
        self._file = None
        os.remove(self._current.path)
        self._current.path, self._current.error = None, message

    def _part_end(self) -> None:
        if self._field_name is not None:
            self.upload.fields[self._field_name] = self._field_value.decode("utf-8", "replace").strip()
        if self._file is not None:
            self._file.close()
            self._file = None
        self._current, self._field_name = None, None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


async def receive_upload(content_type: str, chunks: AsyncIterator[bytes], folder: str, limits: Limits) -> Upload:
    """Parse a multipart/form-data body into `folder`; raises LimitError for a request that is refused whole."""
    kind, options = parse_options_header(content_type)
    if kind != b"multipart/form-data" or b"boundary" not in options:
        raise LimitError("请通过页面上的表单上传文件。", status=400)
    reader = _PartReader(folder, limits)
    parser = MultipartParser(options[b"boundary"], reader.callbacks())
    received = 0
    try:
        async for chunk in chunks:
            received += len(chunk)
            if received > limits.request_bytes:
                raise request_too_large(limits)
            parser.write(chunk)
        parser.finalize()
        if not reader.complete:
            raise MultipartParseError("no closing boundary")
    except MultipartParseError:
        raise LimitError("上传的数据不完整或已损坏，请重新上传。", status=400) from None
    finally:
        reader.close()
    return reader.upload
