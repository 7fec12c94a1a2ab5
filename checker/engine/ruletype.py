"""What a rule type is, seen from the engine.

A rule type is a module in `checker/rules/` with:
  TYPE     the name YAML rules use in `type:`
  OPTIONS  {option name: Option} — what a YAML rule may put under `options:`
  NEEDS    context values it cannot run without, e.g. ("year",)
  compile(options) -> Check   called once per run; compile term lists here, not per paragraph
and a docstring that documents it. A Check takes a Document and yields Hits (or HitTuples); the engine
turns hits into Findings with the YAML rule's id, message, severity, fix safety and source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from checker.document.model import Document, Paragraph
from checker.findings import Related

REQUIRED = object()


@dataclass(frozen=True)
class Option:
    kind: type | tuple[type, ...]
    default: Any = REQUIRED
    doc: str = ""

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


@dataclass(slots=True)  # FZ601 alone makes ~6,000 per MB
class Hit:
    """A span of one paragraph that a rule flags. `args` fill the message's {placeholders}; hits may
    share one args dict, which is then not changed (the engine formats a message once per dict in a row);
    `replacement`, when given, replaces text[start:end] as the fix."""

    paragraph: Paragraph
    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    replacement: str | None = None
    related: Related | None = None  # the place in another file a cross-document finding points to


# A Hit as the plain tuple (paragraph, start, end, args, replacement): what a rule type with tens of
# thousands of hits per MB (character_width) yields instead, as a tuple costs a fraction of a Hit to make.
HitTuple = tuple[Paragraph, int, int, dict[str, Any], "str | None"]

Check = Callable[[Document], Iterable[Hit | HitTuple]]
