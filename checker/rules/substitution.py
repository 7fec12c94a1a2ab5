"""替换（substitution）：把写错的词换成应当使用的词。

选项 `swap` 是「错误写法 → 正确写法」的映射。键是普通词语，或需要语境时的正则表达式（如
`截止(?=\\d)`，前后断言限定语境）；值是替换模板，正则键可用 `\\g<name>` 引用键里的命名分组。
普通词语在编译时合成一个自动机，词表再长每个字的开销也不变；正则键逐个匹配，只用于少数需要
语境的条目。整篇文档先扫描一遍，找出含有某个词语或某个正则键必含文字（如 `截止(?=\\d)` 中的
“截止”）的段落，逐段匹配只在这些段落上进行。同一处有几个键命中时取最靠左、最长的一个。

`exceptions` 是写在规则旁边的例外：更长的短语或正则，只要它的某个匹配覆盖了命中的文字，这次命中
就作废（如「法制宣传日」覆盖「法制宣传」）。`skip_titles` 跳过《…》书名号内的命中（文件、报刊的
名称照原样引用），`skip_quotes` 跳过“…”引号内的命中（引语、活动名称照原样）。

消息占位符：{found} 原文，{replacement} 建议写法。修复把原文替换为建议写法。

通过（规则 swap: {法制政府: 法治政府}）：
    推进法治政府建设。
    《法制日报》（skip_titles）
不通过：
    推进法制政府建设。   → 推进法治政府建设。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.engine.ruletype import Hit, Option
from checker.matching import Matcher, inside, leftmost_longest, quoted

TYPE = "substitution"
OPTIONS = {
    "swap": Option(dict, doc="错误写法（词语或正则）→ 正确写法（替换模板）"),
    "exceptions": Option(list, [], "覆盖命中即作废的例外（词语或正则）"),
    "skip_titles": Option(bool, False, "不检查《…》内的文字"),
    "skip_quotes": Option(bool, False, "不检查“…”内的文字"),
}
NEEDS: tuple[str, ...] = ()


def compile(options: dict):
    swap = options["swap"]
    if not swap:
        raise ValueError("swap 不能为空")
    keys = Matcher.of_phrases(swap, "swap 的键")
    templates = [str(swap[key]) for key in swap if str(key)]
    exceptions = Matcher.of_phrases(options["exceptions"], "exceptions 的项")
    skip_titles, skip_quotes = options["skip_titles"], options["skip_quotes"]

    def check(document: Document) -> Iterator[Hit]:
        for paragraph in keys.paragraphs(document):
            text = paragraph.text
            found = [o for o in keys.occurrences(text) if not exceptions.covers(text, o.start, o.end)]
            if found and (skip_titles or skip_quotes):
                sheltered = quoted(text, titles=skip_titles, quotations=skip_quotes)
                found = [o for o in found if not inside(sheltered, o.start, o.end)]
            for occurrence in leftmost_longest(found):
                template = templates[occurrence.item]
                replacement = occurrence.match.expand(template) if occurrence.match else template
                args = {"found": text[occurrence.start : occurrence.end], "replacement": replacement}
                yield Hit(paragraph, occurrence.start, occurrence.end, args, replacement)

    return check
