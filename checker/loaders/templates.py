"""What a draft's styles and numbering parts define, kept per process for the next draft made from
the same template (see `kept_per_member`): indexing a template's styles.xml (python-docx's is
350 KB) costs more than reading the rest of a draft.

What is kept is never changed by a draft: list counters live in WordNumbering, and ParagraphStyles
only remembers what it has read.
"""

from __future__ import annotations

from checker.loaders.numbering import ListDefinitions, ParagraphStyles
from checker.loaders.package import Member, kept_per_member, parse_part
from checker.loaders.styles import StyleElements

_kept_styles = kept_per_member(lambda member: ParagraphStyles(StyleElements(member.content())))
_kept_lists = kept_per_member(lambda member: ListDefinitions(parse_part(member.content())))


def paragraph_styles(member: Member | None) -> ParagraphStyles:
    """The styles of a styles part (None: the draft has none)."""
    return _kept_styles(member) if member is not None else ParagraphStyles(StyleElements(None))


def list_definitions(member: Member | None) -> ListDefinitions:
    """The lists of a numbering part (None: the draft has none)."""
    return _kept_lists(member) if member is not None else ListDefinitions(None)
