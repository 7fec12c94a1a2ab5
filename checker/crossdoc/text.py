"""How two paragraphs are compared: normalised text, character shingles, similarity.

Similarity is the Jaccard index of the two paragraphs' sets of character 4-grams, after
normalisation (whitespace dropped, half-width punctuation made full-width). Measured thresholds are in
docs/copy-detection.md.
"""

from __future__ import annotations

import regex

SHINGLE = 4
# Paragraphs shorter than this (normalised) are headings, sign-offs and the like: not compared.
MIN_CHARACTERS = 30
_SPACE = regex.compile(r"\s+")
_SPACE_IN_LINES = regex.compile(r"[^\S\n]+")
# A figure: digits, maybe a decimal part or a percent sign; not a year, a date or a document number.
FIGURE = regex.compile(r"(?<![\d.〔\[［])\d+(?:\.\d+)?(?:%|％)?(?![\d.]|年|月|日|号|〕|\]|］)")
_HALF_WIDTH = ((",", "，"), (";", "；"), (":", "："), ("(", "（"), (")", "）"), ("?", "？"), ("!", "！"))


def _full_width(text: str) -> str:
    # one str.replace per mark: str.translate walks a CJK text character by character, which is slower
    for half, full in _HALF_WIDTH:
        if half in text:
            text = text.replace(half, full)
    return text


def normalised(text: str) -> str:
    return _full_width(_SPACE.sub("", text))


def normalised_lines(texts: list[str]) -> list[str]:
    """`normalised` of each text, done to all of them at once (a draft's paragraphs: one pass each)."""
    return _full_width(_SPACE_IN_LINES.sub("", "\n".join(texts))).split("\n")


def shingles(text: str) -> frozenset[str]:
    """The character 4-grams of a normalised text (the text itself when shorter)."""
    if len(text) <= SHINGLE:
        return frozenset((text,))
    # built from a list, not a generator: frozenset() takes a list faster
    return frozenset([text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)])


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    common = len(first & second)
    return common / (len(first) + len(second) - common)


def containment(part: frozenset[str], whole: frozenset[str]) -> float:
    """The share of `part`'s shingles that `whole` has: a sentence kept with a few words added or
    dropped is still mostly contained in its old self, where the Jaccard index would fall."""
    return len(part & whole) / len(part) if part else 0.0


def own_figures(first: str, second: str) -> bool:
    """Whether two texts each give figures and not the same ones: one sentence frame filled in with
    each author's own statistics ("办理人大代表建议58件" / "…64件") is a common template, not a copy."""
    mine, theirs = FIGURE.findall(first), FIGURE.findall(second)
    return bool(mine) and bool(theirs) and sorted(mine) != sorted(theirs)


def rounded(value: float) -> str:
    """As messages show it: two decimals, never 1.00 for a text that is not identical."""
    return f"{min(value, 0.99) if value < 1 else 1:.2f}"
