"""What CI formats say about a rule beyond its findings: name, description, rationale, source.

Built-in rules are described from their YAML; a rule from a user's pack that the built-in packs do
not know is described from its findings (name, category, source).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from checker.engine.ruleset import load_rules
from checker.findings import Finding
from checker.yamlfiles.reader import YamlError


@dataclass(frozen=True)
class RuleInfo:
    id: str
    name: str
    category: str
    severity: str
    summary: str  # one line: what the rule catches
    description: str
    rationale: str
    source: str


@cache
def _builtin() -> dict[str, RuleInfo]:
    try:
        rules = load_rules()
    except YamlError:
        return {}
    return {
        r.id: RuleInfo(r.id, r.name, r.category, r.severity.value, r.description.split("\n")[0] or r.message,
                       r.description or r.message, r.rationale, r.source)
        for r in rules
    }


def rules_of(findings: list[Finding]) -> list[RuleInfo]:
    """The rules that fired, in id order."""
    known = _builtin()
    infos: dict[str, RuleInfo] = {}
    for f in findings:
        if f.rule not in infos:
            infos[f.rule] = known.get(f.rule) or RuleInfo(
                f.rule, f.name, f.category, f.severity.value, f.name, f.name, "", f.source)
    return [infos[key] for key in sorted(infos)]
