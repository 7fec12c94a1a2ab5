"""A value derived from an analysed document once and shared by the rules that need it.

Several rules derive the same thing from a document: where each required section is named (the
required and the optional sections rules), the year the body talks about (section and title
year rules), the numbering problems of the outline (one rule per problem kind). The first rule
to ask computes it; the others reuse it. A document is not changed once analysed (its view_text
is cached the same way); an entry goes with its document.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from checker.document.model import Document

T = TypeVar("T")


def per_document(function: Callable[[Document], T]) -> Callable[[Document], T]:
    """`function(document)`, computed once per document. The value must not refer to the document
    itself (it would keep it alive); paragraphs and headings are fine."""
    values: dict[int, tuple[weakref.ref, T]] = {}

    @wraps(function)
    def cached(document: Document) -> T:
        key = id(document)
        entry = values.get(key)
        if entry is not None and entry[0]() is document:
            return entry[1]
        value = function(document)
        values[key] = (weakref.ref(document, forget), value)
        return value

    def forget(reference: weakref.ref) -> None:  # the document is gone; its id may be reused
        for key, (held, _) in list(values.items()):
            if held is reference:
                del values[key]


    return cached
