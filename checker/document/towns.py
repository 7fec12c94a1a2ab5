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


def towns_named(names: Iterable[str]) -> dict[str, list[Town]]:
    """{name: the townships of that name} for those of `names` that are township names."""
    wanted = sorted({name for name in names if name})
    if not wanted:
        return {}
    table = _table()
    automaton = ahocorasick_rs.BytesAhoCorasick([f"\t{name}\n".encode() for name in wanted])
    found: dict[str, list[Town]] = {}
    for index, start, _ in automaton.find_matches_as_indexes(table):
        code = table[table.rfind(b"\n", 0, start) + 1 : start].decode("ascii")
        found.setdefault(wanted[index], []).append(Town(code, wanted[index]))
    return found
