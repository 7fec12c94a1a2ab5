"""File names in the order people expect: d2 before d10, 第9号 before 第10号 (digits compared as numbers)."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple:
    """A sort key: the name's runs of digits as numbers, the rest as case-folded text."""
    return tuple((0, int(part), part) if part.isdigit() else (1, part.casefold(), part)
                 for part in _DIGITS.split(name) if part)
