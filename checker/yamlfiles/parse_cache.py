"""Parsed YAML kept between runs, for the built-in files every run reads: a one-file check then
neither imports PyYAML nor parses ~110 KB of rule packs. The gazetteer's rows (document/places.py)
are kept here the same way.

An entry holds the file's exact bytes beside what they parsed to, and is used only while the file
still has those bytes: an edited file is parsed again, never read stale. The entry also names the
Python and the PyYAML install that parsed it. Entries live in the user's cache folder
($XDG_CACHE_HOME when absolute, else ~/.cache; under fazhi-lint/); a folder that cannot be
written leaves them unwritten, and an entry that cannot be read is a miss. What is kept must be
something `marshal` can hold. FAZHI_LINT_NO_CACHE set to anything but "" or "0" turns it off: nothing
read, nothing written.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import sys
import tempfile
import zlib
from functools import cache
from pathlib import Path


def entry_path(path: Path, kind: str = "") -> Path:
    """Where what `path` parsed to is kept; `kind` names another entry for the same file."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    # the XDG spec: a relative XDG_CACHE_HOME is ignored
    folder = (Path(configured) if os.path.isabs(configured) else Path.home() / ".cache") / "fazhi-lint"
    where = zlib.crc32(os.fsencode(path.resolve()))  # two installs' packs of the same name do not take turns
    return folder / f"{path.stem}{'.' + kind if kind else ''}-{where:08x}.{sys.implementation.cache_tag}.marshal"


@cache
def _parser() -> tuple:
    """The Python and the PyYAML that parse (found, not imported: importing it is what a hit saves)."""
    spec = importlib.util.find_spec("yaml")
    origin = spec.origin if spec is not None and spec.origin else ""
    stat = os.stat(origin) if origin else None
    return sys.version, origin, (stat.st_mtime_ns, stat.st_size) if stat else None


def _turned_off() -> bool:
    return os.environ.get("FAZHI_LINT_NO_CACHE", "") not in ("", "0")


def load(path: Path, source: bytes, kind: str = "") -> object:
    """What `source`, the bytes of `path`, parsed to when they were kept; None if they were not."""
    if _turned_off():
        return None
    try:
        parser, kept_source, parsed = marshal.loads(entry_path(path, kind).read_bytes())
    except (OSError, EOFError, ValueError, TypeError, RuntimeError):  # no entry (or home), one cut short, foreign
        return None
    return parsed if parser == _parser() and kept_source == source else None


def store(path: Path, source: bytes, parsed: object, kind: str = "") -> None:
    """Keep what `source` parsed to (not None), if it can be kept."""
    if _turned_off():
        return
    try:
        content = marshal.dumps((_parser(), source, parsed))
    except ValueError:  # a value marshal cannot hold (a YAML timestamp, say)
        return
    try:
        entry = entry_path(path, kind)
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{entry.name}.", dir=entry.parent)
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, entry)  # a reader sees the old entry or the new one, never half of one
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
