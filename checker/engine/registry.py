"""The registry of rule types: every module in `checker.rules` that declares a TYPE."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

import checker.rules

if TYPE_CHECKING:
    from checker.engine.ruleset import Rule


@cache
def rule_types() -> dict[str, ModuleType]:
    types: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(checker.rules.__path__):
        module = importlib.import_module(f"checker.rules.{info.name}")
        if hasattr(module, "TYPE"):
            types[module.TYPE] = module
    return types


def cross_needs(rules: list[Rule]) -> dict[str, dict]:
    """What the selected rules need of the cross-document pass (their type declares CROSS = "previous"
    or "batch"), each with the options of the first rule that needs it (crossdoc/prepare.py)."""
    found: dict[str, dict] = {}
    for rule in rules:
        need = getattr(rule_types()[rule.type], "CROSS", None)
        if need and need not in found:
            found[need] = rule.options
    return found
