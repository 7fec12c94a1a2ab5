"""The report's required sections as data (rules/data/report_sections.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from checker.resources import data_file, load_yaml


@dataclass(frozen=True)
class SectionItem:
    key: str
    name: str
    year: str  # "report" | "next" | "none"
    pattern: regex.Pattern


@dataclass(frozen=True)
class SectionVocabulary:
    items: tuple[SectionItem, ...]
    evidence: tuple[str, ...]
    max_heading_length: int
    source: str

    def item(self, key: str) -> SectionItem:
        return next(item for item in self.items if item.key == key)

    def match(self, title: str, need_evidence: bool) -> SectionItem | None:
        """The item a heading title names, if any."""
        if len(title) > self.max_heading_length:
            return None
        if need_evidence and not any(word in title for word in self.evidence):
            return None
        for item in self.items:
            if item.pattern.search(title):
                return item
        return None


@cache
def vocabulary() -> SectionVocabulary:
    data = load_yaml(data_file("report_sections.yaml"))
    items = tuple(
        SectionItem(
            key=raw["key"],
            name=raw["name"],
            year=raw["year"],
            pattern=regex.compile("|".join(f"(?:{w})" for w in raw["wordings"])),
        )
        for raw in data["items"]
    )
    return SectionVocabulary(items, tuple(data["evidence"]), int(data["max_heading_length"]), data["source"])
