"""Strings every match of a regular expression contains, read from the pattern itself: sets such
that each match holds a string of every set.

A rule looks for these strings in one automaton
pass over a whole document and runs its pattern only on the paragraphs that hold them, instead of on
every paragraph (prefilter.py). Examples: `[（(]\\s*\\d{4}\\s*年?\\s*(?:修订|修正|修改)` →
{修订, 修正, 修改} and {(, （}; `(?P<mark>[，、])(?P=mark)+` → {，，, ，、, 、，, 、、}. The reading is the
usual one for such prefilters (each piece's exact strings, prefixes, suffixes and required strings,
combined piece by piece); a construct it does not know (inline flags, conditionals, numbered
references, fuzzy matching…) or a pattern without such strings (`\\d+年?`) gets no set: that
pattern must be run on every paragraph.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, reduce
from pathlib import Path

_MOST = 64  # strings in a set: past this, the set is given up
_KEEP = 3  # sets kept in a conjunction
_BRANCHES = 4  # alternatives kept apart
_NOTHING = frozenset({""})  # as a prefix or suffix set: nothing known

Sets = tuple[frozenset[str], ...]  # every match contains a string of each set


class _Unknown(Exception):
    pass


@dataclass(frozen=True)
class _Info:
    exact: frozenset[str] | None  # every string the piece matches, when there are few
    prefix: frozenset[str]  # every match starts with one of these
    suffix: frozenset[str]  # every match ends with one of these
    inner: Sets
    branches: tuple[_Info, ...] = ()  # the alternatives it is made of, when few: concatenation distributes over them


def _known(strings: frozenset[str]) -> frozenset[str]:
    return _NOTHING if "" in strings or len(strings) > _MOST else strings


def _all_of(*sets: frozenset[str] | None) -> Sets:
    """The usable sets, most selective first (longest shortest string, then fewest strings), without
    those a more selective one implies (字 after 字号)."""
    usable = list(dict.fromkeys(s for s in sets if s and "" not in s and len(s) <= _MOST))
    usable.sort(key=lambda s: (-min(map(len, s)), len(s)))  # stable: ties keep their order
    kept: list[frozenset[str]] = []
    for candidate in usable:
        if not any(all(any(t in s for t in candidate) for s in chosen) for chosen in kept):
            kept.append(candidate)
    return tuple(kept[:_KEEP])


def _exactly(strings: frozenset[str]) -> _Info:
    return _Info(strings, _known(strings), _known(strings), _all_of(strings))


_ANY = _Info(None, _NOTHING, _NOTHING, ())
_EMPTY = _exactly(_NOTHING)


def _product(left: frozenset[str] | None, right: frozenset[str] | None) -> frozenset[str] | None:
    if left is None or right is None or len(left) * len(right) > _MOST:
        return None
    return frozenset(a + b for a in left for b in right)


def _concat(left: _Info, right: _Info) -> _Info:
    exact = _product(left.exact, right.exact)
    if exact is not None:
        return _exactly(exact)
    prefix = _product(left.exact, right.prefix) or left.prefix
    suffix = _product(left.suffix, right.exact) or right.suffix
    inner = _all_of(*left.inner, *right.inner, _product(left.suffix, right.prefix))
    if not left.branches and not right.branches:
        return _Info(None, _known(prefix), _known(suffix), inner)
    # (a|b)c = ac|bc: each alternative meets c on its own, e.g. `(?:[0-9]+\.[0-9]+|[0-9]*[1-9])余`
    # needs "." or "1余"…"9余" besides "0余"…"9余"
    pieces = [_concat(b, right) for b in left.branches] if left.branches else [_concat(left, b) for b in right.branches]
    distributed = reduce(_alternate, pieces)
    return _Info(None, _known(prefix), _known(suffix), _all_of(*inner, *distributed.inner), distributed.branches)


def _alternate(left: _Info, right: _Info) -> _Info:
    if left.exact is not None and right.exact is not None and len(left.exact | right.exact) <= _MOST:
        return _exactly(left.exact | right.exact)
    inner = _all_of(*(a | b for a in left.inner for b in right.inner))  # (a1 and a2) or b = (a1 or b) and (a2 or b)
    branches = (left.branches or (left,)) + (right.branches or (right,))
    return _Info(None, _known(left.prefix | right.prefix), _known(left.suffix | right.suffix), inner,
                 branches if len(branches) <= _BRANCHES else ())


def _repeat(piece: _Info, least: int, most: int | None) -> _Info:
    if piece.exact is not None and most is not None and most <= _MOST:
        strings, power = set(), _NOTHING
        for count in range(most + 1):
            strings |= power if count >= least else set()
            power = _product(power, piece.exact) if count < most else power
            if power is None or len(strings) > _MOST:
                break
        else:
            return _exactly(frozenset(strings))
    if least == 0:
        return _ANY
    twice = _product(piece.suffix, piece.prefix) if least >= 2 else None
    return _Info(None, piece.prefix, piece.suffix, _all_of(*piece.inner, twice))


_COUNT = re.compile(r"\{(?=,?[0-9])(?P<least>[0-9]*)(?P<comma>,?)(?P<most>[0-9]*)\}")
_GROUP = re.compile(r"\(\?(?:(?P<plain>:|>)|(?P<look>=|!|<=|<!)|P?<(?P<name>\w+)>|P=(?P<reference>\w+)\))")
_CONTROL = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_CHAR_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|x\{([0-9A-Fa-f]+)\}|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|N\{([^}]*)\})")
_CLASS_ESCAPE = re.compile(r"\\(?:[pP](?:\{[^}]*\}|\w)|[dDsSwWX])")
_ASSERTIONS = set("bBmMAZ")


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.pattern, self.position = pattern, 0
        self.groups: dict[str, _Info | None] = {}  # None: a name used twice

    def read(self) -> _Info:
        info = self.alternation()
        if self.position != len(self.pattern):
            raise _Unknown
        return info

    def alternation(self) -> _Info:
        info = self.sequence()
        while self.pattern.startswith("|", self.position):
            self.position += 1
            info = _alternate(info, self.sequence())
        return info

    def sequence(self) -> _Info:
        info = _EMPTY
        while self.position < len(self.pattern) and self.pattern[self.position] not in "|)":
            info = _concat(info, self.quantified(self.atom()))
        return info

    def quantified(self, piece: _Info) -> _Info:
        char = self.pattern[self.position] if self.position < len(self.pattern) else ""
        count = _COUNT.match(self.pattern, self.position)
        if char in ("*", "+", "?"):
            least, most = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
            self.position += 1
        elif count is not None:
            least = int(count["least"] or 0)
            most = int(count["most"]) if count["most"] else None if count["comma"] else least
            self.position = count.end()
        else:
            return piece
        if self.pattern.startswith(("?", "+"), self.position):  # lazy or possessive: the same strings
            self.position += 1
        return _repeat(piece, least, most)

    def atom(self) -> _Info:
        pattern, start = self.pattern, self.position
        char = pattern[start]
        if char == "(":
            return self.group()
        if char == "[":
            return self.character_class()
        if char == "\\":
            return self.escape()
        self.position += 1
        if char in "^$":
            return _EMPTY
        if char == ".":
            return _ANY
        if char in "*+?{}]":
            raise _Unknown
        return _exactly(frozenset({char}))

    def group(self) -> _Info:
        opener = _GROUP.match(self.pattern, self.position)
        if opener is None and self.pattern.startswith("(?", self.position):
            raise _Unknown  # flags, comments, conditionals, branch reset…
        self.position = opener.end() if opener is not None else self.position + 1
        if opener is not None and opener["reference"]:
            return self.groups.get(opener["reference"]) or _ANY
        info = self.alternation()
        if not self.pattern.startswith(")", self.position):
            raise _Unknown
        self.position += 1
        if opener is not None and opener["name"]:
            name = opener["name"]
            self.groups[name] = None if name in self.groups else info
        return _EMPTY if opener is not None and opener["look"] else info

    def escape(self) -> _Info:
        char = self.char_escape()
        if char is not None:
            return _exactly(frozenset({char}))
        if _CLASS_ESCAPE.match(self.pattern, self.position):
            self.position = _CLASS_ESCAPE.match(self.pattern, self.position).end()
            return _ANY
        letter = self.pattern[self.position + 1 : self.position + 2]
        self.position += 2
        if letter in _ASSERTIONS:
            return _EMPTY
        if letter in _CONTROL:
            return _exactly(frozenset({_CONTROL[letter]}))
        if not letter or letter.isalnum() or letter == "_":
            raise _Unknown  # references, \G, \K, named lists, escapes this reading does not know
        return _exactly(frozenset({letter}))

    def char_escape(self) -> str | None:
        """The character of a \\x, \\u, \\U or \\N escape at the current position, if there is one."""
        found = _CHAR_ESCAPE.match(self.pattern, self.position)
        if found is None:
            return None
        self.position = found.end()
        if found[5] is not None:
            try:
                return unicodedata.lookup(found[5])
            except KeyError:
                raise _Unknown from None
        return chr(int(next(g for g in found.groups() if g is not None), 16))

    def character_class(self) -> _Info:
        pattern = self.pattern
        self.position += 1
        negated = pattern.startswith("^", self.position)
        self.position += negated
        members: set[str] | None = set()
        first = True
        while True:
            if self.position >= len(pattern) or (pattern[self.position] == "[" and not pattern.startswith("[:", self.position)):
                raise _Unknown
            if pattern[self.position] == "]" and not first:
                self.position += 1
                break
            first = False
            low = self.class_member()
            if low is not None and pattern.startswith("-", self.position) and not pattern.startswith("-]", self.position):
                self.position += 1
                high = self.class_member()
                if high is None or ord(high) - ord(low) > _MOST:
                    members = None
                elif members is not None:
                    members |= {chr(c) for c in range(ord(low), ord(high) + 1)}
            elif low is None:
                members = None
            elif members is not None:
                members.add(low)
        if negated or members is None or len(members) > _MOST:
            return _ANY
        return _exactly(frozenset(members))

    def class_member(self) -> str | None:
        """One character of a set, or None for a class of characters (\\d, \\p{Han}, [:alpha:])."""
        pattern, start = self.pattern, self.position
        if pattern.startswith("[:", start):
            end = pattern.find(":]", start)
            if end < 0:
                raise _Unknown
            self.position = end + 2
            return None
        if pattern[start] != "\\":
            self.position += 1
            return pattern[start]
        char = self.char_escape()
        if char is not None:
            return char
        if _CLASS_ESCAPE.match(pattern, start):
            self.position = _CLASS_ESCAPE.match(pattern, start).end()
            return None
        letter = pattern[start + 1 : start + 2]
        self.position += 2
        if letter in _CONTROL:
            return _CONTROL[letter]
        if not letter or letter.isalnum() or letter == "_":
            raise _Unknown
        return letter


_read_before: dict[str, Sets] = {}  # by an earlier run, with this very reader (patterns.built_in_pack)


@cache
def reader_version() -> int | None:
    """Which reading this module does (a checksum of its source): what an earlier run read is used
    only while the reading is the same. None when the source cannot be read: nothing is kept then."""
    try:
        return zlib.crc32(Path(__file__).read_bytes())
    except OSError:
        return None


def remember(read: dict[str, Sets]) -> None:
    """Patterns' sets as an earlier run read them, so that this run does not read them again."""
    _read_before.update(read)


@lru_cache(maxsize=1024)
def required_literals(pattern: str) -> Sets:
    """Sets of strings such that every match of `pattern` contains a string of each set, most
    selective first; () when none can be told."""
    known = _read_before.get(pattern)
    if known is not None:
        return known
    try:
        return _Reader(pattern).read().inner
    except (_Unknown, IndexError):
        return ()


@lru_cache(maxsize=256)
def affixes(pattern: str) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """The strings one of which every match of `pattern` starts with, and those one of which it ends
    with; None where they cannot be told (a match may be empty, they are too many, a construct this
    reading does not know)."""
    try:
        info = _Reader(pattern).read()
    except (_Unknown, IndexError):
        return None, None
    return (None if "" in info.prefix else info.prefix), (None if "" in info.suffix else info.suffix)


class Finder:
    """A search for any of a few strings in a text: `Finder(strings).search(text)`. The stdlib's
    search for a few literals is faster than regex's and than one `in` test per string; it is
    compiled on first use, since most are never needed and compiling an alternation of dozens of
    strings is not free."""

    __slots__ = ("_strings", "search")

    def __init__(self, strings: frozenset[str]) -> None:
        self._strings = strings
        self.search: Callable[..., re.Match | None] = self._compile_and_search

    def _compile_and_search(self, text: str, *bounds: int) -> re.Match | None:
        self.search = re.compile("|".join(map(re.escape, sorted(self._strings)))).search
        return self.search(text, *bounds)
