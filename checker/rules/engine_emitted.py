"""Findings the engine itself reports: a file that cannot be read, an unsupported format,
context that could not be inferred. They are YAML rules like any other (ids, messages,
severities are data); this type has no check of its own."""

from __future__ import annotations

TYPE = "engine"
OPTIONS: dict = {}


def compile(options: dict) -> None:
    return None
