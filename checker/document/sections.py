"""The report's required sections as data (rules/data/report_sections.yaml)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

import regex

from checker.document.letter_spacing import without_letter_spacing
from checker.resources import data_file
from checker.yamlfiles.reader import read_yaml

# Anchors, boundaries, lookarounds: a wording with one may match in a part of a text and not in the whole.
_LOOKS_AROUND = regex.compile(r"[\^$]|\\[AbBGKZmM]|\(\?<?[=!]")
# Inline flags, named groups, group references: a wording with one reads otherwise inside a bigger pattern.
_CONTEXT_BOUND = regex.compile(r"\(\?(?!:)|\\(?:[1-9]|g)")


def _searches(wordings: Iterable[regex.Pattern]) -> tuple[regex.Pattern, ...]:
    """Patterns one of which finds a match exactly when one of `wordings` does, in fewer searches: the
    wordings that look at nothing around their match joined into one alternation (searched once
    instead of one by one), the others kept apart (in an alternation, a `^(?!.*…).*` wording would
    be tried at every position of the text, at several times the cost)."""
    joined, apart = [], []
    for wording in wordings:
        bound = _LOOKS_AROUND.search(wording.pattern) or _CONTEXT_BOUND.search(wording.pattern)
        (apart if bound else joined).append(wording)
    if len(joined) > 1:
        joined = [regex.compile("|".join(f"(?:{wording.pattern})" for wording in joined))]
    return (*joined, *apart)


@dataclass(frozen=True)
class SectionItem:
    key: str
    name: str
    year: str  # "report" | "next" | "none"
    wordings: tuple[regex.Pattern, ...]
    themed: bool = False  # may be written as topic headings of its own, none of them naming the item
    # how a body paragraph says the item's content when no heading of its own holds it (the 第一责任人
    # duty told inside the measures: 局党组书记、局长认真履行推进法治建设第一责任人职责)
    in_text: regex.Pattern | None = None

    def named_in(self, text: str) -> bool:
        """Whether one of the item's wordings occurs in `text` (read without letter-spacing: "不 足 和 原 因")."""
        text = without_letter_spacing(text)
        return any(search.search(text) for search in self._searches)

    @cached_property
    def _searches(self) -> tuple[regex.Pattern, ...]:
        return _searches(self.wordings)

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

    def names_some_item(self, text: str) -> bool:
        """Whether some item's wording occurs in `text` (a few searches instead of one a wording), read
        without letter-spacing."""
        text = without_letter_spacing(text)
        return any(search.search(text) for search in self._searches)

    @cached_property
    def _searches(self) -> tuple[regex.Pattern, ...]:
        return _searches(wording for item in self.items for wording in item.wordings)

    def match(self, title: str, need_evidence: bool) -> SectionItem | None:
        """The item a heading title names, if any. A title letter-spaced by a PDF copy ("存 在 的 不 足
        和 原 因") is read by its words."""
        if len(title) > 2 * self.max_heading_length:  # too long even letter-spaced: spared the search for spacing
            return None
        title = without_letter_spacing(title)
        if len(title) > self.max_heading_length:
            return None
        if need_evidence and not self._any_evidence.search(title):
            return None
        if not self.names_some_item(title):  # most titles: then no item needs trying one by one
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
            themed=bool(raw.get("themed", False)),
            in_text=regex.compile(raw["in_text"]) if raw.get("in_text") else None,
        )
        for raw in data["items"]
    )
    return SectionVocabulary(items, tuple(data["evidence"]), int(data["max_heading_length"]), data["source"])
