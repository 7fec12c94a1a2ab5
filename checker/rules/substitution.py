"""替换（substitution）：把写错的词换成应当使用的词。

选项 `swap` 是「错误写法 → 正确写法」的映射。键是正则表达式（普通词语直接写即可，可用前后断言
限定语境，如 `截止(?=\\d)`）；值是替换模板，可用 `\\1`、`\\g<name>` 引用键里的分组。全部键在编译时
合并成一个匹配器，每段只扫描一遍。

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
from checker.rules.book_titles import book_titles
from checker.rules.chinese_text import compile_pattern, compile_patterns, covered, enclosed, inside

TYPE = "substitution"
OPTIONS = {
    "swap": Option(dict, doc="错误写法（正则）→ 正确写法（替换模板）"),
    "exceptions": Option(list, [], "覆盖命中即作废的例外（正则）"),
    "skip_titles": Option(bool, False, "不检查《…》内的文字"),
    "skip_quotes": Option(bool, False, "不检查“…”内的文字"),
}
NEEDS: tuple[str, ...] = ()


def compile(options: dict):
    swap = options["swap"]
    if not swap:
        raise ValueError("swap 不能为空")
    keys = [str(key) for key in swap]
    patterns = [compile_pattern(key, "swap 的键") for key in keys]
    templates = [str(swap[key]) for key in keys]
    # One alternation, each key in its own outer group; on a hit, the group that took part names the key.
    matcher = compile_pattern("|".join(f"(?P<k{i}>{key})" for i, key in enumerate(keys)), "swap")
    key_groups = [f"k{i}" for i in range(len(keys))]
    exceptions = compile_patterns(options["exceptions"], "exceptions 的项")
    skip_titles, skip_quotes = options["skip_titles"], options["skip_quotes"]

    def check(document: Document) -> Iterator[Hit]:
        for paragraph in document.paragraphs:
            text = paragraph.text
            quoted: list[tuple[int, int]] | None = None
            for match in matcher.finditer(text):
                start, end = match.span()
                if start == end or covered(exceptions, text, start, end):
                    continue
                if skip_titles or skip_quotes:
                    if quoted is None:
                        titles = [(t.start, t.end) for t in book_titles(text)[0]] if skip_titles else []
                        quoted = titles + (enclosed(text, "“", "”") if skip_quotes else [])
                    if inside(quoted, start, end):
                        continue
                index = next(i for i, group in enumerate(key_groups) if match.start(group) >= 0)
                own = patterns[index].match(text, start)
                replacement = own.expand(templates[index]) if own else templates[index]
                yield Hit(paragraph, start, end, {"found": match.group(), "replacement": replacement}, replacement)

    return check
