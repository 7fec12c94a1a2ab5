"""Which findings fail a run (--fail-on, config fail-on, --exit-zero), and a run that finds no files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_draft import COMMA_DRAFT, run


@pytest.mark.parametrize(
    ("selected", "fail_on", "code"),
    [
        ("FZ102", None, 0),  # an info finding alone never fails a run by default
        ("FZ102", "info", 1),
        ("FZ601", None, 1),  # a warning does
        ("FZ601", "error", 0),
        ("FZ101", "error", 1),
    ],
)
def test_fail_on_sets_the_least_severe_finding_that_fails(comma_draft: Path, selected: str, fail_on: str | None, code: int):
    extra = ("--fail-on", fail_on) if fail_on else ()
    result = run("check", str(comma_draft), "--no-config", "--select", selected, *extra)
    assert selected in result.output
    assert result.exit_code == code


def test_info_findings_are_still_reported_when_they_do_not_fail(comma_draft: Path):
    result = run("check", str(comma_draft), "--no-config", "--select", "FZ102", "--format", "json")
    assert result.exit_code == 0
    assert [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["FZ102"]


def test_config_fail_on_and_the_command_line_over_it(comma_draft: Path):
    (comma_draft.parent / ".fazhi-lint.yaml").write_text("select: [FZ601]\nfail-on: error\n", encoding="utf-8")
    assert run("check", str(comma_draft)).exit_code == 0
    assert run("check", str(comma_draft), "--fail-on", "warning").exit_code == 1
    (comma_draft.parent / ".fazhi-lint.yaml").write_text("select: [FZ102]\nfail-on: info\n", encoding="utf-8")
    assert run("check", str(comma_draft)).exit_code == 1


def test_config_fail_on_must_be_a_severity(comma_draft: Path):
    (comma_draft.parent / ".fazhi-lint.yaml").write_text("select: [ALL]\nfail-on: fatal\n", encoding="utf-8")
    result = run("check", str(comma_draft))
    assert result.exit_code == 2 and ".fazhi-lint.yaml:2: 严重程度「fatal」无效" in result.stderr


def test_each_file_fails_by_its_own_config(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder, fail_on in (("strict", "warning"), ("lenient", "error")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "d.txt").write_text(COMMA_DRAFT, encoding="utf-8")
        (tmp_path / folder / ".fazhi-lint.yaml").write_text(f"select: [FZ601]\nfail-on: {fail_on}\n", encoding="utf-8")
    assert run("check", "lenient", "--jobs", "1").exit_code == 0
    assert run("check", "lenient", "strict", "--jobs", "2").exit_code == 1


def test_exit_zero_keeps_findings_and_usage_errors(comma_draft: Path):
    result = run("check", str(comma_draft), "--no-config", "--exit-zero")
    assert result.exit_code == 0 and "FZ101" in result.output
    assert run("check", str(comma_draft), "--no-config", "--exit-zero", "--select", "FZ9999").exit_code == 2


def test_no_files_found_is_exit_2_unless_allowed(tmp_path: Path):
    empty = tmp_path / "草稿"
    empty.mkdir()
    (empty / "notes.md").write_text("不是草稿", encoding="utf-8")
    refused = run("check", str(empty))
    assert refused.exit_code == 2
    assert "没有找到要检查的文件" in refused.stderr and "--allow-empty" in refused.stderr
    allowed = run("check", str(empty), "--allow-empty")
    assert allowed.exit_code == 0 and "0 个文件" in allowed.output


def test_a_mistyped_path_is_reported_not_passed(tmp_path: Path):
    result = run("check", str(tmp_path / "草槁"), "--no-config")
    assert result.exit_code == 1 and "路径不存在" in result.output
