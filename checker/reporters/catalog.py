"""The rules a report describes: those that fired, as the run's rule set describes them
(`ReportSettings.rules`, user packs and configured severities included); a rule the reporter was not
given is described from its findings (name, category, severity, source)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from checker.findings import Finding, RuleInfo, Severity


def rule_info(known: Mapping[str, RuleInfo], rule: str, name: str, category: str, severity: Severity,
              source: str = "") -> RuleInfo:
    """The run's description of `rule`, else one made of what its findings say."""
    return known.get(rule) or RuleInfo(rule, name, category, severity, name, name, "", source)


def rules_of(findings: Iterable[Finding], known: Mapping[str, RuleInfo]) -> list[RuleInfo]:
    """The rules that fired, in id order."""
    infos: dict[str, RuleInfo] = {}
    for f in findings:
        if f.rule not in infos:
            infos[f.rule] = rule_info(known, f.rule, f.name, f.category, f.severity, f.source)
    return [infos[key] for key in sorted(infos)]
