"""标题中的发文机关是否为本类报告的机关。

默认只要求它是一个机关的名称（以“人民政府”“局”“委员会”“办公室”等结尾），而不只是一个
地名（“北京市东城区”）。按报告类别的配置（rules/profiles/government.yaml、department.yaml）
把 pattern 收窄：政府的报告须由“…人民政府”发出；部门的报告须是部门的名称，
以防从政府报告照抄来的标题。选项 kind 是报告消息里对这类机关的称呼。
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern
from checker.rules.title_block import title_body

TYPE = "title_body_kind"
OPTIONS = {
    "pattern": Option(str, doc="发文机关须匹配的正则表达式（在机关名称中查找）"),
    "kind": Option(str, doc="消息中对这类机关的称呼，如“人民政府”"),
}
NEEDS: tuple[str, ...] = ()


def compile(options: dict) -> Check:
    pattern = compile_pattern(options["pattern"], "pattern")

    def check(document: Document) -> Iterator[Hit]:
        if document.title_block is None:
            return
        found = title_body(document.title_block)
        if found is None:
            return
        line, body = found
        if not pattern.search(body):
            start = line.text.find(body)
            yield Hit(line, start, start + len(body), {"body": body, "kind": options["kind"]})

    return check
