"""Townships (乡、镇、街道) by name, from rules/data/towns.tsv (~41,000 rows "name<TAB>code", sorted by
the name's UTF-8 bytes).

The report context asks about the few names a draft's title, signature and opening hold: a name is
found by bisection. The slogan rule (FZ301) asks for the townships of one prefecture or province, by
their names without 镇/乡/街道 (乌镇 of 乌镇镇), with those that are ordinary words left out
(rules/data/town_words.txt: 建设 of 建设镇). The table stays one bytes object, searched
in place: no 41,000 objects of our own, which a worker forked from a batch's parent would copy page by page
as it walked them (each object touched writes its reference count).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from checker.document.places import NEARNESS, Gazetteer, Place, relation
from checker.resources import data_file

SUFFIXES = ("街道", "地区", "苏木", "镇", "乡")  # longest first: 西红门地区, 乌镇镇 → 乌镇; 苏木: 内蒙古's
_SHORTEST_STEM = 2


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

    @property
    def stem(self) -> str:
        return stem_of(self.name)


def stem_of(name: str) -> str:
    """A township's name without its 镇/乡/街道 (乌镇 of 乌镇镇, 水果湖 of 水果湖街道, 西红门 of 西红门地区);
    the whole name when a single character would be left (王镇)."""
    suffix = next((s for s in SUFFIXES if name.endswith(s)), "")
    return name[: -len(suffix)] if suffix and len(name) - len(suffix) >= _SHORTEST_STEM else name


def own_township(places: Gazetteer, region: list[str]) -> str | None:
    """The township a report's region ends in (a township's body), which the gazetteer does not list; None
    when the region ends in a county or above, or is empty."""
    return region[-1] if region and not places.lookup(region[-1]) else None


@cache
def _table() -> bytes:
    """The table's rows, each ending in a newline, without the header's comment lines."""
    data = data_file("towns.tsv").read_bytes()
    first = 0
    while data.startswith(b"#", first):
        first = data.index(b"\n", first) + 1
    return data[first:].rstrip(b"\n") + b"\n"


def _first_row_from(text: bytes, key: bytes) -> int:
    """Where the first row not sorting before `key` starts (bisection over the bytes, rows found by
    their newlines)."""
    low, high = 0, len(text)  # both at the start of a row (or the end)
    while low < high:
        row = max(low, text.rfind(b"\n", low, (low + high) // 2) + 1)
        if text[row : row + len(key)] < key:
            low = text.index(b"\n", row) + 1
        else:
            high = row
    return low


def _listed_as(name: str) -> list[str]:
    """The names a township may be listed under: its own, and for X镇/X乡 also X地区 (北京's 地区办事处
    are towns known by both names: 西红门地区 is 西红门镇)."""
    if name.endswith(("镇", "乡")) and len(name) > 2:
        return [name, name[:-1] + "地区"]
    return [name]


def _codes(form: str) -> list[str]:
    text, key, codes = _table(), form.encode() + b"\t", []
    row = _first_row_from(text, key)
    while text.startswith(key, row):
        row_end = text.index(b"\n", row)
        codes.append(text[row + len(key) : row_end].decode("ascii"))
        row = row_end + 1
    return codes


def towns_named(names: Iterable[str]) -> dict[str, list[Town]]:
    """{name: the townships of that name} for those of `names` that are township names."""
    found: dict[str, list[Town]] = {}
    for name in {name for name in names if name}:
        towns = [Town(code, name) for form in _listed_as(name) for code in _codes(form)]
        if towns:
            found[name] = towns
    return found


@cache
def towns_within(prefix: str) -> tuple[Town, ...]:
    """The townships whose code starts with `prefix` (a province's 2 digits, a prefecture's 4, a county's 6)."""
    # a code follows the row's only tab: the table is searched for tab + prefix, and only the rows
    # found are read
    text, key, towns = _table(), b"\t" + prefix.encode(), []
    position = text.find(key)
    while position >= 0:
        row_start, row_end = text.rfind(b"\n", 0, position) + 1, text.index(b"\n", position)
        towns.append(Town(text[position + 1 : row_end].decode("ascii"), text[row_start:position].decode()))
        position = text.find(key, row_end)
    return tuple(towns)


@cache
def town_words() -> frozenset[str]:
    """Township names without their suffix that are ordinary words (建设, 古镇): rules/data/town_words.txt."""
    lines = data_file("town_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def town_chain(town: Town, places: Gazetteer) -> list[Place]:
    """The chain of a township's county, province first (the prefecture's, for the towns of 东莞市)."""
    county = places.places.get(town.county_code) or places.places.get(town.prefecture_code)
    return places.chain(county) if county else []


def nearby_prefix(places: Gazetteer, home: Place) -> str | None:
    """The code prefix of the townships around `home`: its prefecture's (a county's neighbours), its
    province's (a prefecture's); None for a province, whose townships are all its own."""
    chain = places.chain(home)
    if len(chain) < 2:
        return None
    above = chain[-2]
    return above.code[: {"province": 2, "prefecture": 4}.get(above.level, 6)]


def town_nearness(places: Gazetteer, town: Town, home: Place, own_town: str | None) -> str:
    """How near a township is to a body's region (places.NEARNESS): for a township's body (`own_town`,
    its name) only that township is home, the others of its county are neighbours."""
    chain = town_chain(town, places)
    if not chain:
        return NEARNESS[-1]
    if own_town is not None and chain[-1] == home:
        return NEARNESS[0] if town.stem == stem_of(own_town) else NEARNESS[1]
    return relation(places, chain[-1], home)
