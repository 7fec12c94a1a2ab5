"""Reading a draft's bytes: regular files only, and never more than a size cap.

A FIFO would block the run forever, a device (/dev/zero, through a symlink named *.txt) would be
read until memory runs out. The file is opened without blocking and looked at through its open
handle (no window between looking and reading), then read to at most the cap plus one byte: a file
that grows while it is read is refused like one that was too big from the start.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

import regex

from checker.loaders.errors import LoadError

MB = 1 << 20
# Far above any real draft (a long report with photos is a few MB) and far below what would strain
# the memory of the machine checking it.
DEFAULT_MAX_FILE_SIZE = 100 * MB
_UNITS = {"": MB, "K": 1 << 10, "KB": 1 << 10, "M": MB, "MB": MB, "G": 1 << 30, "GB": 1 << 30}
_SIZE = regex.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")
_KINDS = ((stat.S_ISFIFO, "命名管道"), (stat.S_ISSOCK, "套接字"), (stat.S_ISCHR, "字符设备"),
          (stat.S_ISBLK, "块设备"), (stat.S_ISDIR, "文件夹"))


def parse_size(text: str | int) -> int:
    """"100MB", "512KB", "2GB", "100" (MB) → bytes; ValueError with the user's message otherwise."""
    match = _SIZE.fullmatch(str(text))
    unit = match and match.group(2).upper()
    if not match or unit not in _UNITS or float(match.group(1)) <= 0:
        raise ValueError(f"文件大小「{text}」无效（如 100MB、512KB、2GB；只写数字时单位为 MB）")
    return int(float(match.group(1)) * _UNITS[unit])


def describe_size(size: int) -> str:
    return f"{size / MB:g} MB" if size >= MB else f"{size / 1024:g} KB"


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is ("命名管道"…), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "特殊文件")


def not_regular(kind: str) -> LoadError:
    return LoadError(f"不是普通文件（{kind}），未读取")


def too_big(limit: int) -> LoadError:
    return LoadError(f"文件超过 {describe_size(limit)} 的大小上限，未读取（可用 --max-file-size 或配置项 max-file-size 调高）")


def read_at_most(stream: BinaryIO, count: int, expected: int = 0) -> bytes:
    """The first `count` bytes of `stream` (fewer at its end), read in pieces from the `expected`
    size plus one byte: one read of `count` bytes allocates all of them first (100 MB for every small
    draft, or an allocation that fails under a raised cap)."""
    pieces, size, want = [], 0, min(expected, count - 1) + 1
    while size < count and (piece := stream.read(min(want, count - size))):
        pieces.append(piece)
        size += len(piece)
        want = max(want, 1 << 16)
    return b"".join(pieces)


def read_limited(stream: BinaryIO, limit: int, expected: int = 0) -> bytes:
    """At most `limit` bytes of `stream`; LoadError if it holds more."""
    data = read_at_most(stream, limit + 1, expected)
    if len(data) > limit:
        raise too_big(limit)
    return data


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of the regular file `path`; LoadError for anything else or anything bigger than `limit`."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(handle)
        kind = special_kind(info.st_mode)
        if kind:
            raise not_regular(kind)
        if info.st_size > limit:
            raise too_big(limit)
        return read_limited(stream, limit, info.st_size)
