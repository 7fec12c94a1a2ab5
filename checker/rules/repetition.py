"""重复（repetition）：同一个字或词紧挨着写了两遍（「的的」「知识知识」）。

选项 `unit` 是会被误写两遍的单位（正则，如 `[的了]` 或 `\\p{Han}{2,8}`）；`unit` 紧接着再出现一次
即为命中。`allow` 列出可以合法重叠的单位（词语或正则，整体匹配，如 `研究`「研究研究」、
`一\\p{Han}`「一条一条」）；`word_edges` 为 true 时，两个字的重叠 ABAB 若是三个词首尾相接（前一个字与 A、B 与 A、B 与后一个字
各成一词：「县纪委监委监督」「工作协作协议」），而 AB 本身不是常用词，不报（词表 rules/data/words.txt，
取自 jieba 词典；「持续加强加强行政」的“加强”是常用词，照报）；更长的片段写了两遍，不论边上切在哪里，都报。`exceptions` 是覆盖命中即作废的语境（词语或正则，如 `目的的`
「达到目的的手段」、`了了(?=[解结之])`「为了了解」）。

消息占位符：{found} 重复的原文，{unit} 重复的单位。修复删去多出的一遍。

通过（unit: "[的了]"）：
    为了了解情况       （exceptions 中的「了了(?=[解结之])」）
不通过：
    法律知识知识大讲堂  → 法律知识大讲堂（unit: "\\p{Han}{2,4}"）
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import regex

from checker.document.model import Document, Paragraph
from checker.engine.ruletype import Hit, Option
from checker.matching import Matcher, compile_pattern, is_word

TYPE = "repetition"
OPTIONS = {
    "unit": Option(str, doc="会被误写两遍的单位（正则）"),
    "allow": Option(list, [], "可以合法重叠的单位（正则，整体匹配）"),
    "exceptions": Option(list, [], "覆盖命中即作废的语境（正则）"),
    "word_edges": Option(bool, False, "两字的重叠 ABAB 是三个词首尾相接（纪委监委监督）时不报（词表取自 jieba 词典）"),
}
NEEDS: tuple[str, ...] = ()
# A unit that is one character class, bare or repeated {m} or {m,n} times: `[的了]`, `\p{Han}{2,8}`.
_CLASS_RUN = regex.compile(r"(?:\\[pP]\{\w+\}|\[[^\[\]\\]+\])(?:\{(?P<least>\d+)(?:,(?P<most>\d+))?\})?")
# a class of plain characters, read alike by the stdlib and the regex module (no ranges, negation, escapes
# or set operations)
_PLAIN_CLASS = re.compile(r"\[[^\[\]\\^\-&~|]+\]")
_SEVEN_BITS = bytes(code & 0x7F for code in range(256))
_CHUNK = 1 << 16  # characters per big integer: bounded memory on a 50 MB draft
_FIND_EACH_AT_MOST = 4  # characters of a plain class searched for one by one (past that, one regex pass is faster)
Starts = Callable[[str], Iterable[int]]


def _doubling_starts(view: str, least: int, most: int) -> Iterator[int]:
    """Every position where the text may double a piece of `least`..`most` characters (a superset).

    Trying `(?P<unit>\\p{Han}{2,8})(?P=unit)` at every position makes the regex module try each length
    from 8 down to 2 at each character (the stdlib re module does it faster, still slowly); this finds
    all positions at once in C. Each character becomes a byte (the low 7 bits of its code point) of one big
    integer; XOR with itself shifted by L characters, plus 0x7F in each byte, sets bit 7 of byte j where
    characters j and j + L differ; OR-ing shifted copies spreads it over the L bytes before, and a byte
    whose bit 7 every L leaves set starts no doubled piece. (OR and AND, not AND-NOT: two big-integer
    operations fewer per L. Bytes past the end of a piece count as equal: a few more candidates at the
    end of the view, which the regex turns down.)
    """
    for chunk in range(0, len(view), _CHUNK):
        codes = view[chunk : chunk + _CHUNK + 2 * most].encode("utf-32-le")[::4].translate(_SEVEN_BITS)
        text = int.from_bytes(codes, "little")
        sevens = int.from_bytes(b"\x7f" * len(codes), "little")
        eights = int.from_bytes(b"\x80" * len(codes), "little")
        missed = eights
        for length in range(least, most + 1):
            differ = (text ^ (text >> 8 * length)) + sevens
            width = 1
            while 2 * width <= length:
                differ |= differ >> 8 * width
                width *= 2
            if width < length:
                differ |= differ >> 8 * (length - width)  # two overlapping windows of `width` cover `length`
            missed &= differ
        # a byte is 0x80 where a piece may start, else 0: memchr jumps between the few candidates
        starts = (eights ^ missed).to_bytes(len(codes), "little")
        found = starts.find(0x80, 0, _CHUNK)
        while found >= 0:
            yield chunk + found
            found = starts.find(0x80, found + 1, _CHUNK)


def _occurrences(view: str, doubles: list[str]) -> Iterator[int]:
    """Where each of `doubles` occurs in `view`, overlapping ones included (的的的: 0 and 1), by str.find:
    a search for two given characters skips through the text faster than a regex stopping at every 的."""
    for double in doubles:
        found = view.find(double)
        while found >= 0:
            yield found
            found = view.find(double, found + 1)


def _candidate_starts(unit: str, doubled: regex.Pattern) -> Starts | None:
    """Where in a document's text view a doubled unit may start, found in C; None for a unit of
    another shape, searched paragraph by paragraph. A unit of one character (`[的了]`) is found fast
    by a search that skips to the class's characters."""
    shape = _CLASS_RUN.fullmatch(unit)
    if shape is None:
        return None
    least = int(shape.group("least") or 1)
    most = int(shape.group("most") or least)
    if _PLAIN_CLASS.fullmatch(unit):
        doubles = [char * 2 for char in sorted(set(unit[1:-1]))]
        if len(doubles) <= _FIND_EACH_AT_MOST:
            return lambda view: sorted(_occurrences(view, doubles))
        # `([的了])\1` in the stdlib skips to the class's characters several times faster than the regex
        # module's overlapped search. Not overlapped: a doubling that starts inside the one just found
        # (the second 的 of 的的的) is passed over by _doubled_units all the same.
        first = re.compile(f"({unit})\\1")
        return lambda view: (m.start() for m in first.finditer(view))
    if most == 1:
        return lambda view: (m.start() for m in doubled.finditer(view, overlapped=True))
    if least == 0:
        return None
    return lambda view: _doubling_starts(view, least, most)


def _doubled_units(document: Document, doubled: regex.Pattern, starts: Starts | None) -> Iterator[tuple[Paragraph, regex.Match]]:
    """Each paragraph's matches of `doubled`, left to right, as finditer finds them in its text."""
    if starts is None:
        for paragraph in document.paragraphs:
            for match in doubled.finditer(paragraph.text):
                yield paragraph, match
        return
    resume = 0  # where the last match ended, in the view: finditer does not look inside a match
    for start in starts(document.view_text):
        if start < resume:
            continue
        paragraph, offset, _ = document.in_view(start, start)
        match = doubled.match(paragraph.text, offset)
        if match is not None:
            resume = start - offset + match.end()
            yield paragraph, match


def _words_meet(text: str, start: int, end: int) -> bool:
    """Whether a doubled piece of two characters, text[start:end] (ABAB), is three words end to end: the
    character before it and A, B and A, B and the character after it each make a word (县纪委监委监督 is
    纪委, 监委, 监督), and AB is no common word itself. In 法律知识知识大讲堂, 律知 is no word: 知识 is written
    twice; in 持续加强加强行政, 续加, 强加 and 强行 are words, but so is 加强, the word written twice. A
    longer piece doubled (法治政府建治政府建设) is a slip whatever words its edges cut."""
    if end - start != 4 or start == 0 or end == len(text) or is_word(text[start : start + 2], common=True):
        return False
    return is_word(text[start - 1 : start + 1]) and is_word(text[start + 1 : start + 3]) and is_word(text[end - 1 : end + 1])


def compile(options: dict):
    compile_pattern(options["unit"], "unit")
    doubled = compile_pattern(f"(?P<unit>{options['unit']})(?P=unit)", "unit")
    starts = _candidate_starts(options["unit"], doubled)
    allowed = Matcher.of_phrases(options["allow"], "allow 的项")
    exceptions = Matcher.of_phrases(options["exceptions"], "exceptions 的项")
    word_edges = options["word_edges"]

    def check(document: Document) -> Iterator[Hit]:
        for paragraph, match in _doubled_units(document, doubled, starts):
            text = paragraph.text
            unit = match.group("unit")
            start, end = match.span()
            if allowed.fullmatch(unit) or exceptions.covers(text, start, end):
                continue
            if word_edges and _words_meet(text, start, end):
                continue
            yield Hit(paragraph, start, end, {"found": match.group(), "unit": unit}, unit)

    return check
