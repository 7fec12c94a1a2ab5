"""未交代的简称（undefined_abbreviation）：《实施办法》《纲要》这类简称，用之前要先交代全称。

一个书名号里只有文种（“实施办法”“纲要”“意见”“方案”……，见 `short_titles`）时，它是简称。
简称在第一次使用前必须已经交代过：前文出现过以它结尾的全称（《××实施办法》，末尾的
“（2021－2025年）”之类不计），或有“（以下简称《实施办法》）”“简称“纲要””这样的说明。
每个简称只在第一次未交代的使用处报告一次；全称出现在后面时，消息会指出“先用后交代”。

选项：
- short_titles：被视为简称的文种词（书名号里恰好是这些词之一）。
- introduction：交代简称的说法（正则表达式，命名组 short 是简称本身）。

示例：
  FAIL  认真研读《实施办法》主要内容。（前文没有《××实施办法》）
  PASS  印发《东城区法治宣传教育实施办法》（以下简称《实施办法》）……落实《实施办法》。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from checker.document.book_titles import BookTitle
from checker.document.cited_titles import titled_paragraphs
from checker.document.model import Document, Paragraph
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern, paragraphs_with

TYPE = "undefined_abbreviation"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "short_titles": Option(list, doc="只有文种的书名号内容，视为简称"),
    "introduction": Option(str, doc="交代简称的说法（正则表达式，命名组 short）"),
}
_TRAILING_PERIOD = regex.compile(r"[（(][^（）()]*[）)]$")


@dataclass
class _Use:
    paragraph: Paragraph
    start: int
    end: int
    count: int = 1


def compile(options: dict) -> Check:
    short_titles = {str(t) for t in options["short_titles"]}
    lengths = {len(t) for t in short_titles}
    introduction = compile_pattern(options["introduction"], "introduction")
    if "short" not in introduction.groupindex:
        raise ValueError("introduction 须有命名组 short")

    # Only paragraphs with a title or an introduction take part: found by searching the whole view.
    introduction_in_view = compile_pattern(options["introduction"], "introduction", regex.MULTILINE)

    def candidates(document: Document) -> list[tuple[Paragraph, list[BookTitle], bool]]:
        """(paragraph, its titles, whether it may introduce a short title), in order."""
        found = {p.index: (p, titles, False) for p, titles in titled_paragraphs(document)}
        for paragraph in paragraphs_with(document, introduction_in_view):
            found[paragraph.index] = (paragraph, found.get(paragraph.index, (paragraph, []))[1], True)
        return [found[index] for index in sorted(found)]

    @lru_cache(maxsize=4096)  # the same titles come back in draft after draft
    def shorts_ending(name: str) -> frozenset[str]:
        """The short titles a full title ends with (and is longer than): one look-up per length."""
        full = _TRAILING_PERIOD.sub("", name)
        return frozenset({full[len(full) - n :] for n in lengths if len(full) > n} & short_titles)

    def check(document: Document) -> Iterator[Hit]:
        introduced: set[str] = set()
        first_unintroduced: dict[str, _Use] = {}
        introduced_later: set[str] = set()
        for paragraph, titles, may_introduce in candidates(document):
            events = [(t.start, "title", t) for t in titles]
            if may_introduce:
                intros = [(m.start(), "intro", m.group("short")) for m in introduction.finditer(paragraph.text)]
                events = sorted(intros + events, key=lambda e: e[0])
            for _, kind, item in events:
                if kind == "intro":
                    introduced.add(item.strip("《》“”\"'"))
                    continue
                name = item.text.strip()
                if name not in short_titles:
                    ends = shorts_ending(name)
                    introduced |= ends
                    introduced_later |= ends & first_unintroduced.keys()
                elif name in first_unintroduced:
                    first_unintroduced[name].count += 1
                elif name not in introduced:
                    first_unintroduced[name] = _Use(paragraph, item.start, item.end)
        for name, use in first_unintroduced.items():
            problem = "在交代全称之前就使用了" if name in introduced_later else "全文没有交代全称"
            args = {"title": name, "problem": problem, "count": use.count}
            yield Hit(use.paragraph, use.start, use.end, args)

    return check
