"""Which findings share a Word comment, so a person can work through the reviewed draft.

One comment per finding drowns the real slips: a draft typed with half-width commas gets a
comment per comma. So, unless asked for every finding (`--word-detail all`, or `word: {group:
none}` in the config):
  - findings of one rule that repeat within a paragraph become one comment listing them;
  - with `group: summary` (the default), when a document has more than `summary-after`
    typography findings (punctuation and digits), they all go into one comment at the top, with
    counts per rule and how to fix them all at once;
  - errors, and copy-paste and structure findings, always keep a comment of their own.
Only the Word output is grouped; JSON and the other formats list every finding.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass

from checker.findings import CATEGORY_LABELS, Finding, FixSafety, Severity, fix_suggestion

DEFAULT_GROUP = "summary"
DEFAULT_SUMMARY_AFTER = 10
ALWAYS_OWN = frozenset({"structure", "copy-paste"})
SUMMARISED = frozenset({"typography"})
_LISTED = 4  # distinct messages a grouped comment spells out


def comment_text(finding: Finding) -> str:
    """A Word comment: rule id and message, then the suggested fix on its own line; a cross-document
    finding also names the other document and its line."""
    lines = [f"{finding.rule} {finding.message}"]
    if finding.related is not None:
        related = finding.related
        lines.append(f"对照：{related.label or os.path.basename(related.path)}第{related.line}行")
    suggestion = fix_suggestion(finding)
    if suggestion:
        lines.append(f"建议：{suggestion}")
    return "\n".join(lines)


@dataclass(frozen=True)
class CommentPlan:
    group: str = DEFAULT_GROUP
    summary_after: int = DEFAULT_SUMMARY_AFTER

    @classmethod
    def from_config(cls, word: dict, detail: str | None) -> CommentPlan:
        """The plan from a config's `word:` mapping, `--word-detail all` overriding it."""
        if detail == "all":
            return cls("none")
        return cls(word.get("group", DEFAULT_GROUP), word.get("summary-after", DEFAULT_SUMMARY_AFTER))


DEFAULT_PLAN = CommentPlan()


@dataclass
class Note:
    """One comment: the findings it speaks for, in document order, and its text. `summary` notes
    go on the title (the top of the document), the others on their findings' characters."""

    findings: list[Finding]
    text: str
    summary: bool = False


def _own(finding: Finding) -> bool:
    return finding.severity is Severity.ERROR or finding.category in ALWAYS_OWN


def _fix_advice(findings: list[Finding]) -> str | None:
    fixes = [f.fix for f in findings if f.fix]
    if not fixes:
        return None
    if len(fixes) == len(findings) and all(fix.safety is FixSafety.SAFE for fix in fixes):
        return "建议：可用 fazhi-lint check --fix 一次改正"
    return "建议：逐处确认后修改（fazhi-lint check --fix --unsafe-fixes 可一次应用）"


def _listing(findings: list[Finding]) -> str:
    counts = Counter(f.message for f in findings)
    parts = [message if n == 1 else f"{message}（{n} 处）" for message, n in list(counts.items())[:_LISTED]]
    return "；".join(parts) + ("；等" if len(counts) > _LISTED else "")


def paragraph_text(findings: list[Finding]) -> str:
    lines = [f"{findings[0].rule} 本段 {len(findings)} 处：{_listing(findings)}"]
    advice = _fix_advice(findings)
    return "\n".join([*lines, advice] if advice else lines)


def summary_text(findings: list[Finding]) -> str:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_rule[finding.rule].append(finding)
    categories = "、".join(dict.fromkeys(CATEGORY_LABELS.get(f.category, f.category) for f in findings))
    lines = [f"fazhi-lint 汇总：本文有 {len(findings)} 处{categories}问题，未逐条批注："]
    lines += [f"{rule} {len(group)} 处，如：{group[0].message}" for rule, group in sorted(by_rule.items())]
    safe = sum(1 for f in findings if f.fix and f.fix.safety is FixSafety.SAFE)
    if safe:
        lines.append(f"其中 {safe} 处可用 fazhi-lint check --fix 一次改正（.docx 另存修复副本，修改是可逐处接受或拒绝的修订）；fazhi-lint annotate --fix 把修订直接写进批注版。")
    lines.append("要逐条批注：fazhi-lint annotate --word-detail all。")
    return "\n".join(lines)


def plan_notes(findings: list[Finding], paragraph_of, plan: CommentPlan) -> list[Note]:
    """The comments for a document's findings. `paragraph_of(finding)` is the index of the body
    paragraph the finding is anchored in."""
    if plan.group == "none":
        return [Note([f], comment_text(f)) for f in findings]
    notes: list[Note] = []
    rest = findings
    if plan.group == "summary":
        summarised = [f for f in findings if f.category in SUMMARISED and not _own(f)]
        if len(summarised) > plan.summary_after:
            notes.append(Note(summarised, summary_text(summarised), summary=True))
            chosen = set(map(id, summarised))
            rest = [f for f in findings if id(f) not in chosen]
    repeats: dict[tuple[int, str], list[Finding]] = defaultdict(list)
    for finding in rest:
        if not _own(finding):
            repeats[(paragraph_of(finding), finding.rule)].append(finding)
    done: set[int] = set()
    for finding in rest:
        if id(finding) in done:
            continue
        group = repeats.get((paragraph_of(finding), finding.rule), []) if not _own(finding) else []
        if len(group) > 1:
            notes.append(Note(group, paragraph_text(group)))
            done.update(map(id, group))
        else:
            notes.append(Note([finding], comment_text(finding)))
    return notes
