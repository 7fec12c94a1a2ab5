"""Two-character words of everyday Chinese (rules/data/words.txt, from jieba's dictionary): where two
words meet in a text, which a rule may need to tell from a slip (县纪委监委监督 is 纪委, 监委, 监督 end
to end, not 委监 written twice). Read on first use: most drafts never ask."""

from __future__ import annotations

from functools import cache

from checker.resources import data_file


@cache
def _following() -> dict[str, tuple[str, str]]:
    """Each first character → the characters that follow it in a word, and in a common word."""
    table = {}
    for line in data_file("words.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first, rest, common = line.split("\t")
            table[first] = (rest, common)
    return table


def is_word(pair: str, common: bool = False) -> bool:
    """Whether two characters make a word (只是 yes, 律知 no); `common`: one in everyday use (加强 yes, 作协 no)."""
    return len(pair) == 2 and pair[1] in _following().get(pair[0], ("", ""))[common]
