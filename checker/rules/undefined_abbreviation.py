"""简称（undefined_abbreviation）：《实施办法》《纲要》这类简称，用之前要先交代全称，交代了就照交代的写。

一个书名号里只有文种（“实施办法”“纲要”“意见”“方案”……，见 `short_titles`）时，它是简称。
简称在第一次使用前必须已经交代过：前文出现过以它结尾的全称（《××实施办法》，末尾的
“（2021－2025年）”之类不计），或有“（以下简称《实施办法》）”“简称“纲要””这样的说明。

选项 `report` 选出报告哪一种问题，每个简称只在第一次出问题的使用处报告一次：
- undefined（默认）：简称没有交代过；全称出现在后面时，消息会指出“先用后交代”。
- ambiguous：前文引用过两份以上以它结尾的不同文件（《××指导意见》《××实施意见》之后的《意见》），又没有“以下简称”
  说明指哪一份；同一段里简称之前只引用过其中一份的（紧挨着的那份），不算。
- marks：简称交代时用的引号，用时却加了书名号（“以下简称“条例””之后写《条例》），或者反过来（“以下简称《条例》”
  之后写“条例”）；两种写法都交代过的不报。
- unlike：用的简称没有交代过，前文以它结尾的全称却都交代了别的简称（《××实施方案》（以下简称《实施方案》）之后写
  《方案》）：没照交代的写。

选项：
- short_titles：被视为简称的文种词（书名号里恰好是这些词之一）。
- introduction：交代简称的说法（正则表达式，命名组 short 是简称本身，连同它的书名号或引号）。
- report：undefined | ambiguous | marks | unlike。

消息占位符：{title} 简称；{count} 出问题的使用次数；undefined：{problem} 问题的说法；ambiguous：{titles} 前文以它结尾的
文件（至多三份）；marks：{used} 用时的写法，{introduced} 交代时的写法，{line} 交代所在的行；unlike：{introduced} 交代的简称，
{full} 它的全称。

示例：
  FAIL  认真研读《实施办法》主要内容。（前文没有《××实施办法》；undefined）
  PASS  印发《东城区法治宣传教育实施办法》（以下简称《实施办法》）……落实《实施办法》。
  FAIL  落实《关于××的指导意见》和《关于××的实施意见》，按照《意见》要求……（ambiguous）
  FAIL  贯彻《××条例》（以下简称“条例”），对照《条例》要求……（marks）
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from checker.document.book_titles import BookTitle, cosmetic_form
from checker.document.cited_titles import titled_paragraphs
from checker.document.model import Document, Paragraph
from checker.document.per_document import per_document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern, paragraphs_with

TYPE = "undefined_abbreviation"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "short_titles": Option(list, doc="只有文种的书名号内容，视为简称"),
    "introduction": Option(str, doc="交代简称的说法（正则表达式，命名组 short）"),
    "report": Option(str, "undefined", "undefined | ambiguous | marks | unlike：未交代、指代不明、写法与交代不一致、不照交代的简称"),
}
_REPORTS = ("undefined", "ambiguous", "marks", "unlike")
_INTRODUCED_WITHIN = 3  # characters between a full title and the “（以下简称…）” that names it: （, a blank
_TRAILING_PERIOD = regex.compile(r"[（(][^（）()]*[）)]$")
_TITLE_MARKS, _QUOTES = "《》", "“”"
_MARKS = "《》“”\"'"
_SHOWN_TITLES = 3  # full titles named in an ambiguous short title's message


@dataclass
class _Use:
    paragraph: Paragraph
    start: int
    end: int
    args: dict = field(default_factory=dict)
    count: int = 1


@dataclass
class _Introduction:
    marks: str  # 《》 or “” (straight quotes read as “”)
    line: int
    paragraph: int  # where it ends: a use of the other marks after it is reported
    end: int


@dataclass
class _Walk:
    """What a document's short titles come to, for each problem (report) the type knows: the first use
    with the problem, by short title, and the short titles whose full title came after a use."""
    problems: dict[str, dict[str, _Use]]
    introduced: dict[str, list[_Introduction]]  # by "以下简称…", in order
    introduced_later: set[str]


def _marks_of(short: str) -> str:
    return _TITLE_MARKS if short.startswith("《") else _QUOTES


# the walk of one set of short titles and introduction over a document, shared by the rules that read the
# same ones (FZ401, FZ411, FZ412): one walk a document for the three
_walks: dict[tuple[frozenset[str], str], Callable[[Document], _Walk]] = {}


def _walk_of(short_titles: frozenset[str], pattern: str) -> Callable[[Document], _Walk]:
    key = (short_titles, pattern)
    if key in _walks:
        return _walks[key]
    lengths = {len(t) for t in short_titles}
    introduction = compile_pattern(pattern, "introduction")
    if "short" not in introduction.groupindex:
        raise ValueError("introduction 须有命名组 short")
    # Only paragraphs with a title or an introduction take part: found by searching the whole view.
    introduction_in_view = compile_pattern(pattern, "introduction", regex.MULTILINE)

    def candidates(document: Document) -> list[tuple[Paragraph, list[BookTitle], bool]]:
        """(paragraph, its titles, whether it may introduce a short title), in order."""
        found = {p.index: (p, titles, False) for p, titles in titled_paragraphs(document)}
        for paragraph in paragraphs_with(document, introduction_in_view):
            found[paragraph.index] = (paragraph, found.get(paragraph.index, (paragraph, []))[1], True)
        return [found[index] for index in sorted(found)]

    @lru_cache(maxsize=4096)  # the same titles come back in draft after draft
    def shorts_ending(name: str) -> tuple[str, frozenset[str]]:
        """A full title's name without its period, as compared (cosmetic_form), and the short titles it
        ends with (and is longer than): one look-up per length."""
        full = _TRAILING_PERIOD.sub("", name)
        return cosmetic_form(full), frozenset({full[len(full) - n :] for n in lengths if len(full) > n} & short_titles)

    @per_document
    def walk(document: Document) -> _Walk:
        introduced: dict[str, list[_Introduction]] = {}
        implied: set[str] = set()  # by a full title ending in it
        ends_of: dict[str, dict[str, str]] = {}  # short title -> the full titles ending in it: compared form -> as first written
        named: dict[str, str] = {}  # full title (compared form) -> the short title an introduction right after it gave
        problems: dict[str, dict[str, _Use]] = {report: {} for report in _REPORTS}
        introduced_later: set[str] = set()
        for paragraph, titles, may_introduce in candidates(document):
            events = [(t.start, "title", t) for t in titles]
            if may_introduce:
                intros = [(m.start(), "intro", m) for m in introduction.finditer(paragraph.text)]
                events = sorted(intros + events, key=lambda e: e[0])
            here: dict[str, set[str]] = {}  # the full titles of this paragraph so far, by their short titles
            last_full: tuple[str, int] | None = None  # the full title just cited in this paragraph, and where it ends
            for _, kind, item in events:
                if kind == "intro":
                    short = item.group("short")
                    introduced.setdefault(short.strip(_MARKS), []).append(
                        _Introduction(_marks_of(short), paragraph.line, paragraph.index, item.end()))
                    if last_full is not None and item.start() - last_full[1] <= _INTRODUCED_WITHIN:
                        named.setdefault(last_full[0], short.strip(_MARKS))
                    continue
                name = item.text.strip()
                if name not in short_titles:
                    full, ends = shorts_ending(name)
                    last_full = (full, item.end)
                    implied.update(ends)
                    introduced_later.update(ends & problems["undefined"].keys())
                    for short in ends:
                        ends_of.setdefault(short, {}).setdefault(full, name)
                        here.setdefault(short, set()).add(full)
                    continue
                intros = introduced.get(name, [])
                found = {"undefined": None if intros or name in implied else {},
                         "ambiguous": _ambiguity(intros, ends_of.get(name, {}), here.get(name, set())),
                         "unlike": None if intros else _unlike(name, ends_of.get(name, {}), named),
                         "marks": {"used": f"《{name}》", "introduced": f"“{name}”", "line": intros[0].line} if _quoted_only(intros) else None}
                for report, args in found.items():
                    first = problems[report].get(name)
                    if first is not None:
                        if report != "marks" or args is not None:  # marks: the later uses still against the introduction
                            first.count += 1
                    elif args is not None:
                        problems[report][name] = _Use(paragraph, item.start, item.end, args)
        return _Walk(problems, introduced, introduced_later)

    _walks[key] = walk
    return walk


def _ambiguity(intros: list[_Introduction], ends: dict[str, str], here: set[str]) -> dict | None:
    """The full titles a short one may stand for, when there are several and neither an introduction nor
    the one title just cited in the same paragraph settles which."""
    if intros or len(ends) < 2 or len(here) == 1:
        return None
    shown = "".join(f"《{written}》" for written in list(ends.values())[:_SHOWN_TITLES])
    return {"titles": shown + ("等" if len(ends) > _SHOWN_TITLES else "")}


def _unlike(name: str, ends: dict[str, str], named: dict[str, str]) -> dict | None:
    """The short title introduced instead, when every full title cited before that ends in `name` was given
    another one (《××实施方案》（以下简称《实施方案》）, then 《方案》)."""
    if not ends or not all(named.get(full, name) != name for full in ends):
        return None
    full, written = next(iter(ends.items()))
    return {"introduced": f"《{named[full]}》", "full": f"《{written}》"}


def compile(options: dict) -> Check:
    report = options["report"]
    if report not in _REPORTS:
        raise ValueError(f"report 应为 {'/'.join(_REPORTS)}")
    walk = _walk_of(frozenset(str(t) for t in options["short_titles"]), str(options["introduction"]))

    def check(document: Document) -> Iterator[Hit]:
        walked = walk(document)
        found = walked.problems[report]
        if report == "marks":
            yield from _quoted_uses(document, walked.introduced, found)
            return
        for name, use in found.items():
            args = {"title": name, "count": use.count, **use.args}
            if report == "undefined":
                args["problem"] = "在交代全称之前就使用了" if name in walked.introduced_later else "全文没有交代全称"
            yield Hit(use.paragraph, use.start, use.end, args)

    return check


def _quoted_only(intros: list[_Introduction]) -> bool:
    return bool(intros) and all(i.marks == _QUOTES for i in intros)


def _quoted_uses(document: Document, introduced: dict[str, list[_Introduction]], found: dict[str, _Use]) -> Iterator[Hit]:
    """The uses written against their introduction, in order: 《…》 where quotes introduced it (`found`),
    and “…” where 书名号 did (searched here: a quotation is not a title)."""
    hits = [(use.paragraph.index, use.start, use.paragraph, use.end, {"title": name, "count": use.count, **use.args})
            for name, use in found.items()]
    for name, intros in introduced.items():
        if any(i.marks != _TITLE_MARKS for i in intros):
            continue
        after = (intros[0].paragraph, intros[0].end)
        uses = [(p, start) for p, start in _occurrences(document, f"“{name}”") if (p.index, start) >= after]
        if uses:
            paragraph, start = uses[0]
            args = {"title": name, "count": len(uses), "used": f"“{name}”", "introduced": f"《{name}》", "line": intros[0].line}
            hits.append((paragraph.index, start, paragraph, start + len(name) + 2, args))
    for _, start, paragraph, end, args in sorted(hits, key=lambda h: h[:2]):
        yield Hit(paragraph, start, end, args)


def _occurrences(document: Document, quoted: str) -> Iterator[tuple[Paragraph, int]]:
    view = document.view_text
    found = view.find(quoted)
    while found >= 0:
        placed = document.in_view(found, found + len(quoted))
        if placed is not None:
            yield placed[0], placed[1]
        found = view.find(quoted, found + 1)
