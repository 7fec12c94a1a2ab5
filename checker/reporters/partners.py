"""The "相互雷同" panel's data: for one file, the other files its findings point to (cross-document
findings carry a `related` place), each with the pairs of lines, for the HTML report and the desk
(html_templates/file.html.j2)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from checker.findings import Finding

PANEL_TITLE = "相互雷同"


@dataclass
class Partner:
    path: str
    label: str
    lines: list[tuple[int, int]] = field(default_factory=list)  # (line here, line there)
    rules: set[str] = field(default_factory=set)


def partners_of(findings: Iterable[Finding]) -> list[Partner]:
    """The files `findings` point to, in the order first pointed to, each once."""
    found: dict[str, Partner] = {}
    for finding in findings:
        related = finding.related
        if related is None:
            continue
        partner = found.setdefault(related.path, Partner(related.path, related.label))
        if (finding.line, related.line) not in partner.lines:
            partner.lines.append((finding.line, related.line))
        partner.rules.add(finding.rule)
    return list(found.values())


def partner_lines(partner: Partner) -> str:
    """「本文第7行 ↔ 第12行；…」 as the panel shows a partner's pairs."""
    return "；".join(f"本文第{here}行 ↔ 第{there}行" for here, there in partner.lines)

