"""Where the built-in rule packs and data live."""

from __future__ import annotations

from pathlib import Path


def builtin_rules_dir() -> Path:
    """The `rules/` folder: beside the package in a source tree, else installed as `checker.builtin_rules`."""
    here = Path(__file__).parent
    source_tree = here.resolve().parent / "rules"
    if (source_tree / "load.yaml").is_file():
        return source_tree
    installed = here / "builtin_rules"  # the folder importlib.resources names for a package on disk
    if (installed / "load.yaml").is_file():
        return installed
    # importlib.resources (with tempfile, shutil…) only here: a one-file check would pay for its import
    from importlib.resources import files

    return Path(str(files("checker.builtin_rules")))


def data_file(name: str) -> Path:
    return builtin_rules_dir() / "data" / name

