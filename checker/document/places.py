"""The gazetteer of Chinese administrative divisions (rules/data/places.tsv, generated).

One row a division: code, full name, level (province | prefecture | county), parent code, its
short forms ("阆中" for 阆中市), its other official names since 2019 (孟津县 for 孟津区: a
2020 report still says 孟津县) and, for an autonomous one, its short form with its level's character
(化隆县 for 化隆回族自治县, 黄南州 for 黄南藏族自治州: 化隆县司法局, 黄南州委 name the place as its full
name does). The ~41,000 townships are in rules/data/towns.tsv, read only when
a draft names one (checker/document/towns.py). Names are found with a character trie built once per
process (far cheaper to build than a `regex` named list of the same 6,000 names is to compile, which
every one-file check would pay).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import NamedTuple

from checker.resources import data_file
from checker.yamlfiles import parse_cache

LEVELS = ("province", "prefecture", "county")
# Bump when what _rows returns changes: older cache entries then miss.
_CACHE_FORMAT = 3


class Place(NamedTuple):  # a tuple: built faster than a frozen dataclass, 3,000 of them each run
    code: str
    name: str
    level: str
    parent: str | None
    short_forms: tuple[str, ...] = ()
    other_names: tuple[str, ...] = ()  # former (or later) official names of the same place
    abbreviations: tuple[str, ...] = ()  # an autonomous place's short form and level: 化隆县, 黄南州


@dataclass
class Gazetteer:
    places: dict[str, Place]
    by_name: dict[str, list[Place]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for place in self.places.values():
            for name in dict.fromkeys((place.name, *place.short_forms, *place.other_names, *place.abbreviations)):  # 沙县: short and former
                self.by_name.setdefault(name, []).append(place)

    @cached_property
    def full_names(self) -> frozenset[str]:
        """The names written before an organ in a body's name (阆中市人民政府, 化隆县司法局): the full
        names, the autonomous places' abbreviations and the former names (米林县人民政府 in a report of
        2021, before 米林县 became 米林市)."""
        return frozenset(name for place in self.places.values()
                         for name in (place.name, *place.abbreviations, *place.other_names))

    @cached_property
    def trie(self) -> dict:
        """Every name as a character trie: {character: node}; node[""] is the name that ends there."""
        root: dict = {}
        for name in self.by_name:
            node = root
            for char in name:
                node = node.setdefault(char, {})
            node[""] = name
        return root

    def starts(self, text: str, also: Iterable[int] = ()) -> list[int]:
        """The positions of `text` where a known name may start (its first character starts one), and
        `also`, in order: a walk of the text steps from one to the next instead of character by character."""
        first = self.trie
        found = [position for position, char in enumerate(text) if char in first]
        return sorted(set(found).union(also)) if also else found

    def longest_at(self, text: str, position: int) -> str | None:
        """The longest known name that starts at `position` of `text`, if any."""
        node, found = self.trie, None
        while position < len(text) and (node := node.get(text[position])) is not None:
            found = node.get("", found)
            position += 1
        return found

    def names_from(self, text: str, position: int) -> list[str]:
        """The run of known names written one after another from `position`, each the longest there
        (湖南省岳阳市平江县 → 湖南省, 岳阳市, 平江县)."""
        names = []
        while (name := self.longest_at(text, position)) is not None:
            names.append(name)
            position += len(name)
        return names

    def places_at(self, text: str, position: int) -> tuple[int, str | None]:
        """Where the run of place names starting at `position` ends, and the last of them (the
        deepest: 北京市东城区园林绿化局 → its end at 园, 东城区)."""
        names = self.names_from(text, position)
        return position + sum(map(len, names)), names[-1] if names else None

    def chain(self, place: Place) -> list[Place]:
        """The place and its ancestors, province first."""
        chain = [place]
        while chain[0].parent and chain[0].parent in self.places:
            chain.insert(0, self.places[chain[0].parent])
        return chain

    def lookup(self, name: str) -> list[Place]:
        return self.by_name.get(name, [])

    def names_ending_at(self, text: str, end: int, reach: int) -> Iterator[tuple[int, str]]:
        """(start, name) of each known name of `text` that ends at `end` and starts at most `reach`
        characters before it, longest first (化隆县, then 隆县, of 化隆县司法局 at 司)."""
        for start in range(max(0, end - reach), end):
            if (name := text[start:end]) in self.by_name:
                yield start, name


def chain_name(places: Gazetteer, place: Place, written: str = "") -> str:
    """A place's chain as one name, province first (西藏自治区林芝市米林市). A renamed place is named by
    both its names, as a report of a year before the renaming knew it by the other one: the former name
    written, with today's after it (…米林县（今米林市）); else today's, with the former (…米林市（原米林县）).
    The table's other names are its former ones (make_places.py finds no later renaming in its sources)."""
    names = [p.name for p in places.chain(place)]
    if written in place.other_names:
        names[-1] = f"{written}（今{place.name}）"
    elif place.other_names:
        names[-1] = f"{place.name}（原{'、'.join(place.other_names)}）"
    return "".join(names)


# how near a place is to a body's region: the region, its ancestors and descendants; the same province; elsewhere
NEARNESS = ("home", "neighbour", "foreign")


def home_place(places: Gazetteer, region: list[str] | tuple[str, ...]) -> Place | None:
    """The deepest place of a region chain that the gazetteer knows (a township is not in it)."""
    home: Place | None = None
    for name in region:
        candidates = [p for p in places.lookup(name) if home is None or home in places.chain(p)]
        if candidates:
            home = candidates[0]
    return home


def relation(places: Gazetteer, place: Place, home: Place) -> str:
    """home (the region, its ancestors and descendants), neighbour (same province) or foreign."""
    chain, home_chain = places.chain(place), places.chain(home)
    if home in chain or place in home_chain:
        return "home"
    return "neighbour" if chain[0] == home_chain[0] else "foreign"


def nearest(places: Gazetteer, readings: list[Place], home: Place) -> tuple[str, Place]:
    """The place among `readings` (the places a name may mean) nearest to home, and how near
    (NEARNESS; the first of equals)."""
    return min(((relation(places, p, home), p) for p in readings), key=lambda pair: NEARNESS.index(pair[0]))


def _rows(source: bytes) -> list[tuple[str, str, str, str | None, tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """The fields of each place, from the file's bytes."""
    rows = []
    for row in io.TextIOWrapper(io.BytesIO(source), encoding="utf-8"):  # as open(path, encoding="utf-8")
        if row.startswith("#") or not row.strip():
            continue
        code, name, level, parent, *lists = (row.rstrip("\n").split("\t") + [""] * 7)[:7]
        rows.append((code, name, level, parent or None, *(tuple(filter(None, names.split(","))) for names in lists)))
    return rows


def read_gazetteer(path: Path, cached: bool = False) -> Gazetteer:
    """`cached`: the built-in table, whose rows are kept between runs (yamlfiles/parse_cache.py): a
    one-file check then does not split its 3,000 lines again."""
    source = path.read_bytes()
    kept = parse_cache.load(path, source) if cached else None
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == _CACHE_FORMAT:  # else a miss, or another version's
        rows = kept[1]
    else:
        rows = _rows(source)
        if cached:
            parse_cache.store(path, source, (_CACHE_FORMAT, rows))
    return Gazetteer({row[0]: Place(*row) for row in rows})


@cache
def gazetteer() -> Gazetteer:
    return read_gazetteer(data_file("places.tsv"), cached=True)
