"""A rule's `examples:` are its tests, as textlint-prh's specs are: each bad example must be flagged by
that rule, each good one must not, and a bad one's `fixed:` must be the text its fixes make. The
built-in packs' tests and `fazhi-lint test-rules PACK` (a bureau's own pack) run them through here.

An example is a string, or a mapping with `text` and optional context (`year`, `body`, `region`),
`fixed`, for the cross-document rules `previous` (last year's report) and `others` (the other
drafts of the batch), as texts, and for rules that read a Word file's furniture `header`, `footer`,
`footnote` (its lines, as one text)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.document.model import FURNITURE_LABELS, Document, Paragraph
from checker.engine.registry import cross_needs
from checker.engine.ruleset import Rule
from checker.engine.run import lint
from checker.findings import Finding
from checker.fixes import apply_fixes
from checker.loaders import document_from_text
from checker.yamlfiles.reader import LineList

KINDS = ("bad", "good")
_UNFILLED = re.compile(r"\{[A-Za-z_]\w*\}")


def example_findings(rule: Rule, example: str | dict) -> list[Finding]:
    """What `rule` alone finds in the example's text, with the example's context."""
    example = {"text": example} if isinstance(example, str) else example
    document = document_from_text(example["text"], "<example>", body=example.get("body"), region=example.get("region"),
                                  year=example.get("year"))
    _add_furniture(document, example)
    if example.get("previous") is not None or example.get("others"):
        from checker.crossdoc.prepare import in_memory_facts

        previous = document_from_text(example["previous"], "<去年的报告>") if example.get("previous") is not None else None
        others = [document_from_text(text, f"<草稿{number}>") for number, text in enumerate(example.get("others") or (), 1)]
        document.cross = in_memory_facts(document, previous, others, cross_needs([rule]))
    return [f for f in lint(document, [rule], None) if f.rule == rule.id]


def _add_furniture(document: Document, example: dict) -> None:
    """The example's header, footer and footnote lines, numbered on after the body as a .docx's are."""
    lines = [(part, text) for part in FURNITURE_LABELS for text in (example.get(part.value) or "").split("\n") if text]
    first = len(document.paragraphs) + 1
    document.furniture = [Paragraph(n, text, first + n, part) for n, (part, text) in enumerate(lines)]


def example_problem(rule: Rule, kind: str, example: str | dict) -> str | None:
    """Why the example fails its rule (中文, one line), or None when it passes."""
    findings = example_findings(rule, example)
    if kind == "good":
        return f"正确写法被报告：{findings[0].message}" if findings else None
    if not findings:
        return "有问题的示例没有被报告"
    if unfilled := _UNFILLED.search(findings[0].message):  # a template naming what its rule type does not give
        return f"消息中的占位符{unfilled.group()}没有值：{findings[0].message}"
    fixed = example.get("fixed") if isinstance(example, dict) else None
    if fixed is not None and (after := apply_fixes(example["text"], findings, unsafe=True)) != fixed:
        return f"修复后为「{after}」，应为「{fixed}」"
    return None


@dataclass(frozen=True)
class Outcome:
    """One example run: where it is written, and its problem (None: it passed)."""

    rule: Rule
    kind: str
    number: int
    line: int
    text: str
    problem: str | None


def _line(examples: object, number: int, rule: Rule) -> int:
    return examples.line_of_item(number, rule.line) if isinstance(examples, LineList) else rule.line


def run_examples(rules: Iterable[Rule]) -> Iterator[Outcome]:
    for rule in rules:
        for kind in KINDS:
            examples = rule.examples.get(kind) or []
            for number, example in enumerate(examples):
                text = example if isinstance(example, str) else example.get("text", "")
                yield Outcome(rule, kind, number, _line(examples, number, rule), text,
                              example_problem(rule, kind, example))
