"""Text every report may share with the others (rules/data/boilerplate.yaml): masked before comparing."""

from __future__ import annotations

from functools import cache

import regex

from checker.resources import data_file
from checker.yamlfiles.reader import read_yaml


@cache
def _built_in() -> tuple[str, ...]:
    return tuple(read_yaml(data_file("boilerplate.yaml"), cached=True)["patterns"])


@cache
def boilerplate_pattern(extra: tuple[str, ...] = ()) -> regex.Pattern:
    """One alternation of the built-in patterns and a rule's `boilerplate` option."""
    return regex.compile("|".join(f"(?:{pattern})" for pattern in (*_built_in(), *extra)))


def masked(texts: list[str], pattern: regex.Pattern) -> list[str]:
    """Each text without the boilerplate it holds: what is left is what two drafts may not share.
    One search over them all (the patterns never cross a line)."""
    return pattern.sub("", "\n".join(texts)).split("\n")
