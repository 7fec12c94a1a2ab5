"""Letter-spaced text: single Han characters each set apart by one blank ("存 在 的 不 足 和 原 因"), as
a PDF's or a web page's character spacing comes out when copied. The words are those of the text
without the blanks; the blanks are a slip of the copy, not a separator of parts (a slogan's halves,
"强化组织领导 压实主体责任", are words, not single characters).

One definition for the outline, which reads such a heading by its words, and the spacing rule, which
reports the blanks. Three characters at least: two ("张 三") are how a two-character name is spaced
to the width of a three-character one in a signature or a list of names.
"""

from __future__ import annotations

import regex

_BLANK = "[ \u3000\u00a0]"  # one blank, not a tab: a tab separates the columns of a table pasted as text
LETTER_SPACED = regex.compile(rf"(?<!\p{{Han}})\p{{Han}}(?:{_BLANK}\p{{Han}}){{2,}}(?!\p{{Han}})")
_SPACED_PAIR = regex.compile(rf"\p{{Han}}{_BLANK}\p{{Han}}")  # cheap test before the run is looked for
_BLANKS = regex.compile(_BLANK)


def letter_spaced_runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each letter-spaced run in `text`, from its first character to its last."""
    if _SPACED_PAIR.search(text) is None:
        return []
    return [match.span() for match in LETTER_SPACED.finditer(text)]


def collapsed(run: str) -> str:
    """A letter-spaced run without its blanks: "存 在 的" → "存在的"."""
    return _BLANKS.sub("", run)


def without_letter_spacing(text: str) -> str:
    """`text` with its letter-spaced runs closed up, the rest as it was: "三、存 在 的 不 足" → "三、存在的不足"."""
    if _SPACED_PAIR.search(text) is None:
        return text
    return LETTER_SPACED.sub(lambda match: collapsed(match.group()), text)
