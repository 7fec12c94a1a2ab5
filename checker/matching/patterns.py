"""Rule patterns compiled on first use when an earlier run has compiled them.

The `regex` module parses a pattern in pure Python: a one-file check compiles over a hundred, and a
draft is searched with about half of them, the rest are compiled only to learn that they compile. So
the sources a built-in pack's rules compile are kept beside the pack's parse
(parse_cache.py: the pack's exact bytes, Python, PyYAML) with the `regex` version; the next run hands
out those sources as patterns that compile when first used. Any other source (a user's pack, options
set in a config file) is compiled at once, so that an invalid one is still reported when the rules
load. Workers are forked after `compile_deferred()`, so that none repeats the work (other work a
rule puts off until first needed is registered with `later`, for the same reason).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import regex

from checker.matching.required_literals import reader_version, remember, required_literals
from checker.yamlfiles import parse_cache

_KIND = "patterns"
# .known and .seen: the (source, flags) while a built-in pack's rules compile in this thread (the
# server checks files in threads)
_pack = threading.local()
_waiting: weakref.WeakSet = weakref.WeakSet()  # what compile_deferred() prepares, while it is in use


class DeferredPattern:
    """A `regex` pattern that is compiled the first time one of its attributes is asked for."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source, flags

    def prepare(self) -> None:
        """Compile now."""
        if "pattern" not in self.__dict__:
            self.__getattr__("pattern")

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):  # not a pattern's: copy and pickle asking for their hooks
            raise AttributeError(name)
        compiled = regex.compile(*self._source)
        # from now on found without this call
        self.__dict__.update((attribute, getattr(compiled, attribute)) for attribute in dir(compiled) if attribute[0] != "_")
        return getattr(compiled, name)


def _pattern(source: str, flags: int = 0) -> regex.Pattern | DeferredPattern:
    """regex.compile(source, flags), deferred when it is known to compile."""
    seen = getattr(_pack, "seen", None)
    if seen is None:
        return regex.compile(source, flags)
    key = source, int(flags)
    seen.add(key)
    if key not in _pack.known:
        return regex.compile(source, flags)
    deferred = DeferredPattern(source, flags)
    later(deferred)
    return deferred


def compile_pattern(source: str, what: str = "正则表达式", flags: int = 0) -> regex.Pattern | DeferredPattern:
    """A regular expression from a rule's options, compiled on first use when it is known to compile;
    a bad one is a ValueError, naming it, that the rule loader reports."""
    try:
        return _pattern(source, flags)
    except regex.error as error:
        raise ValueError(f"{what}「{source}」无效：{error}") from None


def compile_patterns(sources: Iterable[str], what: str = "正则表达式", flags: int = 0) -> list[regex.Pattern]:
    return [compile_pattern(source, what, flags) for source in sources]


def any_of(sources: Iterable[str], what: str = "正则表达式", flags: int = 0) -> regex.Pattern | None:
    """One pattern matching where any of `sources` matches, "(?:a)|(?:b)" (None for no sources)."""
    sources = [str(source) for source in sources]
    compile_patterns(sources, what, flags)  # name the bad one, if any
    return _pattern("|".join(f"(?:{source})" for source in sources), flags) if sources else None


def later(owner: object) -> None:
    """`owner.prepare()` is work put off until first needed: compile_deferred() does it if not yet done."""
    _waiting.add(owner)


@contextmanager
def built_in_pack(path: Path) -> Iterator[None]:
    """The rules of the built-in pack at `path` compile inside: the sources an earlier run compiled
    for these bytes are deferred, and what they compile is kept when they all have compiled, with the
    strings each one's matches must hold (required_literals.py), which the next run then need not read."""
    source = path.read_bytes()
    kept = parse_cache.load(path, source, _KIND)
    readers = regex.__version__, reader_version()
    valid = isinstance(kept, tuple) and len(kept) == 3 and kept[0] == readers and readers[1] is not None
    if valid:
        remember(kept[2])
    _pack.known, _pack.seen = frozenset(kept[1]) if valid else frozenset(), set()
    try:
        yield
        if _pack.seen != _pack.known and readers[1] is not None:
            read = {pattern: required_literals(pattern) for pattern, _ in _pack.seen}
            parse_cache.store(path, source, (readers, sorted(_pack.seen), read), _KIND)
    finally:
        _pack.seen = None


def compile_deferred() -> None:
    """Compile every deferred pattern and do the other deferred work now (before forking workers,
    which then share it)."""
    for owner in list(_waiting):
        owner.prepare()
    _waiting.clear()
