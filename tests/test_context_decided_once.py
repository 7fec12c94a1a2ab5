"""The report context is decided once, in checker/document/context.py, with the values given from
outside (--year on the command line, the API's year=) passed into that one decision: every rule reads
the context it returned, and nothing re-derives or patches it afterwards. Texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker.api
import checker.document
import checker.engine.batch
import checker.engine.run
from checker.api import lint_text
from checker.cli import main

# The title, the opening and the first section heading all say 2021: inferred, the year is 2021.
DRAFT = (
    "北京市延庆区人民政府\n2021年法治政府建设年度情况报告\n\n"
    "2021年，区政府坚持依法行政。\n"
    "一、2021年推进法治政府建设的主要举措和成效\n正文。\n"
)


@pytest.fixture
def decisions(monkeypatch):
    """Every call of the one decision (the values given to it, the context it returned), and the
    context each lint() run read."""
    decided, read = [], []
    decide, lint = checker.document.report_context, checker.engine.run.lint

    def recorded_decide(document, given=None):
        context = decide(document, given)
        decided.append((given, context))
        return context

    def recorded_lint(document, rules, context_rule):
        read.append(document.context)
        return lint(document, rules, context_rule)

    monkeypatch.setattr(checker.document, "report_context", recorded_decide)
    monkeypatch.setattr(checker.engine.batch, "lint", recorded_lint)
    monkeypatch.setattr(checker.api, "lint", recorded_lint)
    return decided, read


def _year_findings(rules: list[str]) -> set[str]:
    return {rule for rule in rules if rule in ("FZ104", "FZ109")}


def test_a_year_on_the_command_line_goes_into_the_one_decision_and_reaches_every_year_rule(tmp_path: Path, decisions):
    decided, read = decisions
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--year", "2022", "--format", "json", "--no-config",
                                       "--jobs", "1"], catch_exceptions=False)
    (given, context), = decided  # decided once for the file
    assert given.year == 2022 and given.origin["year"] == "cli"
    assert read == [context] and read[0] is context  # the rules read that very context
    (report,) = json.loads(result.stdout)["files"]
    assert report["context"]["year"] == 2022 and report["context"]["confidence"]["year"] == "certain"
    assert [e["kind"] for e in report["context"]["evidence"]["year"]] == ["cli"]
    # the title and the section heading name 2021: both year rules measure them against the given 2022
    assert _year_findings([f["rule"] for f in report["findings"]]) == {"FZ104", "FZ109"}


def test_without_a_given_year_the_same_draft_is_consistent():
    assert _year_findings([f.rule for f in lint_text(DRAFT)]) == set()


def test_a_year_through_the_api_goes_into_the_one_decision_and_reaches_every_year_rule(decisions):
    decided, read = decisions
    findings = lint_text(DRAFT, year=2022)
    (given, context), = decided
    assert given.year == 2022 and given.origin == {"year": "api"}
    assert read == [context] and read[0] is context
    assert context.year == 2022 and [e.kind for e in context.evidence["year"]] == ["api"]
    assert _year_findings([f.rule for f in findings]) == {"FZ104", "FZ109"}


def test_the_api_has_no_way_to_patch_a_context_after_analysis():
    assert not hasattr(checker.api, "give_context")
    with pytest.raises(TypeError):
        checker.api.lint_document(checker.api.document_from_text(DRAFT), year=2022)
