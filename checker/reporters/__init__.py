"""Reporters: one module per output format, each declaring FORMAT and a `write` function.

`write(results, stream, settings)` writes to a text stream; formats that produce files of their own
(a reviewed .docx, say) write those and print where they went.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType


@dataclass(frozen=True)
class ReportSettings:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    output_dir: str | None = None
    force: bool = False


@cache
def reporters() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "FORMAT"):
            found[module.FORMAT] = module
    return found


def needs_document(names: list[str]) -> bool:
    """Whether any of these formats reads the checked Document (outline, runs), not just findings."""
    return any(getattr(reporters()[name], "NEEDS_DOCUMENT", False) for name in names)
