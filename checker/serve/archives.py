"""Unpacking one uploaded .zip of a folder of drafts, defensively: a bounded number of entries, no
path leaves the folder (entries are written under numbered names, never under their own path), sizes
are counted while inflating (the sizes a zip declares can lie), and an entry that inflates far more
than drafts do is taken for a zip bomb. A bad zip fails alone: its problem is reported for the zip."""

from __future__ import annotations

import os
import posixpath
import zipfile
import zlib
from dataclasses import dataclass

from checker.loaders import UNSUPPORTED
from checker.loaders.discover import DEFAULT_EXTENSIONS
from checker.serve.limits import Limits, file_too_large, size_text
from checker.serve.uploads import Received, safe_disk_name

_CHUNK = 64 * 1024


class ZipRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class _Entry:
    info: zipfile.ZipInfo
    name: str  # the path inside the zip, decoded


def entry_name(info: zipfile.ZipInfo) -> str:
    """Windows' built-in zip writes Chinese names in GBK without the UTF-8 flag; Python then reads
    them as cp437. Undo that so 延庆区.docx is not shown as mojibake."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _is_unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts


def _is_draft(name: str) -> bool:
    """As for a folder on the command line: .txt/.docx, and the formats the user must hear are
    unsupported; not folders, macOS resource forks, hidden files, Word lock files or pictures."""
    parts = name.split("/")
    if name.endswith("/") or parts[0] == "__MACOSX" or any(p.startswith((".", "~$")) for p in parts):
        return False
    extension = posixpath.splitext(name)[1].lower()
    return extension in DEFAULT_EXTENSIONS or extension in UNSUPPORTED or extension == ".zip"


def _entries(archive: zipfile.ZipFile, limits: Limits) -> list[_Entry]:
    infos = archive.infolist()
    if len(infos) > limits.zip_entries:
        raise ZipRefused(f"压缩包中的条目超过 {limits.zip_entries} 个，未检查。请分批打包。")
    entries = [_Entry(info, entry_name(info)) for info in infos]
    unsafe = next((e.name for e in entries if _is_unsafe(e.name)), None)
    if unsafe is not None:
        raise ZipRefused(f"压缩包中有不安全的路径「{unsafe}」（指向压缩包以外），整个压缩包未检查。")
    if any(e.info.flag_bits & 0x1 for e in entries):
        raise ZipRefused("压缩包已加密，无法读取。请解除密码后重新打包。")
    declared = sum(e.info.file_size for e in entries)
    if declared > limits.zip_unpacked_bytes:
        raise _too_large_unpacked(limits)
    return [e for e in entries if _is_draft(e.name)]


def _too_large_unpacked(limits: Limits) -> ZipRefused:
    return ZipRefused(f"压缩包解压后超过 {size_text(limits.zip_unpacked_bytes)}，未检查。")


def _inflate(archive: zipfile.ZipFile, entry: _Entry, path: str, limits: Limits, allowance: int) -> tuple[int, str | None]:
    """Write one entry to `path`, stopping at the first limit passed: (bytes inflated, why refused or None)."""
    limit = min(limits.file_bytes, max(entry.info.compress_size, 1) * limits.zip_ratio)
    written = 0
    with archive.open(entry.info) as source, open(path, "wb") as target:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > allowance:
                raise _too_large_unpacked(limits)
            if written > limit:
                break
            target.write(chunk)
    if written <= limit:
        return written, None
    os.remove(path)
    if written > limits.file_bytes:
        return written, file_too_large(limits)
    raise ZipRefused(f"压缩包中的「{entry.name}」压缩比异常（疑似“压缩炸弹”），整个压缩包未检查。")


def expand_zip(upload: Received, folder: str, limits: Limits) -> list[Received]:
    """The drafts inside an uploaded zip, each saved under `folder`, named `zip name/path inside`.
    Raises ZipRefused when the zip as a whole cannot be trusted or read."""
    assert upload.path is not None
    try:
        with zipfile.ZipFile(upload.path) as archive:
            entries = _entries(archive, limits)
            allowance = limits.zip_unpacked_bytes
            found: list[Received] = []
            for number, entry in enumerate(entries):
                label = f"{upload.name}/{entry.name}"
                if posixpath.splitext(entry.name)[1].lower() == ".zip":
                    found.append(Received(label, None, "压缩包中的压缩包不会解开，请直接打包文件夹。"))
                    continue
                entry_folder = os.path.join(folder, f"entry-{number:03d}")
                os.mkdir(entry_folder)
                path = os.path.join(entry_folder, safe_disk_name(posixpath.basename(entry.name)))
                written, error = _inflate(archive, entry, path, limits, allowance)
                allowance -= written
                found.append(Received(label, None if error else path, error))
            return found
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:
        raise ZipRefused(f"压缩包已损坏或格式不受支持，无法打开（{type(error).__name__}）。") from None
