"""过时的引用（outdated_citation）：报告年度里已被取代的法规名称或提法，仍被当作现行的来引用。

事实写在 `facts` 里，每条一项：
- title：被取代的文件名称（书名号里的写法，比较时忽略括号全半角、连接号和“中华人民共和国”前缀），
  或 term：被取代的提法（正则表达式，如“七五”普法）；
- replaced_by：取代它的文件或提法；since：取代生效的日期（YYYY-MM-DD 或 YYYY-MM）；
- source：这条事实的出处。
报告年度不早于 since 的年份时，引用才算过时：《信访条例》2022-05-01 起由《信访工作条例》取代，
2021年度报告引用它没有问题，2022年度报告就该改。同一句里有 `historical` 的说法（“原”“废止”
“收官”“期间”……）时，是在讲历史，不报。

示例（报告年度 2022）：
  FAIL  认真贯彻《信访条例》，依法受理来信来访。
  PASS  《信访条例》废止后，及时组织学习《信访工作条例》。
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from checker.document.model import Document, Paragraph
from checker.engine.ruletype import Check, Hit, Option
from checker.rules.book_titles import book_titles, cosmetic_form

TYPE = "outdated_citation"
NEEDS = ("year",)
OPTIONS = {
    "facts": Option(list, doc="[{title 或 term, replaced_by, since, source}]"),
    "historical": Option(str, "", "同一句中表明是在讲历史的说法（正则表达式）"),
}
_SENTENCE = regex.compile(r"[^。！？；!?;\n]*[。！？；!?;]?")
_DATE = regex.compile(r"^(?P<year>\d{4})-\d{2}(?:-\d{2})?$")


@dataclass(frozen=True)
class Fact:
    replaced_by: str
    since: str
    since_year: int
    source: str


def _fact(raw: dict) -> Fact:
    if not isinstance(raw, dict) or ("title" in raw) == ("term" in raw):
        raise ValueError(f"每条事实须有 title 或 term 之一：{raw}")
    missing = [k for k in ("replaced_by", "since", "source") if not raw.get(k)]
    date = _DATE.match(str(raw.get("since", "")))
    if missing or date is None:
        raise ValueError(f"事实缺少 {missing or 'since（YYYY-MM-DD）'}：{raw}")
    return Fact(raw["replaced_by"], str(raw["since"]), int(date.group("year")), raw["source"])


def _sentence_at(text: str, position: int) -> tuple[int, int]:
    for match in _SENTENCE.finditer(text):
        if match.start() <= position < max(match.end(), match.start() + 1):
            return match.span()
    return 0, len(text)


def compile(options: dict) -> Check:
    titles: dict[str, Fact] = {}
    terms: list[tuple[regex.Pattern, Fact]] = []
    for raw in options["facts"]:
        fact = _fact(raw)
        if "title" in raw:
            titles[cosmetic_form(raw["title"])] = fact
        else:
            terms.append((regex.compile(raw["term"]), fact))
    term_matcher = regex.compile("|".join(f"(?P<t{i}>{p.pattern})" for i, (p, _) in enumerate(terms))) if terms else None
    historical = regex.compile(options["historical"]) if options["historical"] else None

    def is_historical(text: str, start: int) -> bool:
        if historical is None:
            return False
        sentence_start, sentence_end = _sentence_at(text, start)
        return historical.search(text, sentence_start, sentence_end) is not None

    def found(paragraph: Paragraph) -> Iterator[tuple[int, int, str, Fact]]:
        for title in book_titles(paragraph.text)[0]:
            fact = titles.get(cosmetic_form(title.text))
            if fact:
                yield title.start, title.end, f"《{title.text}》", fact
        if term_matcher:
            for match in term_matcher.finditer(paragraph.text):
                fact = next(fact for i, (_, fact) in enumerate(terms) if match.group(f"t{i}") is not None)
                yield match.start(), match.end(), f"“{match.group()}”", fact

    def check(document: Document) -> Iterator[Hit]:
        year = document.context.year
        for paragraph in document.paragraphs:
            for start, end, cited, fact in found(paragraph):
                if year < fact.since_year or is_historical(paragraph.text, start):
                    continue
                args = {"cited": cited, "replaced_by": fact.replaced_by, "since": fact.since, "year": year, "basis": fact.source}
                yield Hit(paragraph, start, end, args)

    return check
