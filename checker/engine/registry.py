"""The registry of rule types: every module in `checker.rules` that declares a TYPE."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType

import checker.rules


@cache
def rule_types() -> dict[str, ModuleType]:
    types: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(checker.rules.__path__):
        module = importlib.import_module(f"checker.rules.{info.name}")
        if hasattr(module, "TYPE"):
            types[module.TYPE] = module
    return types
