"""Townships (乡、镇、街道) by name, from rules/data/towns.tsv (~41,000 rows "name<TAB>code", sorted by
the name's UTF-8 bytes).

Only the report context asks, and only about the few names a draft's title, signature and opening
hold. The table is read as bytes and split into its lines once (no 41,000 objects of our own), and a
name is found by bisection: a one-file check that asks pays little, a batch that
asks thousands of times pays the split once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from checker.resources import data_file


class Town(NamedTuple):
    code: str  # 9 digits; the first 6 are its county's
    name: str

    @property
    def county_code(self) -> str:
        """The 12-digit code of its county (or of the prefecture, for towns of 东莞市 and its like)."""
        return self.code[:6].ljust(12, "0")

    @property
    def prefecture_code(self) -> str:
        return self.code[:4].ljust(12, "0")


@cache
def _lines() -> list[bytes]:
    return [line for line in data_file("towns.tsv").read_bytes().split(b"\n") if line and not line.startswith(b"#")]


def _listed_as(name: str) -> list[str]:
    """The names a township may be listed under: its own, and for X镇/X乡 also X地区 (北京's 地区办事处
    are towns known by both names: 西红门地区 is 西红门镇)."""
    if name.endswith(("镇", "乡")) and len(name) > 2:
        return [name, name[:-1] + "地区"]
    return [name]


def _codes(form: str) -> list[str]:
    lines, key = _lines(), form.encode() + b"\t"
    index, codes = bisect_left(lines, key), []
    while index < len(lines) and lines[index].startswith(key):
        codes.append(lines[index][len(key) :].decode("ascii"))
        index += 1
    return codes


def towns_named(names: Iterable[str]) -> dict[str, list[Town]]:
    """{name: the townships of that name} for those of `names` that are township names."""
    found: dict[str, list[Town]] = {}
    for name in {name for name in names if name}:
        towns = [Town(code, name) for form in _listed_as(name) for code in _codes(form)]
        if towns:
            found[name] = towns
    return found
