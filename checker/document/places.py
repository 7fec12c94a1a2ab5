"""The gazetteer of Chinese administrative divisions (rules/data/places.tsv, generated).

One row a division: code, full name, level (province | prefecture | county), parent code, and
its short forms ("阆中" for 阆中市). All names and short forms compile into one matcher, built
once per process.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import regex

from checker.resources import data_file

LEVELS = ("province", "prefecture", "county")


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str
    parent: str | None
    short_forms: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    places: dict[str, Place]
    by_name: dict[str, list[Place]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for place in self.places.values():
            for name in (place.name, *place.short_forms):
                self.by_name.setdefault(name, []).append(place)

    @cached_property
    def matcher(self) -> regex.Pattern:
        # A named list compiles to one set-matching node: cost stays flat as the list grows.
        return regex.compile(r"\L<names>", names=sorted(self.by_name, key=len, reverse=True))

    def chain(self, place: Place) -> list[Place]:
        """The place and its ancestors, province first."""
        chain = [place]
        while chain[0].parent and chain[0].parent in self.places:
            chain.insert(0, self.places[chain[0].parent])
        return chain

    def lookup(self, name: str) -> list[Place]:
        return self.by_name.get(name, [])

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Every (start, end, name) of a known name in `text`, longest match first at each point."""
        for match in self.matcher.finditer(text):
            yield match.start(), match.end(), match.group()


def read_gazetteer(path: Path) -> Gazetteer:
    places: dict[str, Place] = {}
    with open(path, encoding="utf-8") as handle:
        for row in handle:
            if row.startswith("#") or not row.strip():
                continue
            code, name, level, parent, shorts = (row.rstrip("\n").split("\t") + [""] * 5)[:5]
            short_forms = tuple(s for s in shorts.split(",") if s)
            places[code] = Place(code, name, level, parent or None, short_forms)
    return Gazetteer(places)


@cache
def gazetteer() -> Gazetteer:
    return read_gazetteer(data_file("places.tsv"))
