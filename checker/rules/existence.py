"""存在性检查（existence）：不应出现在报告中的词语或模式。

与 Vale 的 existence 规则相同：`tokens` 是字面词语，`patterns` 是正则表达式（regex 语法），
命中即报告，消息中的 {match} 是命中的文字（去掉首尾空白）。词语表编译成一个 Aho–Corasick
自动机，扫描一遍正文，耗时与词语表大小无关；同一处有几个词语或模式的命中重叠时取最靠前、最长的
一个。整篇文档先扫描一遍，找出含有某个词语或某个正则表达式必含文字（如 `(?:修订|修正)版` 中的
“修订版”“修正版”）的段落，逐段查找只在这些段落上进行。

选项：
- tokens / patterns：要查找的字面词语与正则表达式，至少给一项。正则表达式宜少而精，
  大批词语请放在 tokens。
- exceptions / exception_patterns：例外（字面词语 / 正则表达式）。与某个例外重叠的命中不报，
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

from checker.document.book_titles import OPEN, book_titles, inside_any
from checker.document.characters import BLANKS
from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import Matcher

TYPE = "existence"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "tokens": Option(list, [], "字面词语列表"),
    "patterns": Option(list, [], "正则表达式列表（regex 语法）"),
    "exceptions": Option(list, [], "例外词语：与之重叠的命中不报"),
    "exception_patterns": Option(list, [], "例外（正则表达式）"),
    "scope": Option(str, "paragraph", "paragraph | line"),
    "whole_line": Option(bool, False, "只报占满整行的命中，命中范围为整行"),
    "titles": Option(str, "any", "any | skip | only：书名号内的命中照报、跳过、只报"),
}
_SCOPES = ("paragraph", "line")
_TITLE_MODES = ("any", "skip", "only")


def _lines(text: str, by_line: bool) -> Iterator[tuple[int, int]]:
    if not by_line:
        yield 0, len(text)
        return
    offset = 0
    for line in text.split("\n"):
        yield offset, offset + len(line)
        offset += len(line) + 1


def compile(options: dict) -> Check:
    tokens = [str(t) for t in options["tokens"] if str(t)]
    if not tokens and not options["patterns"]:
        raise ValueError("tokens 与 patterns 至少给一项")
    if options["scope"] not in _SCOPES or options["titles"] not in _TITLE_MODES:
        raise ValueError(f"scope 应为 {'/'.join(_SCOPES)}，titles 应为 {'/'.join(_TITLE_MODES)}")
    whole_line = options["whole_line"]
    matcher = Matcher(tokens, options["patterns"], "patterns 的项")
    exceptions = Matcher(options["exceptions"], options["exception_patterns"], "exception_patterns 的项")
    titles_mode, by_line = options["titles"], options["scope"] == "line"

    def spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
        if whole_line:
            inner = text[start:end].strip(BLANKS)
            return [(start, end)] if inner and matcher.fullmatch(inner) else []
        return [(o.start, o.end) for o in matcher.leftmost_longest(text, start, end)]

    def check(document: Document) -> Iterator[Hit]:
        for paragraph in matcher.paragraphs(document, outside_titles=titles_mode == "skip"):
            text = paragraph.text
            if paragraph.is_blank or (titles_mode == "only" and OPEN not in text):
                continue
            hits = [span for start, end in _lines(text, by_line) for span in spans(text, start, end)]
            if hits and titles_mode != "any":
                titles, unpaired = book_titles(text)
                # a title whose 》 is missing ("《优化营商环境条例要求") is still a title: FZ604 reports the mark
                opened = {offset + 1 for offset in unpaired if text[offset] == OPEN}
                hits = [(s, e) for s, e in hits if (inside_any(titles, s, e) or s in opened) == (titles_mode == "only")]
            if not hits:
                continue
            excluded = exceptions.occurrences(text, overlapped=True) if exceptions else []
            for start, end in hits:
                if not any(o.start < end and start < o.end for o in excluded):
                    yield Hit(paragraph, start, end, {"match": text[start:end].strip(BLANKS)})

    return check
