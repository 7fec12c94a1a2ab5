"""What a folder walk leaves out because an ignore file says so: `.gitignore` (git's syntax and
precedence, through the `pathspec` library) and `.fazhi-lintignore` (same syntax, for files a
repository keeps that are not drafts to check).

The files in force in a folder are its own and those of the folders above it up to the repository's
root (the nearest folder holding `.git`, whose `.git/info/exclude` counts too); outside a repository,
only those of the walked folder and below. As in git, a deeper file's pattern wins over a shallower
one's, and the last matching line of a file wins within it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

IGNORE_FILES = (".gitignore", ".fazhi-lintignore")


@cache
def _spec(path: str, stamp: tuple[int, int]) -> pathspec.GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:  # unreadable: as if absent (git too skips what it cannot read)
        return None
    # imported only when an ignore file is found: a check of files named on the command line walks no
    # folder, and pathspec's import is a noticeable part of its start-up
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines) if any(line.strip() for line in lines) else None


def _specs_in(folder: str, names: tuple[str, ...] = IGNORE_FILES) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
    found = []
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            stat = os.stat(path)
            spec = _spec(path, (stat.st_mtime_ns, stat.st_size))
            if spec is not None:
                found.append((folder, spec))
    return found


def _repository_root(folder: str) -> str | None:
    current = folder
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


@dataclass(frozen=True)
class Ignores:
    """The ignore files in force in one folder, shallowest first: (the folder they sit in, patterns)."""

    specs: tuple[tuple[str, pathspec.GitIgnoreSpec], ...] = ()

    @classmethod
    def above(cls, folder: str) -> Ignores:
        """Those of the folders above `folder` within its repository (not `folder`'s own: `within`)."""
        folder = os.path.abspath(folder)
        root = _repository_root(folder)
        if root is None:
            return cls()
        ancestors = []
        current = folder
        while current != root:
            current = os.path.dirname(current)
            ancestors.append(current)
        specs = _specs_in(root, (os.path.join(".git", "info", "exclude"),))
        for ancestor in reversed(ancestors):
            specs += _specs_in(ancestor)
        return cls(tuple(specs))

    def within(self, folder: str) -> Ignores:
        """These and `folder`'s own ignore files."""
        own = _specs_in(os.path.abspath(folder))
        return Ignores(self.specs + tuple(own)) if own else self

    def ignored(self, path: str, is_dir: bool) -> bool:
        verdict = None
        absolute = os.path.abspath(path)
        for base, spec in self.specs:
            relative = os.path.relpath(absolute, base).replace(os.sep, "/") + ("/" if is_dir else "")
            included = spec.check_file(relative).include
            if included is not None:
                verdict = included
        return bool(verdict)
