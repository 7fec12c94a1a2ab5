"""Findings: what a rule reports, in the coordinates of the document's text view, and how its fix
reads to people; a file's result (its findings, or why it could not be checked); a rule as reports
describe it. What reporters and word/ read."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.document.model import Document


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @property
    def label(self) -> str:
        return _SEVERITY_LABEL[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_SEVERITY_LABEL = {Severity.INFO: "提示", Severity.WARNING: "警告", Severity.ERROR: "错误"}

CATEGORIES = (
    "structure",
    "numbering",
    "copy-paste",
    "terminology",
    "citation",
    "typography",
    "residue",
    "load",
)

CATEGORY_LABELS = {
    "structure": "报告结构",
    "numbering": "标题序号",
    "copy-paste": "照抄残留",
    "terminology": "用词",
    "citation": "引用",
    "typography": "标点数字",
    "residue": "网页残留",
    "load": "读取",
}


class FixSafety(str, Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the finding's span [column, end_column) of its line with `replacement`."""

    replacement: str
    safety: FixSafety

    def to_dict(self) -> dict:
        return {"replacement": self.replacement, "safety": self.safety.value}


EXCERPT_CONTEXT = 40  # characters of the line kept on each side of the flagged span in outputs
EXCERPT_FLAGGED = 200  # characters of a longer flagged span kept in outputs (its start)


@dataclass(frozen=True, slots=True)
class Related:
    """Where in another file a finding points to: the paragraph a copied one came from or also
    stands in (cross-document checks); `label` names that file for people (its name and body)."""

    path: str
    line: int
    label: str = ""

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "label": self.label}


# Immutable by convention, not frozen=True: a frozen dataclass sets each field through
# object.__setattr__, several times slower, and a batch makes thousands of findings per MB of text.
@dataclass(slots=True, unsafe_hash=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    source: str
    fix: Fix | None = None
    # Offsets into the paragraph (0-based, end exclusive); reporters that anchor inside
    # a .docx need the paragraph, not just the view line.
    paragraph: int | None = field(default=None, compare=False)
    related: Related | None = None  # cross-document findings only

    # (line, column, rule, end_line, end_column, message): the order findings are reported in
    sort_key = property(attrgetter("line", "column", "rule", "end_line", "end_column", "message"))

    def __reduce__(self) -> tuple:
        # Pickled flat, as constructor arguments: batch workers send the parent hundreds of thousands of
        # findings, and the dataclass's own pickling (a state dict per object) is slower each way. Severities and
        # the Fix objects findings share (see engine.run) go once per message, then as memo references.
        return Finding, (
            self.rule, self.name, self.category, self.severity, self.message, self.line, self.column,
            self.end_line, self.end_column, self.excerpt, self.source, self.fix, self.paragraph, self.related,
        )

    def to_dict(self) -> dict:
        excerpt_column, excerpt = self.excerpt_window()
        found = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": excerpt,
            "excerpt_column": excerpt_column,
            "fix": self.fix.to_dict() if self.fix else None,
            "source": self.source,
        }
        if self.related is not None:  # only findings that point to another file have it (docs/json-format.md)
            found["related"] = [self.related.to_dict()]
        return found

    def excerpt_window(self) -> tuple[int, str]:
        """The flagged span (at most EXCERPT_FLAGGED characters of it) with at most EXCERPT_CONTEXT
        characters on each side: (the column it starts at, the text). Outputs carry this instead of
        the whole line, so their size grows with the number of findings, not with that number
        times the length of their paragraphs."""
        line = self.excerpt
        start = self.column - 1
        end = self.end_column - 1 if self.end_line == self.line else len(line)
        end = min(end, start + EXCERPT_FLAGGED)
        left = max(0, start - EXCERPT_CONTEXT)
        return left + 1, line[left : min(len(line), end + EXCERPT_CONTEXT)]


@dataclass(frozen=True)
class RuleInfo:
    """A rule as reports describe it (SARIF's rule list, the HTML report's rule table, `rules`). Made
    from the run's rule set (engine Rule.described), so a user pack's rules are described and a
    configured severity shows."""

    id: str
    name: str
    category: str
    severity: Severity
    summary: str  # one line: what the rule catches
    description: str
    rationale: str
    source: str

    @property
    def first_sentence(self) -> str:
        """The description's first sentence (through its 。), on one line."""
        text = " ".join(self.description.split())
        return text.split("。")[0] + ("。" if "。" in text else "")


def flagged_text(finding: Finding) -> str:
    """The characters the finding concerns (empty for a point or a whole-document finding)."""
    if finding.end_line != finding.line:
        return finding.excerpt[finding.column - 1 :]
    return finding.excerpt[finding.column - 1 : finding.end_column - 1]


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fix_suggestion(finding: Finding) -> str | None:
    """"将「X」改为「Y」", "删除「X」", "插入「Y」", "在「X」前加「Y」", with the fix's safety; None
    without a fix."""
    if not finding.fix:
        return None
    flagged, replacement = flagged_text(finding), finding.fix.replacement
    if not replacement:
        action = f"删除「{flagged}」"
    elif not flagged:
        action = f"插入「{replacement}」"
    elif replacement.endswith(flagged):
        action = f"在「{_short(flagged)}」前加「{replacement[: -len(flagged)]}」"
    elif replacement.startswith(flagged):
        action = f"在「{_short(flagged)}」后加「{replacement[len(flagged) :]}」"
    else:
        action = f"将「{flagged}」改为「{replacement}」"
    return action + ("" if finding.fix.safety is FixSafety.SAFE else "（请确认后修改）")


@dataclass
class FileResult:
    """One checked file: its findings, or the `error` that kept it from being checked."""

    path: str
    format: str
    context: dict = field(default_factory=lambda: {"body": None, "region": [], "year": None})
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    document: Document | None = field(default=None, repr=False, compare=False)
    fails: bool = False  # a finding reaches the fail level: the run's exit code is 1
    word: dict = field(default_factory=dict, repr=False, compare=False)  # the config's `word:` (with the document)
