"""必备部分排成了下级标题（nested_section）：讲下一年度的部分写在了讲报告年度的部分之下，或者反过来。

《规定》所列各项是报告并列的几个部分。一个下级标题（“（一）”“1.”，或 Word 自动编号给了下一级）按
rules/data/report_sections.yaml 的说法点了某一项的名（须带“法治”“下一年度”之类的佐证词：“（一）主要
做法和成效”不算），而它所在的第一级部分讲的是另一个年度——主要安排（year: next）排在“三、存在的
不足和原因”（year: report）之下，或反之——这一项就被降成了别的部分的一小节：多半是自动编号的级别
设错了，或粘贴时丢了它的一级序号。该项已有自己的一级标题、或某个一级标题点了它的名（“三、存在的
不足和下一步打算”把两项合在一起）时不报；同一年度的两项互相嵌套（第一责任人职责写成举措和成效
的一小节）是常见写法，不报。不提供修复：该排第几级、编第几号，要在 Word 里改。

选项：
- review_words：下一年度的安排之下，点了报告年度某项之名的下级标题还须与它相符（正则表达式，如以
  `情况|不足` 收尾）才算那一项：“（一）持续压实党政主要负责人履行推进法治建设第一责任人职责”是明年的
  一项工作，不是降了级的第一责任人职责部分。空：不看。

消息占位符：{heading} 下级标题的文字，{item} 它点名的部分，{parent} 它所在的一级标题的文字，
{level} 它现在的级别。

通过：
    三、存在的不足和原因
    四、2025年推进法治政府建设的主要安排
不通过：
    三、存在的不足和原因
    （一）2025年推进法治政府建设的主要安排
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document, Heading
from checker.document.sections import vocabulary
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern

TYPE = "nested_section"
OPTIONS = {
    "review_words": Option(str, "", "下一年度安排之下点了报告年度某项之名的下级标题，还须与它相符才报（正则表达式）"),
}
NEEDS: tuple[str, ...] = ()
_YEARS = {"report", "next"}  # the items' years that cannot hold one another


def _top(heading: Heading) -> Heading:
    while heading.parent is not None:
        heading = heading.parent
    return heading


def compile(options: dict) -> Check:
    sections = vocabulary()
    review = compile_pattern(options["review_words"], "review_words") if options["review_words"] else None

    def check(document: Document) -> Iterator[Hit]:
        tops = [h for h in document.outline if h.level == 1]
        for heading in document.outline:
            if heading.level == 1 or (item := sections.match(heading.title, need_evidence=True)) is None:
                continue
            top = _top(heading)
            if top.level != 1 or top.section is None or {sections.item(top.section).year, item.year} != _YEARS:
                continue
            if any(h.section == item.key or item.named_in(h.title) for h in tops):
                continue  # the item has a part of its own, or shares one by name
            if review is not None and item.year == "report" and not review.search(heading.title):
                continue  # next year's task on the same topic
            yield Hit(heading.paragraph, heading.title_start, heading.title_end,
                      {"heading": heading.title, "item": item.name, "parent": top.title, "level": heading.level})

    return check
