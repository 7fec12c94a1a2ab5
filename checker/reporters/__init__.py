"""Reporters: one module per output format, each declaring FORMAT and a `write` function.

`write(results, stream, settings)` writes to a text stream; formats that produce files of their own
(a reviewed .docx, say) write those and print where they went. Reporters read findings (and the
Document a result keeps) and the run's rules as `settings.rules`; they never read the input or
the rule packs again, and never import the engine.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.findings import RuleInfo

# format → module: a run imports only the reporters it writes with (importing them all would cost a
# one-file check html, xml, hashlib…). A test checks this table against every module's FORMAT.
MODULES = {
    "checklist": "checklist",
    "checklist-docx": "checklist_docx",
    "concise": "concise",
    "docx": "docx",
    "github": "github",
    "gitlab": "gitlab",
    "html": "html",
    "json": "json",
    "json-lines": "json_lines",
    "junit": "junit",
    "sarif": "sarif",
    "text": "text",
}


@dataclass(frozen=True)
class ReportSettings:
    """How reporters write: colour, summary lines, where the files of their own go."""

    color: bool = False
    quiet: bool = False
    statistics: bool = False
    output_dir: str | None = None
    force: bool = False
    word_detail: str | None = None  # "all": one Word comment per finding (else as the config groups them)
    review_fixes: str | None = None  # annotate --fix: "safe"/"unsafe" fixes as tracked changes in the reviewed copy
    # The run's rules by id (engine/batch.py rules_described): what SARIF and the HTML report say about a
    # rule. Empty: each rule is described from its findings.
    rules: Mapping[str, RuleInfo] = field(default_factory=dict, compare=False)


class _Reporters(Mapping[str, ModuleType]):
    """The reporter modules by format, each imported on first use."""

    def __getitem__(self, name: str) -> ModuleType:
        return importlib.import_module(f"{__name__}.{MODULES[name]}")

    def __iter__(self) -> Iterator[str]:
        return iter(MODULES)

    def __len__(self) -> int:
        return len(MODULES)


_REPORTERS = _Reporters()


def reporters() -> Mapping[str, ModuleType]:
    return _REPORTERS


def needs_document(names: list[str]) -> bool:
    """Whether any of these formats reads the checked Document (outline, runs), not just findings."""
    return any(getattr(reporters()[name], "NEEDS_DOCUMENT", False) for name in names)
