"""The report's required sections as data (rules/data/report_sections.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import regex

from checker.engine.yamlfile import read_yaml
from checker.resources import data_file

# Anchors, boundaries, lookarounds: a wording with one may match in a part of a text and not in the whole.
_LOOKS_AROUND = regex.compile(r"[\^$]|\\[AbBGKZmM]|\(\?<?[=!]")


@dataclass(frozen=True)
class SectionItem:
    key: str
    name: str
    year: str  # "report" | "next" | "none"
    # One pattern a wording: joined into one alternation, a `^(?!.*…).*` wording is tried at every
    # position of the text and the search costs ~3× more.
    wordings: tuple[regex.Pattern, ...]

    def named_in(self, text: str) -> bool:
        """Whether one of the item's wordings occurs in `text`."""
        return any(wording.search(text) for wording in self.wordings)

    def may_be_named_within(self, text: str) -> bool:
        """False when no part of `text` (a line, a heading's title) can name the item: each wording
        looks at nothing around its match and occurs nowhere in `text`. One search of a whole
        document spares a search of every heading for an item the document never names."""
        return any(looks_around or wording.search(text) for wording, looks_around in zip(self.wordings, self._looks_around))

    @cached_property
    def _looks_around(self) -> tuple[bool, ...]:
        return tuple(_LOOKS_AROUND.search(wording.pattern) is not None for wording in self.wordings)


@dataclass(frozen=True)
class SectionVocabulary:
    items: tuple[SectionItem, ...]
    evidence: tuple[str, ...]
    max_heading_length: int
    source: str

    @cached_property
    def _any_evidence(self) -> regex.Pattern:  # one search instead of a substring test per word
        return regex.compile("|".join(regex.escape(word) for word in self.evidence) or "(?!)")

    def item(self, key: str) -> SectionItem:
        return self._by_key[key]

    @cached_property
    def _by_key(self) -> dict[str, SectionItem]:  # item() is asked for every section heading by several rules
        return {item.key: item for item in reversed(self.items)}  # reversed: the first of equal keys wins, as before

    def match(self, title: str, need_evidence: bool) -> SectionItem | None:
        """The item a heading title names, if any."""
        if len(title) > self.max_heading_length:
            return None
        if need_evidence and not self._any_evidence.search(title):
            return None
        for item in self.items:
            if item.named_in(title):
                return item
        return None


@cache
def vocabulary() -> SectionVocabulary:
    data = read_yaml(data_file("report_sections.yaml"), cached=True)
    items = tuple(
        SectionItem(
            key=raw["key"],
            name=raw["name"],
            year=raw["year"],
            wordings=tuple(regex.compile(w) for w in raw["wordings"]),
        )
        for raw in data["items"]
    )
    return SectionVocabulary(items, tuple(data["evidence"]), int(data["max_heading_length"]), data["source"])
