"""照搬去年（carried_over）：今年报告的段落与去年报告的某段基本相同。

只在有去年的报告可比时检查（`check --previous`、配置 `previous:`，或同一文件夹中同一发文机关
上一年度的报告）。段落相似度是两段文字（去掉空白和 rules/data/boilerplate.yaml 中的套话后）字符
4-gram 集合的 Jaccard 系数；达到 `threshold` 报告，给出相似度和去年的行号。`sections` 限定今年
报告中查哪些必备部分（rules/data/report_sections.yaml 的 key），`previous_sections` 限定去年报告中
与之比较的部分（空表示全文）。

示例（sections: [measures]）：
  FAIL  今年“主要举措和成效”中的一段与去年同一部分的一段逐字相同
  PASS  同一主题，今年重新写过（举措、数字、表述都换了）
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.crossdoc.facts import carried_from, excerpt, last_year_place
from checker.crossdoc.text import rounded
from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option

TYPE = "carried_over"
CROSS = "previous"
OPTIONS = {
    "sections": Option(list, doc="今年报告中检查的必备部分（key）"),
    "previous_sections": Option(list, [], "去年报告中与之比较的部分（key；空表示全文）"),
    "threshold": Option(float, 0.8, "相似度达到此值即报告（0–1）"),
}


def compile(options: dict) -> Check:
    sections, previous_sections = set(options["sections"]), set(options["previous_sections"])
    threshold = options["threshold"]

    def check(document: Document) -> Iterator[Hit]:
        for carried in carried_from(document, sections, previous_sections):
            if carried.similarity < threshold:
                continue
            args = {"similarity": rounded(carried.similarity), "previous_line": carried.previous.line,
                    "previous_excerpt": excerpt(carried.previous.text)}
            paragraph = carried.paragraph
            yield Hit(paragraph, paragraph.prefix_length, len(paragraph.text), args,
                      related=last_year_place(document, carried.previous))

    return check
