"""The examples docs/architecture.md gives a newcomer to copy work as printed: the YAML rule is a user
pack whose examples pass `test-rules` and that a config enables, the rule type flags what its
docstring says once registered, the reporter writes a run's findings, and the Python API example
prints the findings it promises."""

from __future__ import annotations

import contextlib
import io
import re
import types
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from checker.cli import main
from checker.engine.batch import Options, check_file
from checker.engine.registry import rule_types
from checker.reporters import MODULES, ReportSettings

DOC = ROOT / "docs" / "architecture.md"


def example(first_line: str) -> str:
    """The doc's fenced code block whose first line is `first_line`."""
    blocks = re.findall(r"^```\w*\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.DOTALL | re.MULTILINE)
    found = [block for block in blocks if block.splitlines()[0] == first_line]
    assert len(found) == 1, f"{first_line}: {len(found)} blocks"
    return found[0]


def _pack(folder: Path, first_line: str) -> Path:
    path = folder / first_line.removeprefix("# ")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(example(first_line), encoding="utf-8")
    return path.parent


def _module(first_line: str) -> types.ModuleType:
    module = types.ModuleType(Path(first_line).stem)
    exec(compile(example(first_line), first_line, "exec"), module.__dict__)  # noqa: S102 (the doc's own example)
    return module


def _test_rules(pack: Path):
    return CliRunner().invoke(main, ["test-rules", str(pack)], catch_exceptions=False)


def test_the_yaml_rule_passes_its_own_examples(tmp_path: Path):
    result = _test_rules(_pack(tmp_path, "# 我局规则/old-names.yaml"))
    assert result.exit_code == 0, result.output
    assert "1 条规则，2 个示例全部通过" in result.output


def test_the_yaml_rule_runs_from_a_config_with_its_fix(tmp_path: Path):
    _pack(tmp_path, "# 我局规则/old-names.yaml")
    (tmp_path / ".fazhi-lint.yaml").write_text("rules: [我局规则]\n", encoding="utf-8")
    draft = tmp_path / "草稿.txt"
    draft.write_text("某县司法局2023年法治政府建设年度报告\n\n县法制办组织行政执法人员培训两次。\n", encoding="utf-8")
    findings = [f for f in check_file(str(draft), Options()).findings if f.rule == "XY001"]
    assert [(f.line, f.message, f.fix.replacement) for f in findings] == [(3, "「县法制办」已更名为「县司法局」", "县司法局")]


@pytest.fixture
def long_paragraph(monkeypatch) -> types.ModuleType:
    module = _module("# checker/rules/long_paragraph.py")
    monkeypatch.setitem(rule_types(), module.TYPE, module)  # as the registry finds a module dropped into rules/
    return module


def test_the_rule_type_passes_the_examples_of_its_yaml_rule(tmp_path: Path, long_paragraph):
    result = _test_rules(_pack(tmp_path, "# 我局规则/long-paragraphs.yaml"))
    assert result.exit_code == 0, result.output
    assert "1 条规则，2 个示例全部通过" in result.output


def test_the_rule_type_flags_what_passes_its_limit_only(tmp_path: Path, long_paragraph):
    check = long_paragraph.compile({"max": 10})
    from checker.api import document_from_text

    document = document_from_text("短句。\n" + "这一段的字数明显多于十个字。\n")
    assert [(hit.paragraph.line, hit.start, hit.args) for hit in check(document)] == [(2, 10, {"length": 14, "max": 10})]


def test_the_reporter_writes_one_line_per_finding(tmp_path: Path):
    module = _module("# checker/reporters/tsv.py")
    assert module.FORMAT not in MODULES  # an example, not a shipped format
    draft = tmp_path / "草稿.txt"
    draft.write_text("某县司法局2023年法治政府建设年度报告\n\n全年推进法制政府建设。\n", encoding="utf-8")
    result = check_file(str(draft), Options(no_config=True, select=("FZ501",)))
    out = io.StringIO()
    module.write([result], out, ReportSettings())
    assert out.getvalue() == f"{draft}\t3\t5\tFZ501\t警告\t{result.findings[0].message}\n"


def test_the_api_example_prints_the_term_slip_and_the_paragraph_kept_from_last_year():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _module("# 用 Python 检查文稿")
    lines = [line.split(" ", 3) if line.startswith("FZ501") else line.split(" ", 2) for line in out.getvalue().splitlines()]
    assert [line[:2] for line in lines] == [["FZ501", "2"], ["FZ351", "3"]]
    assert "「法制政府」应为「法治政府」" in lines[0][3]
    assert "与去年报告第3行基本相同（相似度1.00）" in lines[1][2]
