"""Views that are not findings: the document as the tool sees it, the rule list, a rule's doc."""

from __future__ import annotations

import unicodedata

from checker.document.model import FURNITURE_LABELS, TEXT_BOX_LABEL, Document, Part, ReportContext
from checker.engine.registry import rule_types
from checker.engine.ruleset import Rule
from checker.findings import CATEGORY_LABELS


def _tag(document: Document) -> dict[int, str]:
    tags = {}
    if document.title_block:
        for paragraph in document.title_block.lines:
            tags[paragraph.line] = "T"
    for heading in document.outline:
        tags[heading.line] = f"H{heading.level}" + ("?" if heading.marker is None else "")
    return tags


def text_view(document: Document) -> str:
    """One paragraph per line, numbered; T marks the title, Hn a heading of level n (H1? unnumbered),
    文本框 a .docx's text box line; a .docx's headers, footers and notes follow the body, marked 页眉,
    页脚, 注释."""
    tags = _tag(document)
    for paragraph in document.paragraphs:
        if paragraph.part is Part.TEXT_BOX:
            tags.setdefault(paragraph.line, TEXT_BOX_LABEL)  # a box's title or heading keeps its own mark
    tags.update((p.line, FURNITURE_LABELS[p.part]) for p in document.furniture)
    lines = [*document.paragraphs, *document.furniture]
    width = len(str(lines[-1].line)) if lines else 1
    return "\n".join(f"{p.line:>{width}} {tags.get(p.line, ''):<3}| {p.text}" for p in lines)


_CONFIDENCE = {"certain": "确定", "likely": "可能", "unknown": "未知"}
_WHAT = (("body", "发文机关"), ("region", "所在地区"), ("year", "报告年度"))


def context_lines(context: ReportContext) -> list[str]:
    """Each context value with its confidence, then its evidence: line (0: not from one line), kind, words."""
    lines = []
    for what, label in _WHAT:
        value = getattr(context, what)
        shown = " › ".join(value) if isinstance(value, list) else value
        certainty = context.certainty(what)
        lines.append(f"{label}：{shown or '（未能推断）'}  [{_CONFIDENCE[certainty]} {certainty}]")
        for item in context.evidence.get(what, []):
            where = f"第{item.line}行" if item.line else "全文" if item.kind in ("subject", "body-years", "parent-mention") else "外部给定"
            lines.append(f"    依据：{where} {item.kind}：{item.text}")
    return lines


def outline_view(document: Document) -> str:
    lines = ["", "—— 上下文 ——", *context_lines(document.context), "—— 标题块 ——"]
    title = document.title_block
    lines.append(f"标题：{title.title.text.strip()}（机关：{title.body or '无'}，年度：{title.year or '无'}，名称：{title.name}）"
                 if title else "（无标题）")
    lines.append("—— 标题层级 ——")
    for heading in document.outline:
        marker = heading.marker.text if heading.marker else "（无序号）"
        origin = "［Word 自动编号］" if heading.marker and heading.marker.from_word_numbering else ""
        section = f"  ⟨{heading.section}⟩" if heading.section else ""
        run_in = "  [段中标题]" if heading.run_in else ""
        lines.append(f"{'  ' * (heading.level - 1)}L{heading.level} 第{heading.line}行 {marker}{origin} {heading.title}{section}{run_in}")
    return "\n".join(lines)


_SUMMARY_LENGTH = 40  # characters: the listing's last column stays on one line of a wide terminal


def summary_of(rule: Rule) -> str:
    """One line saying what the rule catches: its description's first sentence, else its message."""
    first = rule.described().first_sentence
    return first if len(first) <= _SUMMARY_LENGTH else first[: _SUMMARY_LENGTH - 1] + "…"


def rules_table(rules: list[Rule]) -> list[dict]:
    """The rules sorted by id. Keys are a public contract (`rules --format json`): add, never remove."""
    return [
        {
            "id": r.id, "name": r.name, "type": r.type, "category": r.category, "severity": r.severity.value,
            "fix": r.fix_safety.value if r.fix_safety else None, "source": r.source, "message": r.message,
            "summary": summary_of(r),
        }
        for r in sorted(rules, key=lambda rule: rule.id)
    ]


_FIX_LABELS = {"safe": "安全", "unsafe": "需确认", None: "-"}


def rules_listing(rules: list[Rule]) -> list[str]:
    """`fazhi-lint rules`: a header, one line a rule, the count at the end (columns padded to terminal width)."""
    rows = [("编号", "名称", "类别", "级别", "修复", "说明")]
    rows += [(row["id"], row["name"], row["category"], row["severity"], _FIX_LABELS[row["fix"]], row["summary"])
             for row in rules_table(rules)]
    widths = [max(_columns(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell + " " * (width - _columns(cell)) for cell, width in zip(row, widths)) + "  " + row[5]
             for row in rows]
    fixable = sum(1 for rule in rules if rule.fix_safety)
    return [*lines, f"{len(rules)} 条规则，其中 {fixable} 条带自动修复"]


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _example_text(item: str | dict) -> str:
    """An example as shown: its text, then its header, footer and footnote lines, each marked."""
    if isinstance(item, str):
        return item.strip("\n")
    furniture = [f"［{label}］{line}" for part, label in FURNITURE_LABELS.items() for line in (item.get(part.value) or "").split("\n") if line]
    return "\n".join([item.get("text", "").strip("\n"), *furniture]).strip("\n")


def _examples(items: list) -> list[str]:
    """Each example indented line by line; when any spans lines, examples are set apart by blank lines."""
    texts = [_example_text(item) for item in items]
    separate = any("\n" in text for text in texts)
    lines: list[str] = []
    for text in texts:
        if separate and lines:
            lines.append("")
        lines += [f"    {line}".rstrip() for line in text.split("\n")]
    return lines


def explain_rule(rule: Rule) -> str:
    """The rule's documentation in Ruff's sections, rendered from its YAML."""
    fix = {"safe": "安全：--fix 会自动应用。", "unsafe": "需确认：仅在 --unsafe-fixes 时应用。"}
    doc = (rule_types()[rule.type].__doc__ or "").strip()
    parts = [
        f"{rule.id} {rule.name}（{CATEGORY_LABELS[rule.category]}，{rule.severity.label}）",
        "", "## 作用", rule.description or rule.message,
    ]
    if rule.rationale:
        parts += ["", "## 原因", rule.rationale]
    if rule.examples.get("bad"):
        parts += ["", "## 示例（有问题）", *_examples(rule.examples["bad"])]
    if rule.examples.get("good"):
        parts += ["", "## 改为 / 不报告的写法", *_examples(rule.examples["good"])]
    parts += ["", "## 修复安全性", fix[rule.fix_safety.value] if rule.fix_safety else "无自动修复。"]
    if rule.options:
        parts += ["", f"## 选项（规则类型 {rule.type}）"]
        parts += [f"    {key}: {value!r}"[:200] for key, value in rule.options.items()]
    if doc:
        parts += ["", "## 规则类型说明", doc]
    parts += ["", "## 依据", rule.source]
    return "\n".join(parts)
