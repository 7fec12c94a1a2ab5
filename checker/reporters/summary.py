"""Counts shared by the reporters: per severity, per category, per rule, fixable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.findings import FileResult, Finding, FixSafety, Severity

if TYPE_CHECKING:
    from checker.reporters.parts import FilePart


@dataclass(frozen=True)
class Summary:
    files: int
    findings: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    by_rule: Counter
    safe_fixes: int
    unsafe_fixes: int
    fixable_rules: frozenset  # (rule, name, category) of the rules with a fix in at least one finding


def kinds_of(findings: Iterable[Finding]) -> Counter:
    """(rule, name, category, severity, fix safety or None) → findings: all a summary counts."""
    return Counter((f.rule, f.name, f.category, f.severity, f.fix and f.fix.safety) for f in findings)


class Tally:
    """The summary's counts, gathered one file at a time: a batch's results can be reported as
    they arrive and dropped, not held until the end."""

    def __init__(self) -> None:
        self.files = 0
        self.kinds: Counter = Counter()  # kinds_of every file's findings

    def add(self, kinds: Counter) -> None:
        self.files += 1
        self.kinds.update(kinds)

    def passing(self, parts: Iterable[FilePart]) -> Iterator[FilePart]:
        """`parts`, counted on the way through."""
        for part in parts:
            self.add(part.kinds)
            yield part

    def summary(self) -> Summary:
        severities: Counter = Counter()
        categories: Counter = Counter()
        rules: Counter = Counter()
        safeties: Counter = Counter()
        for (rule, name, category, severity, safety), count in self.kinds.items():
            severities[severity.value] += count
            categories[category] += count
            rules[(rule, name, category)] += count
            safeties[safety] += count
        return Summary(
            files=self.files,
            findings=sum(self.kinds.values()),
            by_severity={s.value: severities.get(s.value, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)},
            by_category=dict(sorted(categories.items())),
            by_rule=rules,
            safe_fixes=safeties[FixSafety.SAFE],
            unsafe_fixes=safeties[FixSafety.UNSAFE],
            fixable_rules=frozenset(key[:3] for key in self.kinds if key[4] is not None),
        )


def summarise(results: Iterable[FileResult]) -> Summary:
    tally = Tally()
    for result in results:
        tally.add(kinds_of(result.findings))
    return tally.summary()


def summary_line(summary: Summary) -> str:
    """"3 个文件，12 处问题（错误 4，警告 8），其中 5 处可用 --fix 自动修复"."""
    if not summary.findings:
        return f"{summary.files} 个文件，未发现问题"
    labels = {"error": "错误", "warning": "警告", "info": "提示"}
    counts = "，".join(f"{labels[s]} {n}" for s, n in summary.by_severity.items() if n)
    line = f"{summary.files} 个文件，{summary.findings} 处问题（{counts}）"
    if summary.safe_fixes:
        line += f"，其中 {summary.safe_fixes} 处可用 --fix 自动修复"
    if summary.unsafe_fixes:
        line += f"，另有 {summary.unsafe_fixes} 处修复需 --unsafe-fixes"
    return line
