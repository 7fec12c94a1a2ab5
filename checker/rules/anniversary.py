"""周年与届次（anniversary）：“建党101周年”“第九个国家宪法日”这样随年份递增的数字，与所说的年份不符。

纪念日、周年逐年加一：中国共产党成立于1921年，2021年是建党100周年；2014年是第一个国家宪法日，
2023年是第十个。照抄往年报告时，年份改了，这个数字常常没改（2022年度报告“庆祝建党100周年”，
2023年度报告“在第九个国家宪法日”）。

`events` 每项一种：`name`、`pattern`（正则，命名组 n 是那个数字，阿拉伯数字或汉字）、`base`（数字为 0
的年份：建党 1921、国家宪法日 2013）、`source`。所说的年份是报告年度；“下一年度主要安排”部分里是
次年。所在句子写了别的年份（“2021年，隆重庆祝建党100周年”），说的是那一年的事，不报；所在分句有
`retrospective` 的回顾用词（缺省为 rules/data/look_back.yaml：成果、经验、以来……）或 `unless` 中的
词（去年、大会上的讲话……）时不报；书名号里的不报（引用往年的文件）。

消息占位符：{found} 原文，{right} 应有的写法，{year} 所说的年份，{when} “报告年度（2023年）”或
“下一年度（2024年）的安排”。修复（不安全）换成应有的数字：也可能错的是年份。

示例（国家宪法日，base 2013，报告年度 2023）：
  FAIL  在第九个国家宪法日举办宪法宣传活动。 → 第十个
  PASS  2022年12月4日第九个国家宪法日，……（句子写了别的年份）
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from checker.document.book_titles import book_titles, inside_any
from checker.document.look_back import clause_around, look_back_words, sentence_around
from checker.document.model import Document
from checker.document.numerals import chinese_to_int, int_to_chinese
from checker.document.section_text import plan_paragraphs
from checker.document.years import year_mentions
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import ViewSearch, any_of, compile_pattern

TYPE = "anniversary"
NEEDS = ("year",)
OPTIONS = {
    "events": Option(list, doc="[{name, pattern, base, source}]：pattern 的命名组 n 是随年份递增的数字"),
    "retrospective": Option(list, look_back_words(), "分句里有这些回顾用词时不报（正则）"),
    "unless": Option(list, [], "分句里有这些词时不报（正则）"),
}


@dataclass(frozen=True)
class _Event:
    name: str
    base: int


def _event(raw: object) -> tuple[str, _Event]:
    if not isinstance(raw, dict) or not all(raw.get(k) for k in ("name", "pattern", "base", "source")):
        raise ValueError(f"每项须有 name、pattern、base、source：{raw}")
    if not isinstance(raw["base"], int):
        raise TypeError(f"base 应为年份：{raw}")
    return str(raw["pattern"]), _Event(str(raw["name"]), raw["base"])


def _number(written: str) -> int | None:
    return int(written) if written.isascii() and written.isdigit() else chinese_to_int(written)


def _sentence_years(text: str, start: int, end: int) -> set[int]:
    return {year for _, _, year in year_mentions(sentence_around(text, start, end))}


def compile(options: dict) -> Check:
    entries = [_event(raw) for raw in options["events"]]
    if not entries:
        raise ValueError("events 不能为空")
    searches = []
    for pattern, event in entries:
        compiled = compile_pattern(pattern, "pattern", regex.MULTILINE)
        if "n" not in compiled.groupindex:
            raise ValueError(f"pattern 须有命名组 n：{pattern}")
        searches.append((ViewSearch(compiled), event))
    exempt = any_of([*options["retrospective"], *options["unless"]], "retrospective、unless 的项")

    def check(document: Document) -> Iterator[Hit]:
        report_year = document.context.year
        planned: set[int] | None = None  # read for the first mention: most drafts have none
        for search, event in searches:
            for paragraph, start, end, match in search.matches(document):
                count = _number(match.group("n"))
                if count is None:
                    continue
                if planned is None:
                    planned = {id(p) for p in plan_paragraphs(document)}
                in_plan = id(paragraph) in planned
                year = report_year + 1 if in_plan else report_year
                if count == year - event.base:
                    continue
                text = paragraph.text
                if _sentence_years(text, start, end) - {year} or inside_any(book_titles(text)[0], start, end):
                    continue
                if exempt is not None and exempt.search(clause_around(text, start, end)):
                    continue
                written = match.group("n")
                right_count = year - event.base
                right_number = str(right_count) if written.isascii() else int_to_chinese(right_count)
                n_start, n_end = (i - match.start() for i in match.span("n"))
                right = match.group()[:n_start] + right_number + match.group()[n_end:]
                when = f"下一年度（{year}年）的安排" if in_plan else f"报告年度（{year}年）"
                args = {"found": match.group(), "right": right, "year": year, "when": when, "name": event.name}
                yield Hit(paragraph, start, end, args, right)

    return check
