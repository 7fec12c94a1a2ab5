"""Outputs grow with the number of findings, not with the length of the paragraphs they are in:
JSON and SARIF carry the flagged span with a bounded context, and say where it starts."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.findings import EXCERPT_CONTEXT, EXCERPT_FLAGGED

TITLE = "南岸区水务局\n\n2022年法治政府建设年度报告\n\n"


def report(path: Path, format_: str) -> str:
    return CliRunner().invoke(main, ["check", str(path), "--no-config", "--format", format_]).stdout


def test_json_excerpt_is_the_flagged_span_with_bounded_context(tmp_path):
    draft = tmp_path / "长段.txt"
    draft.write_text(TITLE + "修订制度,完善机制" * 2000 + "\n", encoding="utf-8")
    output = report(draft, "json")
    findings = json.loads(output)["files"][0]["findings"]
    commas = [f for f in findings if f["excerpt"][f["column"] - f["excerpt_column"]:f["end_column"] - f["excerpt_column"]] == ","]
    assert len(commas) >= 1000, "every half-width comma of the long paragraph is reported"
    assert all(len(f["excerpt"]) <= EXCERPT_FLAGGED + 2 * EXCERPT_CONTEXT for f in findings)
    assert len(output.encode()) < 1000 * len(findings)  # linear: the paragraph alone is 36 KB


def test_excerpt_of_a_short_line_is_the_whole_line(tmp_path):
    draft = tmp_path / "短段.txt"
    draft.write_text(TITLE + "全年修订制度三项,完善机制两项。\n", encoding="utf-8")
    on_the_line = [f for f in json.loads(report(draft, "json"))["files"][0]["findings"] if f["line"] == 5]
    assert on_the_line
    assert all(f["excerpt"] == "全年修订制度三项,完善机制两项。" and f["excerpt_column"] == 1 for f in on_the_line)


def test_sarif_snippet_is_bounded(tmp_path):
    draft = tmp_path / "长段.txt"
    draft.write_text(TITLE + "修订制度,完善机制" * 2000 + "\n", encoding="utf-8")
    sarif = json.loads(report(draft, "sarif"))
    snippets = [r["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text", "")
                for r in sarif["runs"][0]["results"]]
    assert snippets and max(len(s) for s in snippets) <= EXCERPT_FLAGGED
