"""过时的引用（outdated_citation）：报告年度里已被取代的文件，仍被当作现行文件来引用。

事实写在 `facts` 里，每条一项：
- title：被取代的文件名称（书名号里的写法，比较时忽略括号全半角、连接号、区间首年的“年”、
  版本说明和“中华人民共和国”前缀）；
- replaced_by：取代它的文件；since：取代生效的日期（YYYY-MM-DD 或 YYYY-MM）；
- source：这条事实的出处。
报告年度不早于 since 的年份时，引用才算过时：《信访条例》2022-05-01 起由《信访工作条例》取代，
2021年度报告引用它没有问题，2022年度报告就该改。回顾已被取代的文件不报：同一句里有 `historical`
的说法（“原《”“废止”“失效”……），或引用所在的分句里有 `retrospective` 的回顾用词（基础、期间、
以来、收官、总结、验收……；缺省为 rules/data/look_back.yaml，与检查已结束规划的 plan_period 同一份）。
（已结束的普法规划写成现行工作，由用词类规则 plan_period 检查。）

给了 `ended_span`（执行用词的正则：按照、依据、落实……）时，规则不按 `facts` 报告，而报告名称里写明了
规划期、规划期在报告年度之前已经结束、又紧跟在执行用词之后的文件：2023年度报告“严格按照《某区法治政府
建设实施方案（2016—2020年）》要求”。`facts` 里的文件留给列出它们的规则（同一份事实），这里不报；回顾用词
和 `historical` 同样免报。

示例（报告年度 2022）：
  FAIL  认真贯彻《信访条例》，依法受理来信来访。
  PASS  《信访条例》废止后，及时组织学习《信访工作条例》。
  PASS  在《法治政府建设实施纲要（2015－2020年）》确定的目标基本实现的基础上，……
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from checker.document.book_titles import cosmetic_form
from checker.document.cited_titles import titled_paragraphs
from checker.document.look_back import clause_around, look_back_words
from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import any_of, compile_pattern

TYPE = "outdated_citation"
NEEDS = ("year",)
OPTIONS = {
    "facts": Option(list, doc="[{title, replaced_by, since, source}]"),
    "historical": Option(str, "", "同一句中表明是在讲历史的说法（正则表达式）"),
    "retrospective": Option(list, look_back_words(), "引用所在分句中表示回顾的词（正则）"),
    "ended_span": Option(str, "", "执行用词（正则）：给出时改为报告紧跟其后、规划期已结束的文件"),
}
# a plan period closing a title: （2016—2020年）, (2016-2020), （2016年至2020年）
_SPAN = regex.compile(r"[（(]\s*(?:19|20)\d{2}\s*年?\s*[-－—–~～至到]+\s*(?P<end>(?:19|20)\d{2})\s*年?\s*[)）]$")
_SENTENCE = regex.compile(r"[^。！？；!?;\n]*[。！？；!?;]?")
_DATE = regex.compile(r"^(?P<year>\d{4})-\d{2}(?:-\d{2})?$")


@dataclass(frozen=True)
class Fact:
    replaced_by: str
    since: str
    since_year: int
    source: str


def _fact(raw: dict) -> Fact:
    if not isinstance(raw, dict):
        raise TypeError(f"每条事实应为映射：{raw}")
    missing = [k for k in ("title", "replaced_by", "since", "source") if not raw.get(k)]
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
    titles = {cosmetic_form(raw["title"]): _fact(raw) for raw in options["facts"]}
    historical = compile_pattern(options["historical"], "historical") if options["historical"] else None
    form_of = lru_cache(maxsize=4096)(cosmetic_form)  # the same few hundred titles come back in draft after draft

    retrospective = any_of(options["retrospective"], "retrospective 的项")

    def is_historical(text: str, start: int, end: int) -> bool:
        if retrospective is not None and retrospective.search(clause_around(text, start, end)):
            return True
        if historical is None:
            return False
        sentence_start, sentence_end = _sentence_at(text, start)
        return historical.search(text, sentence_start, sentence_end) is not None

    earliest = min((fact.since_year for fact in titles.values()), default=None)
    # the verb right before the title, or before the titles listed ahead of it (按照《甲》《乙（2016—2020年）》)
    applied = None
    if options["ended_span"]:
        applied = compile_pattern(f"(?:{options['ended_span']})[^，,。；;《》]{{0,4}}(?:《[^》]*》[、和与及]?)*$", "ended_span")

    def ended_spans(document: Document) -> Iterator[Hit]:
        year = document.context.year
        for paragraph, cited in titled_paragraphs(document):
            for title in cited:
                span = _SPAN.search(title.text)
                if span is None or int(span.group("end")) >= year or form_of(title.text) in titles:
                    continue
                lead = paragraph.text[max(0, title.start - 200) : title.start]
                if not applied.search(lead) or is_historical(paragraph.text, title.start, title.end):
                    continue
                args = {"cited": f"《{title.text}》", "end": span.group("end"), "year": year}
                yield Hit(paragraph, title.start, title.end, args)

    def check(document: Document) -> Iterator[Hit]:
        if applied is not None:
            yield from ended_spans(document)
            return
        year = document.context.year
        if earliest is None or year < earliest:
            return
        for paragraph, cited in titled_paragraphs(document):
            for title in cited:
                fact = titles.get(form_of(title.text))
                if fact is None or year < fact.since_year or is_historical(paragraph.text, title.start, title.end):
                    continue
                args = {"cited": f"《{title.text}》", "replaced_by": fact.replaced_by, "since": fact.since,
                        "year": year, "basis": fact.source}
                yield Hit(paragraph, title.start, title.end, args)

    return check
