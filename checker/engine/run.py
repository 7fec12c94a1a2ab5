"""Running rules over one document: hits → findings, context checks, Word-comment suppressions."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from checker.document.model import Comment, Document
from checker.engine.ruleset import Rule
from checker.engine.ruletype import Hit
from checker.findings import Finding, Fix, FixSafety

CONTEXT_LABELS = {"year": "报告年度（--year）", "body": "发文机关（--body）", "region": "所在地区（--region）"}
_SORT_KEY = Finding.sort_key.fget  # the attrgetter itself: no property call per finding
_SUPPRESS = regex.compile(r"^\s*fazhi-lint\s*[:：]\s*ignore\b(?P<ids>.*)$", regex.IGNORECASE | regex.DOTALL)


class _Placeholders(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, args: dict) -> str:
    try:  # the common case, without copying args into a _Placeholders
        return template.format_map(args)
    except KeyError:
        return template.format_map(_Placeholders(args))


def make_finding(rule: Rule, hit: Hit) -> Finding:
    paragraph, args = hit.paragraph, hit.args
    fix = None
    # Word's automatic numbers are not text: a fix may only touch what the drafter typed.
    if rule.fix_safety and hit.start >= paragraph.prefix_length:
        replacement = hit.replacement
        if replacement is None and rule.fix_template is not None:
            replacement = format_message(rule.fix_template, args)
        if replacement is not None:
            fix = _fix(replacement, rule.fix_safety)
    line = paragraph.line
    # positional: a batch makes ~7,000 findings per MB, keyword arguments cost a third more
    return Finding(rule.id, rule.name, rule.category, rule.severity, format_message(rule.message, args), line,
                   hit.start + 1, line, hit.end + 1, paragraph.text, rule.source, fix, paragraph.index)


@lru_cache(maxsize=4096)  # bounded: `serve` lints upload after upload
def _fix(replacement: str, safety: FixSafety) -> Fix:
    """Fixes are values: the many identical ones (「,」→「，」) share one object."""
    return Fix(replacement, safety)


def _missing_context(document: Document, rules: Iterable[Rule]) -> dict[str, list[str]]:
    context = document.context.to_dict()
    missing: dict[str, list[str]] = {}
    for rule in rules:
        for need in rule.needs:
            if not context.get(need):
                missing.setdefault(need, []).append(rule.id)
    return missing


def _suppressions(comments: list[Comment]) -> list[tuple[Comment, set[str]]]:
    found = []
    for comment in comments:
        match = _SUPPRESS.match(comment.text)
        if match:
            found.append((comment, set(regex.findall(r"[A-Za-z]{2,5}\d{3}|[a-z0-9]+(?:-[a-z0-9]+)+", match.group("ids")))))
    return found


def _is_suppressed(finding: Finding, suppressions: list[tuple[Comment, set[str]]]) -> bool:
    for comment, ids in suppressions:
        if ids and finding.rule not in ids and finding.name not in ids:
            continue
        starts_before_end = (finding.line, finding.column) <= (comment.end_line, comment.end_column)
        ends_after_start = (finding.end_line, finding.end_column) >= (comment.start_line, comment.start_column)
        if starts_before_end and ends_after_start:
            return True
    return False


def _unique_in_order(findings: list[Finding]) -> list[Finding]:
    """Sorted by position, exact duplicates dropped (two hits of one rule on one span)."""
    findings.sort(key=_SORT_KEY)
    unique: list[Finding] = []
    last = None
    for finding in findings:
        if last is None or finding.column != last.column or finding != last:
            unique.append(finding)
            last = finding
    return unique


def lint(document: Document, rules: list[Rule], context_rule: Rule | None) -> list[Finding]:
    """All findings of `rules` on an analysed document, sorted by position."""
    missing = _missing_context(document, rules)
    findings: list[Finding] = []
    if context_rule and missing and document.paragraphs:
        anchor = document.paragraphs[0]
        for need, rule_ids in missing.items():
            hit = Hit(anchor, 0, len(anchor.text), {"what": CONTEXT_LABELS[need], "rules": "、".join(rule_ids)})
            findings.append(make_finding(context_rule, hit))
    for rule in rules:
        if any(need in missing for need in rule.needs) or rule.check is None:
            continue
        findings.extend(make_finding(rule, hit) for hit in rule.check(document))
    suppressions = _suppressions(document.comments)
    if suppressions:
        findings = [f for f in findings if not _is_suppressed(f, suppressions)]
    return _unique_in_order(findings)
