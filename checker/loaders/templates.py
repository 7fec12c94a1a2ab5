"""What a draft's styles and numbering parts define, kept per process for the next draft made from
the same template: bureaus' drafts come from a few templates, and indexing a template's styles.xml
(python-docx's is 350 KB) costs more than reading the rest of a draft.

A part is kept under its exact stored form (`Member`: compressed bytes, declared size and CRC),
never under a name: an equal member inflates to the same content or fails the same way, and a
failure is not kept. What is kept is never changed by a draft (list counters live in WordNumbering;
ParagraphStyles only remembers what it has read). The last few parts are kept, each at most
`MAX_KEPT_SIZE` bytes inflated.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from checker.loaders.numbering import ListDefinitions, ParagraphStyles
from checker.loaders.package import Member, parse_part
from checker.loaders.styles import StyleElements

MAX_KEPT_SIZE = 1 << 20
_KEPT_PARTS = 8

Built = TypeVar("Built")


def _per_template(build: Callable[[bytes | None], Built]) -> Callable[[Member | None], Built]:
    """`build` applied to a member's content, kept for the last parts seen (see the module docstring)."""
    kept = lru_cache(maxsize=_KEPT_PARTS)(lambda member: build(member.content()))

    def built(member: Member | None) -> Built:
        if member is None:
            return build(None)
        return kept(member) if member.size <= MAX_KEPT_SIZE else build(member.content())

    return built


paragraph_styles = _per_template(lambda data: ParagraphStyles(StyleElements(data)))
list_definitions = _per_template(lambda data: ListDefinitions(parse_part(data) if data is not None else None))
