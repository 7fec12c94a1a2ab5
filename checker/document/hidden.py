"""Invisible format characters, ignored by matching.

A zero-width space, joiner, word joiner, BOM or soft hyphen pasted from the web shows nothing on
screen or paper, yet "截\u200b止" is not the string "截止": every rule would miss it. Rules therefore
read a copy of the document with these characters taken out (what a reader sees), and their hits
are mapped back to the real paragraphs, so that line/column stay those of `fazhi-lint text` and a
span that covers a hidden character covers it in the original too (its fix then removes it).

Only these characters are removed, never spaces or line breaks: "法 \u200b制" stays "法 制", so no two
words a reader sees apart are joined. A document without any such character is used as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from checker.document import analyse
from checker.document.characters import HIDDEN_CHARACTERS, holds_hidden
from checker.document.model import Document, Paragraph


class Unhidden:
    """A document as the rules should read it, and the way back from its paragraphs to the real ones."""

    def __init__(self, document: Document) -> None:
        self._back: dict[int, tuple[Paragraph, list[int]]] = {}
        paragraphs = [self._visible(p) for p in document.paragraphs]
        furniture = [self._visible(p) for p in document.furniture]
        # title block and outline found again in the visible text ("一、\u200b总体情况" is a heading), so that
        # they hold the very paragraphs the rules read; the report context stays the one decided
        visible = replace(document, paragraphs=paragraphs, furniture=furniture)
        self.document = analyse(visible, context=document.context)

    def _visible(self, paragraph: Paragraph) -> Paragraph:
        text = paragraph.text
        if not holds_hidden(text):
            return paragraph
        kept = [i for i, character in enumerate(text) if character not in HIDDEN_CHARACTERS]
        visible = replace(paragraph, text="".join(text[i] for i in kept))
        self._back[id(visible)] = (paragraph, kept)
        return visible

    def place(self, paragraph: Paragraph, start: int, end: int) -> tuple[Paragraph, int, int]:
        """The real paragraph and span for a span of a paragraph of `self.document`. The span starts at
        its first visible character and ends after its last one, so hidden ones inside it are covered."""
        back = self._back.get(id(paragraph))
        if back is None:  # a paragraph without hidden characters, or one read through the outline
            return paragraph, start, end
        original, kept = back
        real_start = kept[start] if start < len(kept) else len(original.text)
        real_end = kept[end - 1] + 1 if end > start else real_start
        return original, real_start, real_end

    def hits(self, hits: Iterable) -> Iterator:
        """`hits` (checker.engine.ruletype.Hit, or the plain tuples some rules yield instead) moved onto
        the real paragraphs."""
        for hit in hits:
            if type(hit) is tuple:
                paragraph, start, end, *rest = hit
                yield (*self.place(paragraph, start, end), *rest)
                continue
            hit.paragraph, hit.start, hit.end = self.place(hit.paragraph, hit.start, hit.end)
            yield hit


def unhidden(document: Document) -> Unhidden | None:
    """The rules' reading of `document`; None (read it as it is) when it holds no hidden character,
    which a few substring tests of the view tell."""
    if not holds_hidden(document.view_text) and not any(holds_hidden(p.text) for p in document.furniture):
        return None
    return Unhidden(document)
