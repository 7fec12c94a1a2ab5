"""存在性检查（existence）：不应出现在报告中的词语或模式。

与 Vale 的 existence 规则相同：`tokens` 是字面词语，`patterns` 是正则表达式（regex 语法），
两者编译成一个匹配器；命中即报告，消息中的 {match} 是命中的文字。

选项：
- tokens / patterns：要查找的词语与正则表达式，至少给一项。
- exceptions：例外（正则表达式，普通词语原样写）。与某个例外重叠的命中不报，
  例如查“法制”时以“法制审核”“法制机构”为例外。
- scope：paragraph（默认，整段查找）或 line（段内按换行拆开逐行查找）。
- whole_line：为 true 时，只有词语或模式占满整行（忽略首尾空白）才报告，命中范围是整行；
  配合修复模板 replacement: "" 即“删除该行内容”（行本身留作空行）。
- titles：any（默认，书名号内外都查）、skip（跳过《》内的文字：书名照原文引用，不能改）、
  only（只查《》内的文字）。

示例（tokens: [打印本页], whole_line: true）：
  FAIL  打印本页
  PASS  请打印本页后填写（不是整行）
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.rules.book_titles import book_titles, inside_any

TYPE = "existence"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "tokens": Option(list, [], "字面词语列表"),
    "patterns": Option(list, [], "正则表达式列表（regex 语法）"),
    "exceptions": Option(list, [], "例外（正则表达式）：与之重叠的命中不报"),
    "scope": Option(str, "paragraph", "paragraph | line"),
    "whole_line": Option(bool, False, "只报占满整行的命中，命中范围为整行"),
    "titles": Option(str, "any", "any | skip | only：书名号内的命中照报、跳过、只报"),
}
_SCOPES = ("paragraph", "line")
_TITLE_MODES = ("any", "skip", "only")


def _alternation(tokens: list[str], patterns: list[str]) -> str:
    parts = [r"\L<tokens>"] if tokens else []
    parts += [f"(?:{pattern})" for pattern in patterns]
    return "|".join(parts)


def compile(options: dict) -> Check:
    tokens = [str(t) for t in options["tokens"] if str(t)]
    patterns = [str(p) for p in options["patterns"]]
    if not tokens and not patterns:
        raise ValueError("tokens 与 patterns 至少给一项")
    if options["scope"] not in _SCOPES or options["titles"] not in _TITLE_MODES:
        raise ValueError(f"scope 应为 {'/'.join(_SCOPES)}，titles 应为 {'/'.join(_TITLE_MODES)}")
    body = _alternation(tokens, patterns)
    if options["whole_line"]:
        body = rf"^[^\S\n]*(?:{body})[^\S\n]*$"
    matcher = regex.compile(body, regex.MULTILINE, **({"tokens": tokens} if tokens else {}))
    exceptions = regex.compile("|".join(f"(?:{e})" for e in options["exceptions"])) if options["exceptions"] else None
    titles_mode = options["titles"]
    by_line = options["scope"] == "line"

    def spans(text: str) -> Iterator[tuple[int, int]]:
        if not by_line:
            yield 0, len(text)
            return
        offset = 0
        for line in text.split("\n"):
            yield offset, offset + len(line)
            offset += len(line) + 1

    def check(document: Document) -> Iterator[Hit]:
        for paragraph in document.paragraphs:
            text = paragraph.text
            if paragraph.is_blank:
                continue
            titles = book_titles(text)[0] if titles_mode != "any" else []
            excluded = [m.span() for m in exceptions.finditer(text, overlapped=True)] if exceptions else []
            for start, end in spans(text):
                for match in matcher.finditer(text, start, end):
                    if match.start() == match.end():
                        continue
                    if any(s < match.end() and match.start() < e for s, e in excluded):
                        continue
                    if titles_mode != "any" and inside_any(titles, *match.span()) != (titles_mode == "only"):
                        continue
                    yield Hit(paragraph, match.start(), match.end(), {"match": match.group().strip()})

    return check
