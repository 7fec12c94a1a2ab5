"""相互雷同（shared_paragraph）：同一批草稿中，不同发文机关的两份草稿有一段基本相同。

在检查一个文件夹（或审核台一次上传的一批）时查。两段去掉空白和套话（rules/data/boilerplate.yaml
及选项 `boilerplate`）之后，字符 4-gram 集合的 Jaccard 系数达到 `threshold` 即报告，两份草稿各报一次，
各指向对方。批中超过 `share`（且至少三份）草稿都有的文字算通用表述，不报。同一发文机关的草稿之间
（例如今年与去年的报告）不比较。一段与多份草稿雷同时，报告最相似的 `partners` 份。

示例：
  FAIL  A 局和 B 局的草稿都写着同一段“我局创新推出……”的具体做法
  PASS  五份草稿都以“根据《法治政府建设与责任落实督察工作规定》……报告如下”开头
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from checker.crossdoc.text import rounded
from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option
from checker.findings import Related

TYPE = "shared_paragraph"
CROSS = "batch"
OPTIONS = {
    "threshold": Option(float, 0.7, "相似度达到此值即报告（0–1）"),
    "share": Option(float, 0.1, "批中超过这一比例（且至少三份）的草稿都有的文字算通用表述（0–1）"),
    "boilerplate": Option(list, [], "另外算作套话的文字（正则表达式），比较前去掉"),
    "partners": Option(int, 5, "一段最多报告几份与之雷同的草稿（最相似的几份）"),
}


def compile(options: dict) -> Check:
    def check(document: Document) -> Iterator[Hit]:
        if document.cross is None:
            return
        for shared in document.cross.shared:
            paragraph = document.line(shared.line)
            name = os.path.basename(shared.partner)
            args = {"partner": name, "partner_line": shared.partner_line, "similarity": rounded(shared.similarity),
                    "partner_body": shared.partner_body or "另一机关"}
            yield Hit(paragraph, paragraph.prefix_length, len(paragraph.text), args,
                      related=Related(shared.partner, shared.partner_line, f"《{name}》"))

    return check
