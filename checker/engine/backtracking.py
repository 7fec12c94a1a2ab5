"""Patterns of a user's pack that can backtrack catastrophically, refused when the pack loads.

A backtracking engine takes exponential time on `(a+)+$` or `(a|aa)+$` over a line of a's that
does not end as asked: the repeated part can match the same text in many ways, and every way is
tried. The check is static and conservative: it refuses only the plain shapes of that ambiguity,
an unbounded repeat whose body is

- itself an unbounded repeat, all else in the body able to match nothing: (a+)+, (\\s*\\d+)*;
- an alternation with two one-character branches that share a character: (a|.)*
  (the parser merges one-character branches into a class where it can, which needs no check);
- an alternation with a nested repeat in a branch: (a+|b)+;
- an alternation of literal words one of which is made of others: (a|aa)+, (年|度|年度)+;
- a body whose optional end can also begin the next round: (aa?)+, (\\d[\\d,]?)+.

A pattern written in syntax only the `regex` module knows (besides \\p{...}) is not judged; the
per-file time limit of folder runs bounds what this check lets through.
"""

from __future__ import annotations

import string

try:
    from re import _compiler as sre_compile
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_compile  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

import regex

_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT)
_ONE_CHARACTER = (sre_parse.LITERAL, sre_parse.NOT_LITERAL, sre_parse.IN, sre_parse.ANY)
# \p{Han} and the like stand in as characters of their own: no overlap is invented with \w or \d
_PROPERTY = regex.compile(r"\\([pP])\{[^}]*\}")
_SAMPLE = string.printable + "\u3000\u00a0一二十年度法治政府，。、；：（）《》“”０１２ａＡ\ue000\ue001"


def _width(items: list, state) -> tuple[int, int]:
    return sre_parse.SubPattern(state, items).getwidth()


def _unbounded(item) -> bool:
    op, av = item
    return op in _REPEATS and av[1] == sre_parse.MAXREPEAT and av[2].getwidth()[1] > 0


def _characters(alternative) -> set[str] | None:
    """The sample characters a one-character branch matches; None for any other branch."""
    if len(alternative.data) != 1 or alternative.data[0][0] not in _ONE_CHARACTER:
        return None
    matcher = sre_compile.compile(alternative, 0)
    return {c for c in _SAMPLE if matcher.fullmatch(c)}


def _first(items: list, state) -> set[str]:
    """The sample characters a match of `items` can start with."""
    found: set[str] = set()
    for op, av in items:
        if op in _ONE_CHARACTER:
            found |= _characters(sre_parse.SubPattern(state, [(op, av)]))
        elif op in _REPEATS:
            found |= _first(av[2].data, state)
        elif op == sre_parse.SUBPATTERN:
            found |= _first(av[-1].data, state)
        elif op == sre_parse.BRANCH:
            for alternative in av[1]:
                found |= _first(alternative.data, state)
        if _width([(op, av)], state)[0] > 0:
            break
    return found


def _literal(alternative) -> str | None:
    if all(op == sre_parse.LITERAL for op, _ in alternative.data):
        return "".join(chr(av) for _, av in alternative.data)
    return None


def _made_of_others(word: str, words: set[str]) -> bool:
    """`word` is a concatenation of two or more of `words` (which it may itself be one of)."""
    pieces = [w for w in words if w and w != word]
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[end - len(p)] and word.endswith(p, 0, end) for p in pieces if len(p) <= end)
    return reachable[len(word)]


def _ambiguous_branch(alternatives: list) -> str | None:
    for alternative in alternatives:
        if any(_unbounded(item) for item in alternative.data):
            return "选择分支里又有不定次数的重复"
    seen: list[set[str]] = []
    for characters in filter(None, map(_characters, alternatives)):
        if any(characters & other for other in seen):
            return "两个单字分支能匹配同一个字"
        seen.append(characters)
    words = {w for w in map(_literal, alternatives) if w is not None}
    if any(_made_of_others(w, words) for w in words):
        return "一个分支的文字由其他分支拼成"
    return None


def _ambiguous_body(body) -> str | None:
    """Why the body of an unbounded repeat can match one text in many ways; None when no plain shape says so."""
    if len(body.data) == 1 and body.data[0][0] == sre_parse.SUBPATTERN:
        return _ambiguous_body(body.data[0][1][-1])
    required = [item for item in body.data if _width([item], body.state)[0] > 0]
    last = max((i for i, item in enumerate(body.data) if item in required), default=-1)
    tail = body.data[last + 1:]
    # (a|aa)+ is parsed as a(?:|a)+: an optional end that can also start the next round
    if required and _first(tail, body.state) & _first(body.data, body.state):
        return "可有可无的结尾也能匹配下一次重复的开头"
    if not required:
        return "嵌套的不定次数重复" if any(_unbounded(item) for item in body.data) else None
    if len(required) > 1:
        return None
    op, av = required[0]
    if _unbounded(required[0]):
        return "嵌套的不定次数重复"
    if op == sre_parse.SUBPATTERN:
        return _ambiguous_body(av[-1])
    if op == sre_parse.BRANCH:
        return _ambiguous_branch(av[1])
    return None


def _walk(pattern) -> str | None:
    for op, av in pattern.data:
        children = []
        if op in _REPEATS:
            if av[1] == sre_parse.MAXREPEAT and (reason := _ambiguous_body(av[2])):
                return reason
            children = [av[2]]
        elif op == sre_parse.SUBPATTERN:
            children = [av[-1]]
        elif op == sre_parse.BRANCH:
            children = av[1]
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            children = [av[1]]
        for child in children:
            if reason := _walk(child):
                return reason
    return None


def catastrophic(source: str) -> str | None:
    """Why `source` may take exponential time (in Chinese, for the message); None when the check
    finds no such shape or cannot read the pattern."""
    try:
        parsed = sre_parse.parse(_PROPERTY.sub(lambda m: "\ue000" if m.group(1) == "p" else "\ue001", source))
    except Exception:  # noqa: BLE001 - any pattern the standard parser cannot read is left to the time limit
        return None
    return _walk(parsed)
