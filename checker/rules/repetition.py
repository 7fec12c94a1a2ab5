"""重复（repetition）：同一个字或词紧挨着写了两遍（「的的」「知识知识」）。

选项 `unit` 是会被误写两遍的单位（正则，如 `[的了]` 或 `\\p{Han}{2,8}`）；`unit` 紧接着再出现一次
即为命中。`allow` 列出可以合法重叠的单位（词语或正则，整体匹配，如 `研究`「研究研究」、
`一\\p{Han}`「一条一条」）；`exceptions` 是覆盖命中即作废的语境（词语或正则，如 `目的的`
「达到目的的手段」、`了了(?=[解结之])`「为了了解」）。

消息占位符：{found} 重复的原文，{unit} 重复的单位。修复删去多出的一遍。

通过（unit: "[的了]"）：
    为了了解情况       （exceptions 中的「了了(?=[解结之])」）
不通过：
    法律知识知识大讲堂  → 法律知识大讲堂（unit: "\\p{Han}{2,4}"）
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.engine.ruletype import Hit, Option
from checker.rules.chinese_text import compile_pattern
from checker.rules.phrases import PhraseList

TYPE = "repetition"
OPTIONS = {
    "unit": Option(str, doc="会被误写两遍的单位（正则）"),
    "allow": Option(list, [], "可以合法重叠的单位（正则，整体匹配）"),
    "exceptions": Option(list, [], "覆盖命中即作废的语境（正则）"),
}
NEEDS: tuple[str, ...] = ()


def compile(options: dict):
    compile_pattern(options["unit"], "unit")
    doubled = compile_pattern(f"(?P<unit>{options['unit']})(?P=unit)", "unit")
    allowed = PhraseList(options["allow"], "allow 的项")
    exceptions = PhraseList(options["exceptions"], "exceptions 的项")

    def check(document: Document) -> Iterator[Hit]:
        for paragraph in document.paragraphs:
            text = paragraph.text
            for match in doubled.finditer(text):
                unit = match.group("unit")
                start, end = match.span()
                if allowed.fullmatch(unit) or exceptions.covers(text, start, end):
                    continue
                yield Hit(paragraph, start, end, {"found": match.group(), "unit": unit}, unit)

    return check
