"""沿用去年的数字（stale_figures）：今年的句子只改了几个字，句中的数字与去年一字不差。

只在有去年的报告可比时检查。今年 `sections` 中没有整段照搬（与去年最相近的一段相似度低于
`carried`；整段照搬由 carried_over 报告）的段落，逐句找去年报告中最相近的一句：今年这句的字符
4-gram 有 `sentence_threshold` 以上出自去年那句，且句中的数字（年份、月日、文号除外）全都与去年
那句相同，就逐个报告这些数字——统计数字每年都该更新。

示例：
  FAIL  去年：全年受理行政复议案件44件，办结40件。  今年：全年共受理行政复议案件44件，依法办结40件。
  PASS  今年：全年共受理行政复议案件52件，依法办结49件。
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checker.crossdoc.facts import last_year_place
from checker.crossdoc.previous import kept_sentences, sections_by_line
from checker.crossdoc.text import FIGURE, rounded
from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option

TYPE = "stale_figures"
CROSS = "previous"
OPTIONS = {
    "sections": Option(list, doc="今年报告中检查的必备部分（key）"),
    "sentence_threshold": Option(float, 0.6, "今年这句的字符 4-gram 出自去年那句的比例达到此值，才算“只改了几个字”（0–1）"),
    "carried": Option(float, 0.8, "段落相似度达到此值算整段照搬，留给 carried_over（0–1）"),
}


def _has_figures(text: str) -> bool:
    return FIGURE.search(text) is not None


def compile(options: dict) -> Check:
    sections, floor, carried_at = set(options["sections"]), options["sentence_threshold"], options["carried"]

    def check(document: Document) -> Iterator[Hit]:
        cross = document.cross
        if cross is None or cross.previous is None:
            return
        whole = {c.paragraph.line for c in cross.carried if c.similarity >= carried_at}
        in_sections = sections_by_line(document)
        paragraphs = [p for p in document.paragraphs if in_sections[p.line] in sections and p.line not in whole]
        for kept in kept_sentences(paragraphs, cross.previous, _has_figures):
            figures = list(FIGURE.finditer(kept.text))
            if kept.containment < floor or Counter(m.group() for m in figures) != Counter(FIGURE.findall(kept.previous_text)):
                continue
            related = last_year_place(document, kept.previous)
            for figure in figures:
                args = {"similarity": rounded(kept.containment), "previous_line": kept.previous.line, "figure": figure.group()}
                yield Hit(kept.paragraph, kept.start + figure.start(), kept.start + figure.end(), args, related=related)

    return check
