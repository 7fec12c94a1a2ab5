"""What the HTML report shows, as plain data for its templates (html_templates/): one file's findings
grouped by rule, and one overview row per file.

A batch of a thousand drafts carries ~260,000 findings, three quarters of them one half-width comma
each: a block per finding (its context, message and fix) made a page of 140 MB that no browser opens
in reasonable time. So a file's findings of one rule (and severity) form one group: the message, the
count, the fix, the first few findings in their context, and every other one as a position that is
still its own anchor (`#<file key>-<number>`)."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from checker.findings import CATEGORY_LABELS, FileResult, Finding, Severity, fix_suggestion

EXAMPLES = 1  # findings of a group shown in their context; the rest as positions
CONTEXT = 8  # characters shown on each side of the flagged text
FLAGGED = 24  # longer flagged text is shortened in its middle
TOP_CATEGORIES = 3
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def file_key(path: str) -> str:
    """The file's anchor: the same for the same path in every report (a link mailed to a colleague
    still points at the file after the batch is checked again)."""
    digest = hashlib.blake2s(path.encode("utf-8", "surrogateescape"), digest_size=5).digest()
    return "f" + base64.b32encode(digest).decode("ascii").lower()


@dataclass(frozen=True)
class Example:
    anchor: str
    line: int
    column: int
    before: str
    flagged: str
    after: str
    message: str  # empty when it is the group's message
    fix: str | None  # this finding's suggested fix


@dataclass
class Group:
    """A file's findings of one rule. Its findings are numbered in document order: the anchor of the
    k-th is `<file key>-<rule>-<k>`; the first EXAMPLES are shown in context, the rest by position."""

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    fixes: set[str]  # the suggested fixes of its findings (one line when they are all the same)
    examples: list[Example] = field(default_factory=list)
    rest: list[tuple[int, int]] = field(default_factory=list)  # (line, column)

    @property
    def count(self) -> int:
        return len(self.examples) + len(self.rest)

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.category, self.category)

    @property
    def fix(self) -> str | None:
        """The one fix all its findings share, if any."""
        return next(iter(self.fixes)) if len(self.fixes) == 1 else None

    @property
    def positions(self) -> str:
        """The rest as "line:column,column line:column": the script makes each a link (and an
        anchor) when its file is opened."""
        lines: dict[int, list[str]] = {}
        for line, column in self.rest:
            lines.setdefault(line, []).append(str(column))
        return " ".join(f"{line}:{','.join(columns)}" for line, columns in lines.items())


@dataclass
class FileView:
    key: str
    unit: str  # 行 or 段
    groups: list[Group]


@dataclass(frozen=True)
class OverviewRow:
    key: str
    path: str
    body: str | None
    year: int | None
    error: str | None
    counts: dict[str, int]  # severity value → findings
    categories: list[tuple[str, int]]  # the largest few: (label, findings)
    likely: tuple[str, ...] = ()  # "body"/"year" when the context holds it as likely, not certain

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _in_context(finding: Finding) -> tuple[str, str, str]:
    line = finding.excerpt
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    left, right = max(0, start - CONTEXT), min(len(line), end + CONTEXT)
    before = ("…" if left else "") + line[left:start]
    after = line[end:right] + ("…" if right < len(line) else "")
    flagged = line[start:end]
    if len(flagged) > FLAGGED:  # a whole heading, say: its two ends
        flagged = flagged[: FLAGGED // 2] + "…" + flagged[-FLAGGED // 2 :]
    return before, flagged, after


def file_view(result: FileResult) -> FileView:
    key = file_key(result.path)
    groups: dict[str, Group] = {}  # a file's findings of one rule share one severity (config is per file)
    for finding in result.findings:
        group = groups.get(finding.rule)
        suggestion = fix_suggestion(finding) if finding.fix else None
        if group is None:
            group = groups[finding.rule] = Group(finding.rule, finding.name, finding.category, finding.severity,
                                                 finding.message, set())
        if suggestion:
            group.fixes.add(suggestion)
        if len(group.examples) < EXAMPLES:
            before, flagged, after = _in_context(finding)
            message = "" if finding.message == group.message else finding.message
            group.examples.append(Example(f"{key}-{finding.rule}-{len(group.examples) + 1}", finding.line, finding.column,
                                          before, flagged, after, message, suggestion))
        else:
            group.rest.append((finding.line, finding.column))
    ordered = sorted(groups.values(), key=lambda g: -g.severity.rank)  # stable: within a severity, document order
    return FileView(key, "段" if result.format == "docx" else "行", ordered)


def overview_row(path: str, context: dict | None, error: str | None, kinds: Counter) -> OverviewRow:
    """`kinds`: kinds_of the file's findings (reporters/summary.py)."""
    severities: Counter = Counter()
    categories: Counter = Counter()
    for (_rule, _name, category, severity, _safety), count in kinds.items():
        severities[severity.value] += count
        categories[category] += count
    context = context or {}
    return OverviewRow(
        file_key(path), path, context.get("body"), context.get("year"), error,
        {s.value: severities[s.value] for s in SEVERITIES},
        [(CATEGORY_LABELS.get(c, c), n) for c, n in categories.most_common(TOP_CATEGORIES)],
        tuple(what for what in ("body", "year") if context.get("confidence", {}).get(what) == "likely"),
    )
