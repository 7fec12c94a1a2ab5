"""Townships (乡、镇、街道) by name, from rules/data/towns.tsv (~41,000 rows "code<TAB>name").

Only the report context asks, and only about the few names a draft's title, signature and
opening hold: the table is kept as its bytes and all the names asked about are found in one
byte automaton pass over it (well under a millisecond; a str automaton pays a UTF-8 copy of the
table each call), so no 41,000-entry index is built by a run that never needs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

import ahocorasick_rs

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
def _table() -> bytes:
    return data_file("towns.tsv").read_bytes()


def _listed_as(name: str) -> list[str]:
    """The names a township may be listed under: its own, and for X镇/X乡 also X地区 (北京's 地区办事处
    are towns known by both names: 西红门地区 is 西红门镇)."""
    if name.endswith(("镇", "乡")) and len(name) > 2:
        return [name, name[:-1] + "地区"]
    return [name]


def towns_named(names: Iterable[str]) -> dict[str, list[Town]]:
    """{name: the townships of that name} for those of `names` that are township names."""
    asked = sorted({name for name in names if name})
    if not asked:
        return {}
    listed = [(name, form) for name in asked for form in _listed_as(name)]
    table = _table()
    automaton = ahocorasick_rs.BytesAhoCorasick([f"\t{form}\n".encode() for _, form in listed])
    found: dict[str, list[Town]] = {}
    for index, start, _ in automaton.find_matches_as_indexes(table):
        code = table[table.rfind(b"\n", 0, start) + 1 : start].decode("ascii")
        found.setdefault(listed[index][0], []).append(Town(code, listed[index][0]))
    return found
