"""Whether a mention of an earlier plan or a replaced document looks back at it.

A report may name what has ended: "七五普法顺利通过总结验收", "在《法治政府建设实施纲要（2015－2020年）》
确定的目标任务基本实现的基础上", "…实施期间，我区连续五年…". It uses it as current only when the clause
around the mention (between ，。；！？) holds none of the look-back words (rules/data/look_back.yaml).
The rule types that report an ended plan or a replaced document as current (plan_period,
outdated_citation) read the clause and the words from here.
"""

from __future__ import annotations

from functools import cache

import regex

from checker.document.characters import SENTENCE_END
from checker.resources import data_file
from checker.yamlfiles.reader import read_yaml

_CLAUSE_MARK = regex.compile(f"[{regex.escape(SENTENCE_END + '，,')}]")
_SENTENCE_MARK = regex.compile(f"[{regex.escape(SENTENCE_END)}]")


def _between(marks: regex.Pattern, text: str, start: int, end: int) -> str:
    before = [mark.end() for mark in marks.finditer(text, 0, start)]
    after = marks.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` holding text[start:end]: from the clause mark before it to the one after."""
    return _between(_CLAUSE_MARK, text, start, end)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` holding text[start:end]: from the sentence mark before it to the one after."""
    return _between(_SENTENCE_MARK, text, start, end)


@cache
def look_back_words() -> list[str]:
    """The look-back words (regular expressions), as rules/data/look_back.yaml lists them."""
    return list(read_yaml(data_file("look_back.yaml"), cached=True)["words"])
