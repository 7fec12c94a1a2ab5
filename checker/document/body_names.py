"""Whether two names of bodies name the same organisation: one place decides it for the report
context (does the 落款 name the title's body?) and for the rules comparing names (FZ112, FZ306).

The endings written short in everyday use (办公室 → 办, 委员会 → 委, 人民政府 → 政府) are data:
`short_suffixes` in rules/data/context.yaml, the default of the rules' option of that name.
"""

from __future__ import annotations

from functools import cache

from checker.resources import data_file
from checker.yamlfiles.reader import read_yaml


@cache
def short_suffixes() -> dict[str, str]:
    return {str(k): str(v) for k, v in read_yaml(data_file("context.yaml"), cached=True)["short_suffixes"].items()}


def same_body(short: str, long: str, suffixes: dict[str, str] | None = None) -> bool:
    """Equal, or `short` is an abbreviation of `long`: its characters in order, the same last one
    once both endings are written short (人防办 of 人民防空办公室)."""
    suffixes = short_suffixes() if suffixes is None else suffixes
    short, long = (_shortened(name, suffixes) for name in (short, long))
    if len(short) > len(long):
        short, long = long, short
    rest = iter(long)
    return short[-1:] == long[-1:] and all(char in rest for char in short)


def same_organisation(first: str, second: str, suffixes: dict[str, str] | None = None) -> bool:
    """Two organisations of one place are one body: either unnamed, one inside the other, or one the
    other's abbreviation (the 落款 against the title: the report context and FZ112)."""
    return not first or not second or first in second or second in first or same_body(first, second, suffixes)


def _shortened(name: str, suffixes: dict[str, str]) -> str:
    for full, short in sorted(suffixes.items(), key=lambda item: len(item[0]), reverse=True):
        if name.endswith(full):
            return name[: -len(full)] + short
    return name
