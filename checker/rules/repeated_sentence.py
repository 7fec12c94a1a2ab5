"""同段重复的整句（repeated_sentence）：同一段里，一整句话一字不差地又出现了一次，中间隔着别的话。

句子以 `marks` 中的句末标点（句号、分号、问号、叹号）结束；同一段中后出现的一句与前面某一句完全相同、
且不短于 `min_length` 个字时，报告后一句。紧挨着重复的分句由 repeated_clause 报告，这里只看中间隔着
别的句子的。多半是粘贴时多贴了一次；两段里各有一句相同的话（开头和结尾的呼应）不在此列。

消息占位符：{sentence} 重复的句子。修复（需确认）删去后一句。

通过：
    全年办理复议案件12件。全年办理诉讼案件8件。
不通过：
    推行包容审慎监管，对轻微违法首违不罚。全年开展检查40次。推行包容审慎监管，对轻微违法首违不罚。
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.document.model import Document
from checker.engine.ruletype import Check, Hit, Option

TYPE = "repeated_sentence"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "marks": Option(str, "。！？；!?;", "句末的标点"),
    "min_length": Option(int, 20, "句子的最短长度（字数，连同句末标点）"),
}


def compile(options: dict) -> Check:
    marks = str(options["marks"])
    if not marks:
        raise ValueError("marks 不能为空")
    sentence = re.compile(f"[^{re.escape(marks)}]+[{re.escape(marks)}]")
    min_length = options["min_length"]

    def check(document: Document) -> Iterator[Hit]:
        for paragraph in document.paragraphs:
            text = paragraph.text
            if len(text) < 2 * min_length:
                continue
            sentences = sentence.findall(text)
            if len(set(sentences)) == len(sentences):
                continue  # the common case: no sentence said twice
            seen: dict[str, int] = {}  # a sentence → its position among the sentences
            at = 0
            for position, said in enumerate(sentences):
                start = text.index(said, at)
                at = start + len(said)
                core = said.strip()
                if len(core) >= min_length and seen.get(core, position - 1) < position - 1:
                    yield Hit(paragraph, start, at, {"sentence": core}, "")
                seen.setdefault(core, position)

    return check
