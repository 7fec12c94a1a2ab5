"""同一层级的序号写法是否统一：有的写“1.”有的写“1、”，有的写“（一）”有的写“(一)”。

按层级统计序号的写法（数字不计，“1.”与“2.”算同一种写法），每个层级以用得最多的写法为准
（同样多时以 GB/T 9704 的写法为准，都不是时以先出现的为准），其余每种写法在第一次出现处提示一次，
不逐个报告。

与“序号写法”规则的分工：那几条规则按 GB/T 9704-2012 逐个指出不规范的序号并给出修复；
本规则只说明全文不统一，即使配置里放宽了某种写法（如允许“1、”），混用仍会被指出。
层级写错的序号（第一级写成“2、”）不计入，由“序号层级”规则报告。
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import regex

from checker.document.markers import NOMINAL_LEVEL
from checker.document.model import Document, Heading
from checker.document.sibling_groups import marker_span
from checker.engine.ruletype import Check, Hit

TYPE = "marker_consistency"
OPTIONS: dict = {}
NEEDS: tuple[str, ...] = ()

_NUMERAL = regex.compile(r"[一二三四五六七八九十]+|[0-9０-９]+")


def _form(heading: Heading) -> str:
    return _written_form(heading.marker.text)


@lru_cache(maxsize=1024)  # a draft has a few dozen distinct markers and thousands of numbered lines
def _written_form(marker: str) -> str:
    return _NUMERAL.sub("N", marker.strip(), count=1)


def compile(options: dict) -> Check:
    def check(document: Document) -> Iterator[Hit]:
        by_level: dict[int, list[Heading]] = {}
        for heading in document.outline:
            if heading.marker and NOMINAL_LEVEL[heading.marker.style] == heading.level:
                by_level.setdefault(heading.level, []).append(heading)
        for level, headings in by_level.items():
            forms = [_form(h) for h in headings]
            counts = Counter(forms)
            if len(counts) < 2:
                continue
            # the most used form; of forms used as often, the GB/T 9704 one, else the first met
            standard = {form for heading, form in zip(headings, forms) if _written_form(heading.marker.canonical) == form}
            usual = max(counts, key=lambda form: (counts[form], form in standard))
            example = headings[forms.index(usual)].marker.text.strip()
            reported = {usual}
            for heading, form in zip(headings, forms):
                if form in reported:
                    continue
                reported.add(form)
                start, end = marker_span(heading)
                yield Hit(heading.paragraph, start, end,
                          {"level": level, "found": heading.marker.text.strip(), "usual": example,
                           "usual_count": counts[usual], "count": counts[form]})

    return check
