"""沿用去年的机关名称或年份（carried_identity）：从去年报告搬来的段落里，机关名称或年份还是去年的。

只在有去年的报告可比时检查。与去年某段相似度达到 `threshold` 的段落里：
- 去年报告的发文机关名称（与今年的不同时，如机构改革后更名）出现在段落中；
- 去年的报告年度 Y（今年报告年度为 Y+1）出现在总结今年工作的段落中，或 Y+1 出现在
  `plan_sections`（下一年度安排）的段落中——去年的“2022年工作安排”搬成了今年的，年份没改。
年份前后是比较或历史的说法（`comparative`，如“较2021年”“2021年以来”）不报。修复（不安全）换成
今年应有的名称或年份。

示例（去年 2021 年度，今年 2022 年度）：
  FAIL  2021年，我局共开展执法检查……（去年原段，年份未改）
  PASS  与2021年相比，执法检查次数增加……
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.crossdoc.facts import carried_from, last_year_place
from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern

TYPE = "carried_identity"
CROSS = "previous"
OPTIONS = {
    "sections": Option(list, doc="检查的必备部分（key）"),
    "plan_sections": Option(list, ["next-year-plan"], "写下一年度安排的部分（key）"),
    "threshold": Option(float, 0.6, "段落与去年某段的相似度达到此值才算搬来的（0–1）"),
    "comparative": Option(str, r"(?:较|比|与|同比|相比|自|从)$|^年?(?:以来|起|前|至今|底前)",
                          "年份前（$ 结尾的部分）或后（^ 开头的部分）出现时不报的比较、历史说法"),
}


def _years(text: str, year: int, comparative: regex.Pattern) -> Iterator[tuple[int, int]]:
    for match in regex.finditer(rf"(?<!\d){year}(?=年)", text):
        before, after = text[max(0, match.start() - 2) : match.start()], text[match.end() :]
        if comparative.search(before) or comparative.search(after[:6]):
            continue
        yield match.span()


def compile(options: dict) -> Check:
    sections, plans = set(options["sections"]), set(options["plan_sections"])
    threshold = options["threshold"]
    comparative = compile_pattern(options["comparative"], "comparative")

    def check(document: Document) -> Iterator[Hit]:
        previous = document.cross.previous if document.cross else None
        if previous is None:
            return
        old_body, body = previous.context.body, document.context.body
        old_year = previous.context.year
        for carried in carried_from(document, sections | plans):
            if carried.similarity < threshold:
                continue
            text = carried.paragraph.text
            related = last_year_place(document, carried.previous)
            if old_body and body and old_body != body and old_body not in body:
                for match in regex.finditer(regex.escape(old_body), text):
                    yield Hit(carried.paragraph, *match.span(), {"stale": old_body, "expected": body, "what": "机关名称",
                                                                   "previous_line": carried.previous.line},
                              body, related)
            if old_year is None:
                continue
            stale = old_year + 1 if carried.section in plans else old_year
            if not any(_years(carried.previous.text, stale, comparative)):  # the year was last year's text too
                continue
            for start, end in _years(text, stale, comparative):
                yield Hit(carried.paragraph, start, end, {"stale": stale, "expected": stale + 1, "what": "年份",
                                                "previous_line": carried.previous.line},
                          str(stale + 1), related)

    return check
