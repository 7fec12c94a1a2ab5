"""标题行里的写法（title_wording）：报告标题中多余或写错的字，只查标题行（标题块中写报告名称的一行）。

正文里同样的字样可能是引用别的报告（“《2020年度法治政府建设年度报告》显示……”），不归本类型。
选项 `swap` 是「正则 → 替换模板」（模板可用 `\\g<name>` 引用命名分组）；标题行里的每处匹配报一次，
修复换成替换结果。几处重叠时取最靠左的一处。没有标题时不查。

消息占位符：{found} 原文，{replacement} 建议写法，{title} 标题。

通过（swap: {'(?P<year>(?:19|20)\\d\\d年)度(?=.*年度)': '\\g<year>'}）：
    某县2020年法治政府建设年度报告
不通过：
    某县2020年度法治政府建设年度报告   → 某县2020年法治政府建设年度报告
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern
from checker.rules.title_block import title_span

TYPE = "title_wording"
OPTIONS = {"swap": Option(dict, doc="标题行里的写法（正则）→ 应有的写法（替换模板）")}
NEEDS: tuple[str, ...] = ()


def compile(options: dict) -> Check:
    if not options["swap"]:
        raise ValueError("swap 不能为空")
    swaps = [(compile_pattern(str(pattern), "swap 的键"), str(template)) for pattern, template in options["swap"].items()]

    def check(document: Document) -> Iterator[Hit]:
        block = document.title_block
        if block is None:
            return
        line, start, end = title_span(block)
        title = line.text[start:end]
        found = [(match, template) for pattern, template in swaps for match in pattern.finditer(line.text, start, end)]
        found.sort(key=lambda item: (item[0].start(), -item[0].end()))
        reached = start
        for match, template in found:
            if match.start() < reached:
                continue
            reached = match.end()
            replacement = match.expand(template)
            yield Hit(line, match.start(), match.end(), {"found": match.group(), "replacement": replacement, "title": title},
                      replacement)

    return check
