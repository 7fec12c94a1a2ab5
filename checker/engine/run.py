"""Running rules over one document: hits → findings, context checks, Word-comment suppressions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

import regex

from checker.document.hidden import Unhidden, unhidden
from checker.document.model import LIKELY, UNKNOWN, UNPLACED, Comment, Document
from checker.engine.ruleset import Rule
from checker.engine.ruletype import Hit, HitTuple
from checker.findings import Finding, Fix, FixSafety, Severity

CONTEXT_LABELS = {"year": "报告年度（--year）", "body": "发文机关（--body）", "region": "所在地区（--region）"}
_LIKELY_NOTE = "（{what}是推断的，不确定：{values}；请核对，或用 {options} 指定）"
_OPTION_OF = {"year": "--year", "body": "--body", "region": "--region"}
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
    return findings_of(rule, (hit,))[0]


def findings_of(rule: Rule, hits: Iterable[Hit | HitTuple]) -> list[Finding]:
    """The findings of `rule` for `hits`. A batch makes ~8,000 per MB: the rule's fields are read once,
    the paragraph's when it changes, and a message is formatted once per args dict (hits may share
    theirs: FZ601's hits of one character do)."""
    rule_id, name, category, severity, source = rule.id, rule.name, rule.category, rule.severity, rule.source
    template, fix_template, safety = rule.message, rule.fix_template, rule.fix_safety
    # id(args) -> (args, its message); the args are kept, so that no other dict takes their id meanwhile
    messages: dict[int, tuple[dict, str]] = {}
    args = message = None
    fixes: dict[str, Fix] = {}
    findings: list[Finding] = []
    append = findings.append
    paragraph = None
    for hit in hits:
        if type(hit) is tuple:
            hit_paragraph, start, end, hit_args, replacement = hit
            related = None
        else:
            hit_paragraph, start, end, hit_args = hit.paragraph, hit.start, hit.end, hit.args
            replacement, related = hit.replacement, hit.related
        if hit_args is not args:
            args = hit_args
            known = messages.get(id(args))
            if known is None or known[0] is not args:
                known = messages[id(args)] = (args, format_message(template, args))
            message = known[1]
        if hit_paragraph is not paragraph:
            paragraph = hit_paragraph
            line, text, index, prefix_length = paragraph.line, paragraph.text, paragraph.index, paragraph.prefix_length
        fix = None
        # Word's automatic numbers are not text: a fix may only touch what the drafter typed.
        if safety and start >= prefix_length:
            if replacement is None and fix_template is not None:
                replacement = format_message(fix_template, args)
            if replacement is not None:
                fix = fixes.get(replacement)
                if fix is None:
                    fix = fixes[replacement] = _fix(replacement, safety)
        # positional: keyword arguments cost a third more
        append(Finding(rule_id, name, category, severity, message, line, start + 1, line, end + 1, text, source,
                       fix, index, related))
    return findings


@lru_cache(maxsize=4096)  # bounded: `serve` lints upload after upload
def _fix(replacement: str, safety: FixSafety) -> Fix:
    """Fixes are values: the many identical ones (「,」→「，」) share one object."""
    return Fix(replacement, safety)


def _missing_context(document: Document, rules: Iterable[Rule]) -> dict[str, list[str]]:
    missing: dict[str, list[str]] = {}
    for rule in rules:
        for need in rule.needs:
            if document.context.certainty(need) == UNKNOWN:
                missing.setdefault(need, []).append(rule.id)
    return missing


def _missing_what(document: Document, need: str) -> str:
    """What FZ003 says could not be told: the label, and for a given region the names that are no known place."""
    unplaced = [e.text for e in document.context.evidence.get(need, ()) if e.kind == UNPLACED]
    if not unplaced:
        return CONTEXT_LABELS[need]
    return f"{CONTEXT_LABELS[need]}：给定的「{unplaced[0]}」不是地名表中的地名，请核对名称"


def _on_likely_context(findings: list[Finding], document: Document, needs: tuple[str, ...]) -> list[Finding]:
    """Findings that rest on a context value only inferred as likely: at most warnings, and saying so.
    Errors are for certain context only."""
    likely = [need for need in needs if document.context.certainty(need) == LIKELY]
    if not likely or not findings:
        return findings
    context = document.context
    values = "，".join(f"{CONTEXT_LABELS[n].split('（')[0]}“{' › '.join(v) if isinstance(v := getattr(context, n), list) else v}”"
                      for n in likely)
    note = _LIKELY_NOTE.format(what="、".join(CONTEXT_LABELS[n].split("（")[0] for n in likely), values=values,
                               options="、".join(_OPTION_OF[n] for n in likely))
    severity_cap = Severity.WARNING
    return [replace(f, severity=severity_cap if f.severity.rank > severity_cap.rank else f.severity, message=f.message + note)
            for f in findings]


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


def _unknown_number_formats(document: Document, rules: list[Rule]) -> list[Finding]:
    """FZ005 once per Word number format drawn in digits, on the first paragraph that shows it."""
    rule = next((r for r in rules if r.name == "unknown-number-format"), None)
    if rule is None:
        return []
    found = []
    for number_format, index in document.unknown_number_formats.items():
        paragraph = document.paragraphs[index]
        hit = Hit(paragraph, 0, paragraph.prefix_length, {"format": number_format, "label": paragraph.auto_number or ""})
        found.append(make_finding(rule, hit))
    return found


def _findings_in(rule: Rule, document: Document, reading: Unhidden | None) -> list[Finding]:
    """`rule`'s findings in `document` (the body, or the furniture it reads), as `reading` reads it
    (None: as it is)."""
    if reading is None or rule.reads_hidden:
        return findings_of(rule, rule.check(document))
    return findings_of(rule, reading.hits(rule.check(reading.document)))


def lint(document: Document, rules: list[Rule], context_rule: Rule | None) -> list[Finding]:
    """All findings of `rules` on an analysed document, sorted by position."""
    missing = _missing_context(document, rules)
    findings: list[Finding] = []
    if context_rule and missing and document.paragraphs:
        anchor = document.paragraphs[0]
        for need, rule_ids in missing.items():
            hit = Hit(anchor, 0, len(anchor.text), {"what": _missing_what(document, need), "rules": "、".join(rule_ids)})
            findings.append(make_finding(context_rule, hit))
    if document.unknown_number_formats:
        findings += _unknown_number_formats(document, rules)
    reading = unhidden(document)
    furniture: dict[frozenset, tuple[Document, Unhidden | None] | None] = {}  # parts → their view, read once
    for rule in rules:
        if rule.check is None or missing and any(need in missing for need in rule.needs):
            continue
        found = _findings_in(rule, document, reading)
        if rule.reads_furniture and document.furniture:
            parts = rule.reads_furniture
            if parts not in furniture:
                view = document.furniture_view(parts)
                furniture[parts] = (view, unhidden(view)) if view is not None else None
            if furniture[parts] is not None:
                found += _findings_in(rule, *furniture[parts])
        findings += _on_likely_context(found, document, rule.needs) if rule.needs else found
    suppressions = _suppressions(document.comments)
    if suppressions:
        findings = [f for f in findings if not _is_suppressed(f, suppressions)]
    return _unique_in_order(findings)
