"""Report context: the issuing body, its region chain and the report year.

Inferred from the title block, then from the opening sentences ("2021年西红门镇人民政府在…");
overridden by the command line or the config file. Nothing is guessed beyond that: a value that
cannot be found stays None, and the rules that need it say so.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice

import regex

from checker.document.model import Document, ReportContext
from checker.document.places import Gazetteer, Place, gazetteer

_OPENING_PARAGRAPHS = 2
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_BODY_SUFFIX = regex.compile(r"\p{Han}{0,10}?(?:人民政府|政府|局|办公室|办|委员会|委|中心|厅|署)")
# A township-level body has no entry in the gazetteer: its name ends in 镇/乡/街道.
_TOWN = regex.compile(r"(?![年在的和及与于])\p{Han}{2,4}?(?:镇|乡|街道)")


def _opening_text(document: Document) -> str:
    skip = {id(p) for p in document.title_block.lines} if document.title_block else set()
    paragraphs = (p.text for p in document.paragraphs if not p.is_blank and id(p) not in skip)
    return "\n".join(islice(paragraphs, _OPENING_PARAGRAPHS))


def _body_in(text: str, places: Gazetteer) -> str | None:
    """The first "place + body" name in `text`, e.g. 东城区人防办, 西红门镇人民政府."""
    starts = sorted([(start, end) for start, end, _ in places.find(text)] + [m.span() for m in _TOWN.finditer(text)])
    for start, end in starts:
        suffix = _BODY_SUFFIX.match(text, end)
        if suffix:
            return text[start : suffix.end()]
    return None


def _mentions(text: str, place: Place) -> int:
    return sum(text.count(name) for name in (place.name, *place.short_forms))


def _best_place(candidates: list[Place], places: Gazetteer, text: str) -> Place:
    """Among places sharing a name, the one whose ancestors the draft mentions most."""
    if len(candidates) == 1:
        return candidates[0]  # no need to count mentions through the whole text
    return max(candidates, key=lambda p: sum(_mentions(text, a) for a in places.chain(p)[:-1]))


def region_of(body: str, text: str, places: Gazetteer | None = None) -> list[str]:
    """The region chain of a body name, province first: 东城区园林绿化局 → [北京市, 东城区]."""
    places = places or gazetteer()
    found = [(start, name) for start, _, name in places.find(body)]
    town = _TOWN.search(body)
    chain: list[Place] = []
    for _, name in found:
        candidates = [p for p in places.lookup(name) if not chain or places.chain(p)[:-1][-1:] == chain[-1:]]
        if candidates:
            chain = places.chain(_best_place(candidates, places, text))
    if town and not any(town.group() == p.name for p in chain):
        if not chain:
            counties = Counter(name for _, _, name in places.find(text) if places.lookup(name)[0].level == "county")
            if counties:
                name = counties.most_common(1)[0][0]
                chain = places.chain(_best_place(places.lookup(name), places, text))
        return [p.name for p in chain] + [town.group()]
    return [p.name for p in chain]


def infer_context(document: Document) -> ReportContext:
    context = ReportContext()
    title = document.title_block
    opening = _opening_text(document)
    if title and title.year:
        context.year, context.provenance["year"] = title.year, "title"
    elif year := _YEAR.search(opening):
        context.year, context.provenance["year"] = int(year.group(1)), "text"
    if title and title.body:
        context.body, context.provenance["body"] = title.body, "title"
    elif body := _body_in(opening, gazetteer()):
        context.body, context.provenance["body"] = body, "text"
    if context.body:
        context.region = region_of(context.body, document.view_text)
        if context.region:
            context.provenance["region"] = context.provenance["body"]
    return context


def apply_overrides(
    context: ReportContext, document: Document, *, body: str | None, region: list[str] | None, year: int | None, origin: str
) -> None:
    """Values given by the user win over inferred ones; a new body re-derives its region."""
    if year is not None:
        context.year, context.provenance["year"] = year, origin
    if body is not None:
        context.body, context.provenance["body"] = body, origin
        if region is None:
            context.region = region_of(body, document.view_text)
            context.provenance["region"] = origin
    if region is not None:
        context.region, context.provenance["region"] = list(region), origin
