"""固定名称的近似写法（near_name）：应当一字不差照写的名称（习近平新时代中国特色社会主义思想），
写成了只差一两个字的样子：漏字、多字、错字或两字颠倒（习近平新时代中国特色主义思想）。

`span` 是候选片段的正则（如 `习近平(?:(?!习近平)\\p{Han}){1,24}?思想`：以“习近平”开头、到最近的
“思想”为止）。`names` 列出这类名称的全部真实写法：片段与其中一个一字不差时不报；与最近的名称相差
的处数（编辑距离，两字颠倒算一处）在 1 和 `len(名称) // chars_per_edit`（至少 1）之间时报告，建议
写法是那个名称；差得更多的是别的说法（习近平总书记的重要思想），不报。同一形状的其他真实名称
（习近平经济思想、习近平生态文明思想）也要列进 `names`，否则会被当成近似写法。`exceptions` 是与
片段重叠即不报的词语或正则（另一条规则已经报告的写法，同一处不报两遍）。

消息占位符：{found} 原文，{replacement} 最近的名称，{edits} 相差几处。修复改为该名称（需作者确认）。

通过（names: [习近平新时代中国特色社会主义思想, 习近平法治思想, 习近平经济思想]）：
    深入学习习近平经济思想。
    学习习近平总书记关于法治的重要思想。（相差太多，是别的说法）
不通过：
    以习近平新时代中国特色主义思想为指导 → 以习近平新时代中国特色社会主义思想为指导
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import Matcher

TYPE = "near_name"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "span": Option(str, doc="候选片段（正则）"),
    "names": Option(list, doc="名称的全部真实写法"),
    "chars_per_edit": Option(int, 8, "名称每多少个字允许相差一处（至少一处）"),
    "exceptions": Option(list, [], "与片段重叠即不报的词语或正则"),
}


def edits(found: str, name: str, most: int) -> int:
    """How many characters `found` and `name` differ by (one dropped, added or changed, or two
    neighbours swapped, each counts one: the optimal string alignment distance); past `most`, most + 1."""
    if abs(len(found) - len(name)) > most:
        return most + 1
    before_last: list[int] = []
    last = list(range(len(name) + 1))
    for i, char in enumerate(found, 1):
        row = [i] + [0] * len(name)
        for j, other in enumerate(name, 1):
            row[j] = min(last[j] + 1, row[j - 1] + 1, last[j - 1] + (char != other))
            if i > 1 and j > 1 and char == name[j - 2] and found[i - 2] == other:
                row[j] = min(row[j], before_last[j - 2] + 1)
        if min(row) > most:
            return most + 1
        before_last, last = last, row
    return min(last[-1], most + 1)


def compile(options: dict) -> Check:
    names = [str(name) for name in options["names"] if str(name)]
    if not names:
        raise ValueError("names 不能为空")
    if options["chars_per_edit"] < 1:
        raise ValueError("chars_per_edit 应为正整数")
    allowed = {name: max(1, len(name) // options["chars_per_edit"]) for name in names}
    spans = Matcher(patterns=[options["span"]], what="span")
    exceptions = Matcher.of_phrases(options["exceptions"], "exceptions 的项")

    def nearest(found: str) -> tuple[int, str] | None:
        """The fewest edits to a listed name and that name (the first listed on a tie), within its allowance."""
        near = [(edits(found, name, most), name) for name, most in allowed.items()]
        near = [(count, name) for count, name in near if count <= allowed[name]]
        return min(near, key=lambda pair: pair[0]) if near else None

    def check(document: Document) -> Iterator[Hit]:
        for paragraph in spans.paragraphs(document):
            text = paragraph.text
            for occurrence in spans.occurrences(text):
                found = text[occurrence.start : occurrence.end]
                if found in allowed:
                    continue
                near = nearest(found)
                if near is None or (exceptions and exceptions.occurrences(text, occurrence.start, occurrence.end)):
                    continue
                count, name = near
                yield Hit(paragraph, occurrence.start, occurrence.end, {"found": found, "replacement": name, "edits": count}, name)

    return check
