"""Years in a draft, as the report context reads them: single-year mentions, the year each section
heading names, and the year the body talks about most.

Every "2021年" outside the title and the required-section headings (which are evidence of their own,
year_votes_of_headings) is a vote; a clear majority (at least MIN_VOTES, twice the runner-up) is the
body's year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from checker.document.model import Document
from checker.document.sections import vocabulary

# "2021年", but not either end of a range such as "2021－2025年" or "2021年-2025年". The spaces
# exclude "\n" so that a search of the whole text view never looks into the next paragraph.
_YEAR = regex.compile(r"(?<![\d－—\-~～至到])(?P<year>(?:19|20)\d\d)(?=[^\S\n]*年(?![^\S\n]*[－—\-~～至到]))")
_MIN_VOTES = 2
_MAJORITY = 2  # the winner needs this many times the votes of the runner-up
_OFFSET = {"report": 0, "next": 1}


def year_mentions(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, year) of every single-year mention "YYYY年" in `text`."""
    for match in _YEAR.finditer(text):
        yield match.start("year"), match.end("year"), int(match.group("year"))


def year_votes_of_headings(document: Document) -> Iterator[tuple[int, int, str]]:
    """(line, report year it implies, heading) for each year in a required-section heading."""
    for heading in document.outline:
        if heading.section is None:
            continue
        offset = _OFFSET.get(vocabulary().item(heading.section).year)
        if offset is None:
            continue
        for _, _, year in year_mentions(heading.title):
            yield heading.line, year - offset, heading.title


def body_year(document: Document) -> int | None:
    """The year the body clearly talks about, or None when the body has no clear majority."""
    # One search of the whole view counts every mention; the mentions in the few lines that are
    # evidence of their own (the title, the required-section headings) are then taken out.
    votes: Counter[int] = Counter()
    for year, count in Counter(_YEAR.findall(document.view_text)).items():
        votes[int(year)] += count  # "2021" and "２０２１" are one year
    title_lines = document.title_block.lines if document.title_block else []
    section_lines = [h.paragraph for h in document.outline if h.section is not None]
    own_evidence = (*title_lines, *section_lines)
    votes.subtract([year for paragraph in own_evidence for _, _, year in year_mentions(paragraph.text)])
    ranked = (+votes).most_common(2)
    if not ranked or ranked[0][1] < _MIN_VOTES:
        return None
    if len(ranked) > 1 and ranked[0][1] < _MAJORITY * ranked[1][1]:
        return None
    return ranked[0][0]
