"""Counts shared by the reporters: per severity, per category, per rule, fixable."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checker.engine.batch import FileResult
from checker.findings import FixSafety, Severity


@dataclass(frozen=True)
class Summary:
    files: int
    findings: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    by_rule: Counter
    safe_fixes: int
    unsafe_fixes: int


def summarise(results: list[FileResult]) -> Summary:
    findings = [f for r in results for f in r.findings]
    severities = Counter(f.severity.value for f in findings)
    return Summary(
        files=len(results),
        findings=len(findings),
        by_severity={s.value: severities.get(s.value, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)},
        by_category=dict(sorted(Counter(f.category for f in findings).items())),
        by_rule=Counter((f.rule, f.name, f.category) for f in findings),
        safe_fixes=sum(1 for f in findings if f.fix and f.fix.safety is FixSafety.SAFE),
        unsafe_fixes=sum(1 for f in findings if f.fix and f.fix.safety is FixSafety.UNSAFE),
    )


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
