"""The peers the benchmarks compare with, installed on demand outside the project: ripgrep from
Debian (the physical limit of a fixed-string scan) and zhlint from npm (a Chinese text linter),
the latter into a temporary folder. Neither is a project dependency."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ZHLINT = "zhlint@0.8.2"


def ripgrep() -> str | None:
    """The rg binary, installing Debian's ripgrep if it is missing and we may (root)."""
    if not shutil.which("rg") and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "ripgrep"], capture_output=True, check=False)
    return shutil.which("rg")


def zhlint(folder: Path) -> list[str] | None:
    """The command that runs zhlint, installed with npm into `folder`; None if it cannot be had."""
    binary = folder / "node_modules" / ".bin" / "zhlint"
    if not binary.exists() and shutil.which("npm"):
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder), ZHLINT],
                       capture_output=True, check=False, timeout=600)
    return [str(binary)] if binary.exists() else None
