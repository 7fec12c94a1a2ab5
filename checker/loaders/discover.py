"""Which files a run checks: explicit paths as given, folders walked for .txt and .docx (regular
files only: a FIFO, socket or device found in a folder, or a symlink to one, is skipped and said)."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath

from checker.generated import GENERATED_SUFFIXES, is_temporary
from checker.loaders import UNSUPPORTED
from checker.loaders.ignore_files import Ignores
from checker.loaders.reading import special_kind

DEFAULT_EXTENSIONS = (".txt", ".docx")


def _matches(relative: str, patterns: Iterable[str]) -> bool:
    name = PurePosixPath(relative).name
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def _is_skipped(name: str) -> bool:
    """Hidden files, Word lock files (~$…), and the copies fazhi-lint itself wrote."""
    return name.startswith((".", "~$")) or name.lower().endswith(GENERATED_SUFFIXES)


def _special(path: str) -> str | None:
    """What `path` is when it is not a regular file (through symlinks); None for a regular file or
    one that cannot be looked at (the loader says why)."""
    try:
        return special_kind(os.stat(path).st_mode)
    except OSError:
        return None


def _walk(folder: str, ignore_files: bool) -> Iterator[str]:
    """`folder`'s files, less what its ignore files (ignore_files.py) leave out when `ignore_files`."""
    in_force = {folder: Ignores.above(folder)} if ignore_files else {}
    for root, dirs, files in os.walk(folder):
        ignores = in_force.pop(root).within(root) if ignore_files else None
        dirs[:] = sorted(d for d in dirs if not _is_skipped(d)
                         and not (ignores and ignores.ignored(os.path.join(root, d), is_dir=True)))
        for name in dirs:
            if ignores:
                in_force[os.path.join(root, name)] = ignores
        for name in sorted(files):
            if not _is_skipped(name) and not (ignores and ignores.ignored(os.path.join(root, name), is_dir=False)):
                yield os.path.join(root, name)


def discover(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (),
             ignore_files: bool = True, skipped: Callable[[str, str], None] = lambda path, reason: None) -> list[str]:
    """Files to check, in a stable order. Explicit file paths are always kept (even if missing or
    special: the loader reports them, and even if an ignore file names them); in folders, .txt/.docx
    files and the unsupported formats (so the user hears about them) unless `--include` says
    otherwise, less those that .gitignore and .fazhi-lintignore leave out (unless not
    `ignore_files`), each special file that would have been checked passed to `skipped(path, reason)`
    instead."""
    include, exclude = list(include), list(exclude)
    found: list[str] = []
    for path in paths:
        if is_temporary(path):
            skipped(path, "是 fazhi-lint 写文件时用的临时文件（上次运行中断时留下），不是草稿")
            continue
        if path == "-" or not os.path.isdir(path):
            found.append(path)
            continue
        for file in _walk(path, ignore_files):
            relative = os.path.relpath(file, path).replace(os.sep, "/")
            extension = os.path.splitext(file)[1].lower()
            wanted = _matches(relative, include) if include else extension in DEFAULT_EXTENSIONS or extension in UNSUPPORTED
            if not wanted or _matches(relative, exclude):
                continue
            kind = _special(file)
            if kind:
                skipped(file, f"不是普通文件（{kind}）")
            else:
                found.append(file)
    return list(dict.fromkeys(found))
