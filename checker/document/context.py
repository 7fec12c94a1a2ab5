"""Report context: the issuing body, its region chain and the report year, each with its evidence and
a confidence (certain / likely / unknown). `report_context` is the one place that decides it.

Evidence, strongest first: values given from outside (--body/--region/--year, config, API: certain,
except a given region naming no known place: unknown, with that name as its evidence);
the signature block at the end (落款: the body's name and a date); the title block (two-line titles,
joint issuers "中共某县委 某县人民政府"); the opening paragraph ("2021年，某镇人民政府…"); the names
and years the text uses most. A title and an opening that agree on a body the gazetteer places outweigh
a 落款 that alone names another. Page debris lines ("今天是…", 发布时间, 索引号) are never read. A name
that several places share (鼓楼街道) is settled by the places the draft names beside it (密云区),
or left unknown: nothing is guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice

import ahocorasick_rs
import regex

from checker.document.body_names import same_organisation
from checker.document.characters import holds_hidden, without_hidden
from checker.document.context_words import (
    PlaceHit,
    body_in,
    clean_body,
    date_of,
    is_link_list_label,
    is_page_debris,
    places_in,
)
from checker.document.model import (
    CERTAIN,
    LIKELY,
    UNKNOWN,
    UNPLACED,
    Document,
    Evidence,
    GivenContext,
    Paragraph,
    Part,
    ReportContext,
)
from checker.document.per_document import per_document
from checker.document.places import Gazetteer, Place, gazetteer
from checker.document.structure import find_structure
from checker.document.towns import town_chain, towns_named
from checker.document.years import body_year, year_votes_of_headings

_OPENING_PARAGRAPHS = 2
_SIGNATURE_LINES = 4  # the last non-blank lines: body name(s), then a date
_PAGE_FOOTER_LINES = 16  # the last non-blank lines searched for a list of links under the signature
_OPENING_YEAR = regex.compile(r"^[\s\u3000]*(?P<year>(?:19|20)\d\d)\s*年(?!\s*[以来前底末初至到—－\-~～])")
_MAX_SIGNATURE = 40
_PAGE_WORD = 16  # characters of a page's short line without punctuation under the signature (an account's name)
_PAGE_WORD_TEXT = regex.compile(r"[^\p{P}\d]+|\d{1,6}")  # or a count alone (of likes: 点赞 / 12)
# under the signature date: a line in brackets (附注), the 版记's lines (抄送：…, 某办公室 2024年3月1日印发)
# and the rules between them
_AFTER_SIGNATURE = regex.compile(r"[（(][^（）()]*[）)]|(?:抄送|抄报|分送|报送)\s*[：:].*|.{0,40}印发|[-—─━_=＝\s]{3,}")
_ATTACHMENT_PAGE = regex.compile(r"附\s*件\s*[0-9一二三四五六七八九十]*")  # an attachment's first line (GB/T 9704)
_ATTACHMENT_LINES = 400  # the last non-blank lines searched for attachment pages after the signature
_CERTAIN_MARGIN = 2  # a year is certain when two kinds of evidence agree and it leads by this much
_STATED = {"title", "signature-date"}  # where a draft states its year outright
_ONE_PASS_FROM = 32  # distinct names: from this many on, mentions are counted in one pass


def after_title(document: Document) -> list[Paragraph]:
    """The paragraphs after the title block (all of them when there is none): what stands over the
    title (a site's banner, its metadata) is no opening of the report."""
    block = document.title_block
    return document.paragraphs[block.lines[-1].index + 1 :] if block else document.paragraphs


def opening_paragraphs(document: Document, count: int) -> list[Paragraph]:
    """The first `count` non-blank paragraphs after the title and before the first heading: where a
    report says who reports on which year (FZ305, FZ306)."""
    first_heading = document.outline[0].paragraph.index if document.outline else len(document.paragraphs)
    return [p for p in after_title(document) if not p.is_blank and p.index < first_heading][:count]


def _opening(document: Document) -> list[Paragraph]:
    """The first paragraphs after the title that are neither blank nor page debris."""
    prose = (p for p in after_title(document) if not p.is_blank and not is_page_debris(p.text))
    return list(islice(prose, _OPENING_PARAGRAPHS))


def _seal_under_date(paragraph: Paragraph) -> bool:
    """A text box's line without a date, read after the line that anchors it: a seal set on the 落款's
    date line (its name over the date, in the view after it), never the end of a 落款, which is a date."""
    return paragraph.part is Part.TEXT_BOX and date_of(paragraph.text) is None


@per_document  # the context, FZ313 and the rules on what came after the writing all read it
def signature_block(document: Document) -> tuple[list[Paragraph], Paragraph | None]:
    """The body lines and the date line of the 落款, if the draft ends with one."""
    # read from the end, past attachment pages (附件 / 附件1 on a line of its own, then their text), the
    # page's footer, the 版记 (抄送：…, …印发) and a note under the date (GB/T 9704 附注: （此件公开发布）):
    # the whole draft is never walked for its last lines
    backwards = (p for p in reversed(document.paragraphs) if not p.is_blank)
    last = list(islice(backwards, _ATTACHMENT_LINES))
    attached = max((n for n, p in enumerate(last) if "附" in p.text and _ATTACHMENT_PAGE.fullmatch(p.text.strip())), default=-1)
    last = last[attached + 1 :]
    listed = next((n for n, p in enumerate(last[:_PAGE_FOOTER_LINES]) if is_link_list_label(p.text)), -1)  # 相关链接： and its links
    lines = _under_the_page(chain(last[listed + 1 :], backwards))
    tail = list(islice(lines, _SIGNATURE_LINES))[::-1]
    if not tail or date_of(tail[-1].text) is None:
        return [], None
    names = []
    for paragraph in reversed(tail[:-1]):
        text = paragraph.text.strip()
        if len(text) > _MAX_SIGNATURE or regex.search(r"[\p{P}\d]", text):
            break
        names.insert(0, paragraph)
    return names, tail[-1]


def _under_the_page(backwards: Iterable[Paragraph]) -> Iterator[Paragraph]:
    """The lines from the end up, from the first one that is no line of the page's footer, no note under the
    signature and no seal's text box on: short lines without punctuation next to a page's line are the
    page's too (the name of a WeChat account between 关注我们 and 微信号：…, a count of likes under 点赞);
    a 落款's name or date never sits so."""
    lines, below_page, pending = iter(backwards), False, []
    for paragraph in lines:
        text = paragraph.text.strip()
        if _seal_under_date(paragraph):
            continue
        if is_page_debris(text) or _AFTER_SIGNATURE.fullmatch(text) is not None:
            below_page, pending = True, []  # the short lines under it were the page's
        elif len(text) <= _PAGE_WORD and _PAGE_WORD_TEXT.fullmatch(text) and date_of(text) is None:
            if not below_page:
                pending.append(paragraph)  # the page's if a page's line stands over it
        else:
            yield from pending
            yield paragraph
            yield from lines
            return
    yield from pending


def signature_lines(document: Document) -> set[int]:
    """The indexes of the 落款's lines, its names and its date: several issuers or a body and a date
    spaced apart there are the 落款's layout, never a slip of the text."""
    names, date = signature_block(document)
    return {p.index for p in (*names, *([date] if date else []))}


class _Candidate:
    def __init__(self, name: str, evidence: Evidence, hits: list[PlaceHit]):
        self.name, self.evidence, self.hits = name, evidence, hits

    @property
    def inner(self) -> str | None:
        """Its innermost place name, the body's identity (静海区 in 天津市静海区人民政府)."""
        return self.hits[-1].name if self.hits else None

    @property
    def organisation(self) -> str:
        """What follows its innermost place (应急管理局 in 北川羌族自治县应急管理局), first issuer of
        several; empty for a bare place or a name with none."""
        rest = self.name[self.hits[-1].end :].split() if self.hits else []
        return rest[0] if rest else ""


def _candidates(document: Document, names: list[Paragraph], places: Gazetteer) -> list[_Candidate]:
    """Body names from the signature (its name lines: `names`), the title and the opening, in that
    order of strength."""
    found: list[tuple[str, Evidence]] = []
    if names:  # joint issuers, on one line or several: one space between them
        signed = " ".join(" ".join(p.text.split()) for p in names)
        found.append((signed, Evidence(names[0].line, "signature", signed)))
    title = document.title_block
    if title and title.body and not is_page_debris(title.body):
        line = next((p for p in title.lines if title.body in p.text), title.title)
        found.append((clean_body(" ".join(title.body.split())), Evidence(line.line, "title", title.body)))
    for paragraph in _opening(document):
        hits = places_in([paragraph.text], places)[0]
        if body := body_in(paragraph.text, hits):
            found.append((body[0], Evidence(paragraph.line, "opening", body[0])))
            break
    hits = places_in([name for name, _ in found], places)
    return [_Candidate(name, evidence, h) for (name, evidence), h in zip(found, hits) if h or evidence.kind != "opening"]


def _same_place(a: _Candidate, b: _Candidate) -> bool:
    return a.inner is not None and a.inner == b.inner or a.name == b.name


def _agree(a: _Candidate, b: _Candidate) -> bool:
    """The same body: the same innermost place and, when both name one, the same organisation there
    (a 落款 of 某县交通运输局 under a title of 某县应急管理局 is another body's, left from a copy)."""
    if a.name == b.name:
        return True
    return _same_place(a, b) and same_organisation(a.organisation, b.organisation)


def _outweighing_signature(candidates: list[_Candidate], document: Document, places: Gazetteer) -> _Candidate | None:
    """The title, when it and the opening name one body, the 落款 alone another, and the gazetteer
    places the title's (红旗街道 of 长春市朝阳区 against a 落款 of 红旗路街道办事处): one line mistyped or
    left from a copy weighs less than two that agree. An opening that names no body in full agrees
    with the title when it names the title's place and not the 落款's ("2021年，某镇党委、政府…").
    FZ112 reports the 落款 that names another body."""
    kinds = [c.evidence.kind for c in candidates]
    if kinds[:2] != ["signature", "title"]:
        return None
    signature, title = candidates[:2]
    if _agree(signature, title):
        return None
    if kinds[2:] == ["opening"]:
        opening = candidates[2]
        if not _agree(title, opening) or _agree(signature, opening):
            return None
    elif not _opening_names_only(title, signature, document):
        return None
    region, _, _ = _region(title, document.view_text, places)
    # placed: the chain ends at the title's own place (a township as written, a county by its full name)
    own = {title.inner, *(p.name for p in places.lookup(title.inner or ""))}
    return title if region and region[-1] in own else None


def _opening_names_only(title: _Candidate, signature: _Candidate, document: Document) -> bool:
    if not title.inner or not signature.inner or title.inner == signature.inner:
        return False
    opening = "".join(p.text for p in _opening(document))
    return title.inner in opening and signature.inner not in opening


def _decide_body(document: Document, candidates: list[_Candidate], places: Gazetteer) -> tuple[_Candidate | None, str, list[Evidence], str]:
    """The body, how sure of it, the evidence, and how sure of its place: a 落款 and a title naming two
    bodies of one county leave the body likely, its county certain. The 落款 is the strongest single
    evidence, but a title and an opening that agree outweigh it (`_outweighing_signature`)."""
    if not candidates:
        return None, LIKELY, [], LIKELY
    chosen = _outweighing_signature(candidates, document, places) or candidates[0]
    agreeing = [c for c in candidates if _agree(c, chosen)]
    strong = [c for c in candidates if c.evidence.kind in ("signature", "title")]
    strong_against = [c for c in strong if not _agree(c, chosen)]
    evidence = [c.evidence for c in agreeing]
    if chosen.inner:  # the names the text uses for itself, counted through the whole draft
        uses = document.view_text.count(chosen.inner)
        if uses >= 3:
            evidence.append(Evidence(0, "subject", f"{chosen.inner} ×{uses}"))
    kinds = {e.kind for e in evidence}
    certain = not strong_against and (kinds & {"signature", "title"} or len(kinds) >= 2)
    placed = certain or (len(strong) > 1 and all(_same_place(c, chosen) for c in strong))
    return chosen, CERTAIN if certain else LIKELY, evidence, CERTAIN if placed else LIKELY


def _names_of(place: Place) -> Iterable[str]:
    return dict.fromkeys((place.name, *place.short_forms))


class _Mentions:
    """How often a text names each of some places (by name or short form), each name counted once
    however many options share it: with many names (城关镇 stands for dozens of places), in one pass
    of one automaton over the text, not one search of the whole draft per name; a few names are
    cheaper counted one by one than the automaton's pass (which first converts the text)."""

    def __init__(self, text: str, places: Iterable[Place]) -> None:
        names = list(dict.fromkeys(name for place in places for name in _names_of(place)))
        if len(names) < _ONE_PASS_FROM:
            self.counts = {name: text.count(name) for name in names}
            return
        self.counts = dict.fromkeys(names, 0)
        ends: dict[str, int] = {}
        for index, start, end in ahocorasick_rs.AhoCorasick(names).find_matches_as_indexes(text, overlapping=True):
            name = names[index]
            if start >= ends.get(name, 0):  # as str.count: one name's occurrences do not overlap
                self.counts[name] += 1
                ends[name] = end

    def __call__(self, place: Place) -> int:
        return sum(self.counts[name] for name in _names_of(place))


def _options(hit: PlaceHit, places: Gazetteer) -> list[tuple[list[Place], str | None]]:
    """Every chain a place name may stand for (a township: its county's chain and itself)."""
    if hit.towns:
        return [(town_chain(town, places), hit.name) for town in hit.towns]
    return [(places.chain(place), None) for place in hit.places]


def _region(candidate: _Candidate, text: str, places: Gazetteer) -> tuple[list[str], bool, str]:
    """The region chain of a body, whether its name alone settled it, and the places named in `text`
    (the whole draft) that settled it otherwise."""
    chain: list[Place] = []
    town: str | None = None
    by_name_alone, settled_by = True, ""
    for hit in candidate.hits:
        options = [(c, t) for c, t in _options(hit, places) if not chain or chain[-1] in c]
        if not options:
            continue
        if len(options) > 1:  # 鼓楼街道, 城关镇: the places the draft names around it decide
            mentions = _Mentions(text, (p for c, _ in options for p in c))
            scored = sorted(((sum(mentions(p) for p in (c if t else c[:-1]) if p not in chain), c, t)
                             for c, t in options), key=lambda s: s[0], reverse=True)
            if scored[0][0] == 0 or scored[0][0] == scored[1][0]:
                return [], False, ""
            options = [(scored[0][1], scored[0][2])]
            by_name_alone = False
            settled_by = "、".join(p.name for p in (scored[0][1] if scored[0][2] else scored[0][1][:-1]) if mentions(p))
        chain, town = options[0]
    names = [p.name for p in chain] + ([town] if town else [])
    return names, by_name_alone, settled_by


def _decide_year(document: Document, signature_date: Paragraph | None) -> tuple[int | None, str, list[Evidence]]:
    votes: Counter[int] = Counter()
    evidence: dict[int, list[Evidence]] = {}

    def vote(year: int, weight: int, item: Evidence) -> None:
        votes[year] += weight
        evidence.setdefault(year, []).append(item)

    # Weights: the title is often the one line updated (or not) by itself, so it weighs no more than
    # the opening; a signature date is the strongest; the first section heading weighs as the title,
    # the next two one each (two headings agreeing outweigh the title alone).
    title = document.title_block
    if title and title.year:
        vote(title.year, 2, Evidence(title.title.line, "title", title.title.text.strip()))
    if signature_date is not None:
        year, month = date_of(signature_date.text)
        if month <= 6:  # reports are published by April on the year before
            vote(year - 1, 3, Evidence(signature_date.line, "signature-date", signature_date.text.strip()))
        elif month >= 11:
            vote(year, 1, Evidence(signature_date.line, "signature-date", signature_date.text.strip()))
    for paragraph in _opening(document):
        if match := _OPENING_YEAR.match(paragraph.text):
            vote(int(match.group("year")), 2, Evidence(paragraph.line, "opening", paragraph.text.strip()[:20]))
            break
    for position, (line, year, text) in enumerate(islice(year_votes_of_headings(document), 3)):
        vote(year, 2 if position == 0 else 1, Evidence(line, "heading", text))
    if (majority := body_year(document)) is not None:
        vote(majority, 2, Evidence(0, "body-years", f"正文多数年份 {majority}"))
    ranked = votes.most_common(2)
    if not ranked:
        return None, LIKELY, []
    winner, support = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if support == runner_up:
        return None, LIKELY, []
    kinds = {e.kind for e in evidence[winner]}
    # two kinds agreeing with a clear lead, or the title or signature date with nothing against it
    certain = support - runner_up >= _CERTAIN_MARGIN and (len(kinds) >= 2 or runner_up == 0 and kinds <= _STATED)
    return winner, CERTAIN if certain else LIKELY, evidence[winner]


def _as_read(document: Document) -> Document:
    """The document as a reader sees it: without invisible characters (a BOM, a zero-width space:
    "延\u200b庆区" is 延庆区 to every reader), its title block and outline found again in that text.
    Its lines are the document's own."""
    if not holds_hidden(document.view_text):
        return document
    paragraphs = [replace(p, text=without_hidden(p.text)) for p in document.paragraphs]
    return find_structure(replace(document, paragraphs=paragraphs))


def report_context(document: Document, given: GivenContext | None = None) -> ReportContext:
    """The context of an analysed document (title block and outline set), `given` values winning."""
    given = given or GivenContext()
    document = _as_read(document)
    places = gazetteer()
    context = ReportContext()
    signature_names, signature_date = signature_block(document)
    if given.year is not None:
        context.set("year", given.year, CERTAIN, [Evidence(0, given.origin.get("year", "given"), str(given.year))])
    else:
        context.set("year", *_decide_year(document, signature_date))
    if given.body is not None:
        origin = given.origin.get("body", "given")
        chosen = _Candidate(given.body, Evidence(0, origin, given.body), places_in([given.body], places)[0])
        context.set("body", given.body, CERTAIN, [chosen.evidence])
        body_confidence = place_confidence = CERTAIN
    else:
        chosen, body_confidence, evidence, place_confidence = _decide_body(document, _candidates(document, signature_names, places), places)
        context.set("body", chosen.name if chosen else None, body_confidence, evidence)
    if given.region is not None:
        region = _given_region(given.region, places)
        evidence = [Evidence(0, given.origin.get("region", "given"), "›".join(region))]
        unplaced = [name for name in region if not _is_place(name, places)]
        if unplaced:  # a misspelt name: the rules would compare places with nothing, and find nothing
            evidence.append(Evidence(0, UNPLACED, "、".join(unplaced)))
        context.set("region", region, UNKNOWN if unplaced else CERTAIN, evidence)
    elif chosen is not None:
        region, by_name_alone, settled_by = _region(chosen, document.view_text, places)
        evidence = [chosen.evidence] + ([Evidence(0, "parent-mention", settled_by)] if settled_by else [])
        confidence = place_confidence if by_name_alone else LIKELY
        if settled_by and chosen.evidence.kind in ("signature", "title", "cli", "config", "api") and \
                any(name in chosen.name for name in settled_by.split("、")):
            confidence = place_confidence
        context.set("region", region, confidence, evidence)
    return context


def _given_region(region: tuple[str, ...], places: Gazetteer) -> list[str]:
    """A given region as a chain, province first: names written together without a separator
    (--region 湖南省岳阳市平江县) are cut into the known names they are made of."""
    return [piece for name in region for piece in _known_names(name, places) or [name]]


def _is_place(name: str, places: Gazetteer) -> bool:
    """A name of the gazetteer (full or short form) or of a township."""
    return bool(_known_names(name, places) or towns_named([name]))


def _known_names(name: str, places: Gazetteer) -> list[str]:
    names = places.names_from(name, 0)
    return names if sum(map(len, names)) == len(name) else []


def region_of(body: str, text: str = "") -> list[str]:
    """The region chain of a body name, with `text` to settle a shared name: 东城区园林绿化局 → [北京市, 东城区]."""
    places = gazetteer()
    region, _, _ = _region(_Candidate(body, Evidence(0, "given", body), places_in([body], places)[0]), text, places)
    return region
