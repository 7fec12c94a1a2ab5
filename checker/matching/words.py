"""What everyday Chinese words say about a text (rules/data/words.txt and doubled_words.txt, from
jieba's dictionary): where two words meet, which a rule may need to tell from a slip (县纪委监委监督 is
纪委, 监委, 监督 end to end, not 委监 written twice; 为了了解 is 为了 and 了解). Read on first use: most
drafts never ask."""

from __future__ import annotations

from functools import cache

from checker.resources import data_file


@cache
def _following() -> dict[str, tuple[str, str, bool]]:
    """Each first character → the characters that follow it in a word, in a common word, and whether
    the character alone is a frequent word."""
    table = {}
    for line in data_file("words.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first, rest, common, alone = line.split("\t")
            table[first] = (rest, common, alone == "1")
    return table


@cache
def _doubled_words() -> dict[str, list[str]]:
    """The longer words and place names holding a character twice in a row (息息相关), by that pair."""
    by_pair: dict[str, list[str]] = {}
    for word in data_file("doubled_words.txt").read_text(encoding="utf-8").splitlines():
        if word and not word.startswith("#"):
            for at in range(len(word) - 1):
                if word[at] == word[at + 1]:
                    by_pair.setdefault(word[at : at + 2], []).append(word)
    return by_pair


def is_word(pair: str, common: bool = False) -> bool:
    """Whether two characters make a word (只是 yes, 律知 no); `common`: one in everyday use (加强 yes, 作协 no)."""
    return len(pair) == 2 and pair[1] in _following().get(pair[0], ("", "", False))[common]


def stands_alone(char: str) -> bool:
    """Whether one character is a frequent word by itself (任, 是, 为; not 步, 格)."""
    return _following().get(char, ("", "", False))[2]


def in_doubled_word(text: str, at: int) -> bool:
    """Whether the character twice at text[at:at + 2] is inside a word or name that holds it so (息息相关)."""
    pair = text[at : at + 2]
    return any(word[k : k + 2] == pair and k <= at and text.startswith(word, at - k)
               for word in _doubled_words().get(pair, ()) for k in range(len(word) - 1))
