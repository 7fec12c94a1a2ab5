"""Files written by a run: the reports of `-o`/`--format F:FILE`, and the files named after each
input (next to it or in --output-dir), never the input itself, never over an existing file without
--force. Every file is written whole or not at all: into a hidden temporary file beside it, renamed
over it once complete. A place that cannot be written is one WriteError naming it and why."""

from __future__ import annotations

import errno
import fcntl
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from checker.findings import FileResult
from checker.generated import TEMP_SUFFIX
from checker.reporters import ReportSettings

STDIN_NAME = "stdin"
# A temporary file's name repeats this much of its target's (a long name must still fit the limit).
_NAME_IN_TEMP = 60

_REASONS = {
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "只读文件系统",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.ENAMETOOLONG: "路径或文件名过长",
    errno.ENOENT: "所在文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.EEXIST: "已有同名的文件",
}


class OutputError(Exception):
    """Some outputs could not be written; the message lists them (one line each)."""


class WriteError(Exception):
    """`path` could not be written; str() is the line the user reads: 无法写入 PATH：原因."""

    def __init__(self, path: str | Path, error: OSError) -> None:
        self.path = str(path)
        self.reason = _REASONS.get(error.errno) or error.strerror or str(error)
        super().__init__(f"无法写入 {self.path}：{self.reason}")


def output_path(input_path: str, suffix: str, settings: ReportSettings) -> Path:
    """"草稿/甲.docx" + ".reviewed.docx" → "草稿/甲.reviewed.docx" (or in settings.output_dir)."""
    if input_path == "-":
        folder, stem = Path(settings.output_dir or "."), STDIN_NAME
    else:
        source = Path(input_path)
        folder, stem = Path(settings.output_dir) if settings.output_dir else source.parent, source.stem
    return folder / f"{stem}{suffix}"


def refusal(target: Path, input_path: str, settings: ReportSettings, claimed: set[Path]) -> str | None:
    """Why `target` must not be written, or None. `claimed`: targets already written in this run."""
    resolved = target.resolve()
    if input_path != "-" and os.path.exists(input_path) and resolved == Path(input_path).resolve():
        return f"{target}：与输入文件相同，不写"
    if resolved in claimed:
        return f"{target}：本次已由另一个同名输入写出，不覆盖（请用 --output-dir 分开）"
    if target.exists() and not settings.force:
        return f"{target}：已存在，未覆盖（用 --force 覆盖）"
    return None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def _temporary(target: Path) -> Iterator[str]:
    """A new hidden file beside `target`, locked while this run holds it (a later run tells a
    killed run's leftover from one being written by the lock: see checker/leftovers.py); removed
    unless it was renamed to `target`."""
    handle, temp = tempfile.mkstemp(prefix=f".{target.name[:_NAME_IN_TEMP]}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield temp
    finally:
        if os.path.lexists(temp):
            os.remove(temp)
        os.close(handle)


def _commit(temp: str, target: Path, mode: int | None) -> None:
    os.chmod(temp, 0o666 & ~_umask() if mode is None else mode)  # mkstemp made it private
    os.replace(temp, target)


def make_folder(path: str | Path) -> None:
    """The folder `path` and its parents, made if missing; WriteError if it cannot be."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(path, error) from None


def write_atomically(target: Path, save: Callable[[str], None], mode: int | None = None) -> None:
    """`save(temp_path)` writes the whole file; it replaces `target` only once complete, with
    permissions `mode` (default: a new file's). WriteError when the place cannot be written."""
    make_folder(target.parent)
    try:
        with _temporary(target) as temp:
            save(temp)
            _commit(temp, target, mode)
    except OSError as error:
        raise WriteError(target, error) from None


def save_word(word, target: Path) -> None:
    """Write a python-docx Document to `target` atomically. It is zipped in memory first: zipfile
    writing straight to a full disk fails again when the collector closes it, past any handler."""
    buffer = io.BytesIO()
    word.save(buffer)
    write_atomically(target, lambda temp: Path(temp).write_bytes(buffer.getvalue()))


@contextmanager
def report_stream(path: str) -> Iterator[TextIO]:
    """The text stream a run's report goes to. An existing device or pipe (/dev/null, /dev/stdout)
    is written directly; a file is written atomically, through a symlink to the file it points to,
    keeping an existing file's permissions. WriteError when the place cannot be written."""
    try:
        try:
            info = os.stat(path)
        except FileNotFoundError:
            info = None
        if info is not None and not stat.S_ISREG(info.st_mode):
            with open(path, "w", encoding="utf-8") as stream:
                yield stream
            return
        target = Path(os.path.realpath(path))
        with _temporary(target) as temp:
            with open(temp, "w", encoding="utf-8") as stream:
                yield stream
            _commit(temp, target, stat.S_IMODE(info.st_mode) if info else None)
    except OSError as error:
        raise WriteError(path, error) from None


def write_each(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings, suffix: str,
               produce: Callable[[FileResult, Path], str], unavailable: Callable[[FileResult], str | None] = lambda r: None) -> None:
    """One output file per result: `produce(result, target)` writes it and says what it holds;
    `unavailable(result)` explains a result that gets none. Refusals and failures (a place that
    cannot be written, a draft python-docx cannot take) cost their file only: they are collected
    and raised once the batch is done."""
    refused: list[str] = []
    written: set[Path] = set()
    for result in results:
        note = unavailable(result)
        if note:
            stream.write(f"{result.path}：{note}\n")
            continue
        target = output_path(result.path, suffix, settings)
        reason = refusal(target, result.path, settings, written)
        if reason:
            refused.append(reason)
            continue
        try:
            stream.write(f"{target}：{produce(result, target)}\n")
        except WriteError as error:
            refused.append(f"{result.path}：{error}")
            continue
        except Exception as error:  # noqa: BLE001 (python-docx on a damaged draft: one file's message, not the batch)
            refused.append(f"{result.path}：无法生成 {target}：Word 文档结构异常（{type(error).__name__}）")
            continue
        written.add(target.resolve())
    if refused:
        raise OutputError("\n".join(refused))
