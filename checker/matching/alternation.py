"""An alternation of regular expressions ("(?:a)|(?:b)") searched branch by branch, with the matches
`finditer` finds over the alternation itself.

The regex module skips fast to where one pattern can start, but tries an alternation of two at every
position of the text: over a whole draft, FZ507's two mention patterns cost several times as much
joined as one by one (bench/README.md). `finditer` keeps each branch's
next match and yields the leftmost, the first branch on a tie, then goes on after it, as the
alternation does. Each match costs a few Python steps: this pays for patterns that match seldom
(FZ302's `委(?!托|员)|人民政府|政府`, thousands of matches per MB, came out slower). A branch that reads
otherwise alone (an inline flag, a group reference, `\\G`) makes the alternation be searched as
written, and so does a text in which the leftmost match is empty (finditer's rule for those is left
to the regex module).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.matching.patterns import compile_pattern

_CONTEXT_BOUND = regex.compile(r"\(\?(?!P[<>])[A-Za-z]|\(\?P=|\\(?:[1-9]|g|G)")


class Alternation:
    """The alternation "(?:p1)|(?:p2)|…" of `patterns`: `finditer` as `regex.compile(self.pattern,
    flags).finditer`."""

    def __init__(self, patterns: list[str], flags: int = 0) -> None:
        self.pattern = "|".join(f"(?:{p})" for p in patterns)
        self._whole = compile_pattern(self.pattern, flags=flags)
        apart = len(patterns) > 1 and not any(_CONTEXT_BOUND.search(p) for p in patterns)
        self._branches = [compile_pattern(p, flags=flags) for p in patterns] if apart else None

    def finditer(self, text: str) -> Iterator[regex.Match]:
        found = self._branch_by_branch(text) if self._branches is not None else None
        return iter(found) if found is not None else self._whole.finditer(text)

    def _branch_by_branch(self, text: str) -> list[regex.Match] | None:
        branches = self._branches
        upcoming = [branch.search(text) for branch in branches]  # each branch's next match, None when it has no more
        found: list[regex.Match] = []
        while True:
            leftmost = None
            for match in upcoming:
                if match is not None and (leftmost is None or match.start() < leftmost.start()):
                    leftmost = match
            if leftmost is None:
                return found
            position = leftmost.end()
            if position == leftmost.start():
                return None
            found.append(leftmost)
            for index, match in enumerate(upcoming):
                if match is not None and match.start() < position:
                    upcoming[index] = branches[index].search(text, position)
