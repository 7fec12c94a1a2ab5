"""The peers the benchmarks compare with, installed on demand outside the project: ripgrep from
Debian (the physical limit of a fixed-string scan), zhlint and AutoCorrect from npm (Chinese text
linters; AutoCorrect's npm package carries its Rust binary), the latter two into a temporary folder.
None is a project dependency."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ZHLINT = "zhlint@0.8.2"
AUTOCORRECT = "autocorrect-node@2.14.0"


def ripgrep() -> str | None:
    """The rg binary, installing Debian's ripgrep if it is missing and we may (root)."""
    if not shutil.which("rg") and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "ripgrep"], capture_output=True, check=False)
    return shutil.which("rg")


def _npm(folder: Path, package: str, command: str) -> list[str] | None:
    """The command `command` of the npm `package`, installed into `folder`; None if it cannot be had."""
    binary = folder / "node_modules" / ".bin" / command
    if not binary.exists() and shutil.which("npm"):
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder), package],
                       capture_output=True, check=False, timeout=600)
    return [str(binary)] if binary.exists() else None


def zhlint(folder: Path) -> list[str] | None:
    return _npm(folder, ZHLINT, "zhlint")


def autocorrect(folder: Path) -> list[str] | None:
    """AutoCorrect's linter as the issue compares with: one thread, JSON out (it lints every file
    under the folder it is given)."""
    command = _npm(folder, AUTOCORRECT, "autocorrect")
    return [*command, "--lint", "--threads", "1", "--format", "json"] if command else None
