"""部分顺序：报告各部分的先后是否与《法治政府建设与责任落实督察工作规定》所列顺序一致。

只看第一级的部分标题（大纲中识别为必备部分的标题）。顺序是惯例而非硬性要求，因此只提示
一次：在第一个排到了《规定》中位于它之后的部分后面的标题上。选项 movable 列出位置由各单位
习惯而定的部分（report_sections.yaml 的键名，如 first-responsible：“第一责任人职责”放在最前、
第二或第三都常见），它们不参与比较。

选项 past_after_plan 为 true 时只查一种顺序问题：讲报告年度的部分（report_sections.yaml 中
year: report，如“存在的不足和原因”）排在讲下一年度的部分（year: next，“主要安排”）之后，报告
前者；为 false（默认）时报告其余的顺序差异，这一种留给前者，同一个标题不报两次。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.document.sections import vocabulary
from checker.engine.ruletype import Check, Hit, Option

TYPE = "section_order"
OPTIONS = {
    "past_after_plan": Option(bool, False, "只查：讲报告年度的部分排在下一年度安排之后"),
    "movable": Option(list, [], "位置不限、不参与比较的部分（report_sections.yaml 的键名）"),
}
NEEDS: tuple[str, ...] = ()


def compile(options: dict) -> Check:
    items = vocabulary().items
    unknown = set(options["movable"]) - {item.key for item in items}
    if unknown:
        raise ValueError(f"movable 中的部分不存在：{'、'.join(sorted(unknown))}")
    rank = {item.key: position for position, item in enumerate(items) if item.key not in options["movable"]}

    year_of = {item.key: item.year for item in items}
    past_after_plan = options["past_after_plan"]

    def check(document: Document) -> Iterator[Hit]:
        latest = plan = None
        for heading in document.outline:
            if heading.level != 1 or heading.section not in rank:
                continue
            after_plan = plan is not None and year_of[heading.section] == "report"
            if past_after_plan and after_plan:
                yield Hit(heading.paragraph, heading.title_start, heading.title_end,
                          {"item": vocabulary().item(heading.section).name, "previous": vocabulary().item(plan.section).name})
                return
            plan = plan or (heading if year_of[heading.section] == "next" else None)
            if not past_after_plan and not after_plan and latest is not None and rank[heading.section] < rank[latest.section]:
                yield Hit(heading.paragraph, heading.title_start, heading.title_end,
                          {"item": vocabulary().item(heading.section).name,
                           "previous": vocabulary().item(latest.section).name})
                return
            if latest is None or rank[heading.section] > rank[latest.section]:
                latest = heading

    return check
