"""What a killed run leaves behind: the hidden temporary files every output is written to before it
is renamed into place (reporters/outputs.py: ".<name>.<random>.fazhi-lint.tmp", flock'ed by the
writer for as long as it writes). A later run that finds one beside its drafts or outputs takes the
lock: if it can, the writer is gone (the kernel drops the lock of a killed process) and the file is
removed; if it cannot, another run is writing it and it is left alone. Folder walks never check
them as drafts (they are hidden); named explicitly, they are skipped with a notice (discover.py).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable

from checker.generated import is_temporary


def _stale(path: str) -> bool:
    """Whether no process holds the file's lock (opened without following a symlink)."""
    handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(handle)
    return True


def sweep(folders: Iterable[str]) -> list[str]:
    """Remove the stale temporary files directly in `folders`; what the user is told about each."""
    notes = []
    for folder in dict.fromkeys(folders):
        try:
            entries = [entry for entry in os.scandir(folder) if is_temporary(entry.name)]
        except OSError:
            continue  # a folder that cannot be listed holds nothing we could remove
        for entry in entries:
            try:
                if not entry.is_file(follow_symlinks=False) or not _stale(entry.path):
                    continue
                os.remove(entry.path)
                notes.append(f"已删除上次运行中断时留下的临时文件 {entry.path}")
            except OSError as error:
                notes.append(f"上次运行中断时留下的临时文件 {entry.path} 未能删除（{error.strerror or error}），可手工删除")
    return notes


def folders_of(files: Iterable[str], reports: Iterable[str], output_dir: str | None) -> list[str]:
    """Where a run's temporary files go: beside each draft (and the file a symlinked draft points
    to), each report, and in --output-dir."""
    paths = [p for f in files if f != "-" for p in (f, os.path.realpath(f))]
    folders = [os.path.dirname(p) or "." for p in [*paths, *(os.path.realpath(r) for r in reports)]]
    return list(dict.fromkeys([*folders, *([output_dir] if output_dir else [])]))
