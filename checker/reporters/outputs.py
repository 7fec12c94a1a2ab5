"""Files written next to a draft (or into --output-dir): named after the input, never the input
itself, never over an existing file without --force, written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from checker.engine.batch import FileResult
from checker.reporters import ReportSettings

STDIN_NAME = "stdin"


class OutputError(Exception):
    """Some outputs could not be written; the message lists them (one line each)."""


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


def write_atomically(target: Path, save: Callable[[str], None], mode: int | None = None) -> None:
    """`save(temp_path)` writes the whole file; it replaces `target` only once complete, with
    permissions `mode` (default: a new file's)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        save(temp)
        os.chmod(temp, 0o666 & ~_umask() if mode is None else mode)  # mkstemp made it private
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def write_each(results: Iterable[FileResult], stream: TextIO, settings: ReportSettings, suffix: str,
               produce: Callable[[FileResult, Path], str], unavailable: Callable[[FileResult], str | None] = lambda r: None) -> None:
    """One output file per result: `produce(result, target)` writes it and says what it holds;
    `unavailable(result)` explains a result that gets none. Refusals are collected and raised."""
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
        stream.write(f"{target}：{produce(result, target)}\n")
        written.add(target.resolve())
    if refused:
        raise OutputError("\n".join(refused))
