"""Where the built-in rule packs and data live."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def builtin_rules_dir() -> Path:
    """The `rules/` folder: beside the package in a source tree, else installed as `checker.builtin_rules`."""
    source_tree = Path(__file__).resolve().parent.parent / "rules"
    if (source_tree / "load.yaml").is_file():
        return source_tree
    return Path(str(files("checker.builtin_rules")))


def data_file(name: str) -> Path:
    return builtin_rules_dir() / "data" / name

