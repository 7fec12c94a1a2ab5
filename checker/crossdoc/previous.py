"""This year's draft against last year's report: which paragraph came from which, and how closely."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from heapq import nlargest
from itertools import chain, repeat

import regex

from checker.crossdoc.boilerplate import boilerplate_pattern, masked
from checker.crossdoc.text import MIN_CHARACTERS, containment, normalised, normalised_lines, shingles
from checker.document.model import Document, Paragraph
from checker.document.per_document import per_document
from checker.document.sections import vocabulary

# A paragraph is compared with the few of last year's that share the most shingles with it.
_CANDIDATES = 3
# Below this, two paragraphs are not taken to be one paragraph rewritten.
FLOOR = 0.3


@dataclass(frozen=True, slots=True)
class Carried:
    paragraph: Paragraph  # this year's
    section: str | None  # key of the required section it is in (rules/data/report_sections.yaml)
    previous: Paragraph  # last year's closest
    previous_section: str | None
    similarity: float


def sections_by_line(document: Document) -> dict[int, str | None]:
    """The required section (key) each paragraph is in: that of the last top-level heading before it."""
    starts = {h.paragraph.line: h.section for h in document.outline if h.level == 1}
    current = None
    found = {}
    for paragraph in document.paragraphs:
        current = starts.get(paragraph.line, current)
        found[paragraph.line] = current
    return found


def compared_texts(document: Document, pattern: regex.Pattern | None = None) -> list[tuple[Paragraph, str]]:
    """The paragraphs worth comparing, each with its normalised text without boilerplate (`pattern`,
    the built-in list by default): body text long enough once that is cut out. A run-in heading's
    title ("（四）加强行政权力制约监督。…") is a topic every report may name: only its body is compared."""
    headings = {h.paragraph.line: h for h in document.outline}
    title = {p.line for p in document.title_block.lines} if document.title_block else set()
    sections = vocabulary()
    chosen: list[tuple[Paragraph, str]] = []
    for paragraph in document.paragraphs:
        heading = headings.get(paragraph.line)
        if heading is not None and not heading.run_in or paragraph.line in title or len(paragraph.text) < MIN_CHARACTERS:
            continue
        if "。" not in paragraph.text and sections.match(paragraph.text, need_evidence=True):
            continue  # a required section's heading the outline did not take for one is still a heading
        chosen.append((paragraph, paragraph.text[heading.title_end :] if heading is not None else paragraph.text))
    texts = masked(normalised_lines([text for _, text in chosen]), pattern or boilerplate_pattern())
    return [(paragraph, text) for (paragraph, _), text in zip(chosen, texts) if len(text) >= MIN_CHARACTERS]


@per_document
def compared_paragraphs(document: Document) -> list[tuple[Paragraph, frozenset[str]]]:
    """Each compared paragraph with its shingles (a paragraph said twice is cut once). Once per
    document: last year's report is compared with each draft of its body in the batch."""
    cut: dict[str, frozenset[str]] = {}
    return [(paragraph, shingles_of(text, cut)) for paragraph, text in compared_texts(document)]


def shingles_of(text: str, cut: dict[str, frozenset[str]]) -> frozenset[str]:
    """`shingles(text)`, cut once for all the texts that share `cut`."""
    grams = cut.get(text)
    if grams is None:
        grams = cut[text] = shingles(text)
    return grams


def align(document: Document, previous: Document) -> list[Carried]:
    """For each compared paragraph of `document`, the most similar of `previous` (if at least FLOOR)
    among the _CANDIDATES that share the most shingles with it (ties: the earlier paragraph). A paragraph
    kept unchanged is the earliest of last year's with the same shingles (similarity 1), uncounted."""
    before, now = compared_paragraphs(previous), compared_paragraphs(document)
    unchanged: dict[frozenset[str], int] = {}
    for number, (_, grams) in enumerate(before):
        unchanged.setdefault(grams, number)
    index = _holders([grams for _, grams in before], [grams for _, grams in now if grams not in unchanged])
    sections, previous_sections = sections_by_line(document), sections_by_line(previous)
    carried = []
    for paragraph, grams in now:
        best, score = unchanged.get(grams), 1.0
        if best is None:
            best, score = _closest(grams, before, index)
        if best is not None and score >= FLOOR:
            old = before[best][0]
            carried.append(Carried(paragraph, sections[paragraph.line], old, previous_sections[old.line], score))
    return carried


def _closest(grams: frozenset[str], before: list[tuple[Paragraph, frozenset[str]]],
             index: dict[str, list[int]]) -> tuple[int | None, float]:
    shared = _shared(grams, index)
    best, score = None, 0.0
    for number, common in nlargest(_CANDIDATES, shared.items(), key=_most_then_first):
        value = common / (len(grams) + len(before[number][1]) - common)  # similarity(), from the count
        if value > score:
            best, score = number, value
    return best, score


def _holders(sets: list[frozenset[str]], asked: list[frozenset[str]]) -> dict[str, list[int]]:
    """For each shingle of `asked` that `sets` have, the numbers of the sets holding it: the others would
    never be looked up."""
    wanted = set().union(*asked)
    index: dict[str, list[int]] = {}
    for number, grams in enumerate(sets):
        for gram in grams & wanted:
            index.setdefault(gram, []).append(number)
    return index


def _shared(grams: frozenset[str], index: dict[str, list[int]]) -> Counter:
    """How many of `grams` each set behind `index` (_holders) holds, counted in C."""
    return Counter(chain.from_iterable(map(index.get, grams, repeat(()))))


def _most_then_first(candidate: tuple[int, int]) -> tuple[int, int]:
    number, common = candidate
    return common, -number


_SENTENCE = regex.compile(r"[^。；！？]+[。；！？]?")


@dataclass(frozen=True, slots=True)
class KeptSentence:
    paragraph: Paragraph  # this year's
    start: int  # where the sentence starts in it
    text: str
    previous: Paragraph  # last year's paragraph holding the closest sentence
    previous_text: str
    containment: float  # the share of this year's sentence's shingles that last year's has


def sentences(text: str) -> Iterator[tuple[int, str]]:
    return ((m.start(), m.group()) for m in _SENTENCE.finditer(text) if m.group().strip())


def kept_sentences(paragraphs: list[Paragraph], previous: Document, wanted: Callable[[str], bool]) -> Iterator[KeptSentence]:
    """Each sentence of `paragraphs` that `wanted` accepts, with the sentence of `previous` (among those
    `wanted` accepts) that holds most of it. `wanted` accepts every paragraph holding a sentence it
    accepts (a paragraph it refuses is not cut into sentences)."""
    cut: dict[str, frozenset[str]] = {}
    mine = [(paragraph, start, text, shingles_of(normalised(text), cut))
            for paragraph in paragraphs if wanted(paragraph.text)
            for start, text in sentences(paragraph.text) if wanted(text)]
    if not mine:
        return
    before = [(p, text, shingles_of(normalised(text), cut)) for p in previous.paragraphs if wanted(p.text)
              for _, text in sentences(p.text) if wanted(text)]
    index = _holders([grams for _, _, grams in before], [grams for *_, grams in mine])
    for paragraph, start, text, grams in mine:
        shared = _shared(grams, index)
        if shared:
            number, _ = max(shared.items(), key=_most_then_first)
            old, old_text, old_grams = before[number]
            yield KeptSentence(paragraph, start, text, old, old_text, containment(grams, old_grams))
