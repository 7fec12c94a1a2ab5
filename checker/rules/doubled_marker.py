"""标题序号写了两遍（doubled_marker）：序号后面紧跟着同一级的又一个序号，显示为“（三）（三）…”。

最常见的来历：段落已是 Word 自动编号（编号不在文字里，显示为“（三）”），作者又手打了一个
“（三）”；或者从 Word 复制成 .txt 时自动编号变成了文字，再与手打的序号连在一起。标题序号之后
紧接着同一种写法的序号时报告后一个（手打的那个）；两个都是手打的，还须是同一个数（“（三）（三）”），
“一、（一）”这类不同层级的写法不算。修复删去后一个序号（安全修复）：Word 的自动编号保持不动。

消息占位符：{first} 前一个序号，{second} 后一个序号。

通过：
    （三）依法化解社会矛盾纠纷
不通过：
    （三）（三）依法化解社会矛盾纠纷 → （三）依法化解社会矛盾纠纷
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.markers import parse_marker
from checker.document.model import Document
from checker.engine.ruletype import Check, Hit

TYPE = "doubled_marker"
NEEDS: tuple[str, ...] = ()
OPTIONS: dict = {}


def compile(options: dict) -> Check:
    def check(document: Document) -> Iterator[Hit]:
        for heading in document.outline:
            first = heading.marker
            if first is None:
                continue
            text = heading.paragraph.text
            after = parse_marker(text[heading.title_start:])
            if after is None or after.marker.style is not first.style:
                continue
            if not first.from_word_numbering and after.marker.number != first.number:
                continue
            start, end = heading.title_start + after.start, heading.title_start + after.title_start
            yield Hit(heading.paragraph, start, end, {"first": first.text.strip(), "second": after.marker.text.strip()}, "")

    return check
