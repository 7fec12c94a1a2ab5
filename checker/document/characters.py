"""Characters every reader of a draft reads alike: the blanks around a line's words, what ends a
sentence or a clause, and the invisible format characters. One definition each, for the document
analysis and the rule types alike."""

from __future__ import annotations

# The blanks a line is indented or padded with: space, tab, ideographic space, no-break space.
BLANKS = " \t\u3000\u00a0"
SENTENCE_END = "。！？!?；;"
CLAUSE_END = SENTENCE_END + "：:，,"  # a line ending so is a sentence, or leads into one
# Shown as nothing on screen or paper (checker/document/hidden.py; the set rule FZ612 reports).
HIDDEN_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DROP_HIDDEN = dict.fromkeys(map(ord, HIDDEN_CHARACTERS))


def holds_hidden(text: str) -> bool:
    # one substring test per character: no pattern search of the whole text
    return any(character in text for character in HIDDEN_CHARACTERS)


def without_hidden(text: str) -> str:
    """`text` as a reader sees it: "延\u200b庆区" → "延庆区"."""
    return text.translate(_DROP_HIDDEN) if holds_hidden(text) else text
