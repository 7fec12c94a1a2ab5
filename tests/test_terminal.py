"""The terminal: colour by NO_COLOR/FORCE_COLOR, progress bar only on a terminal, the summary and the
statistics on stderr when stdout carries a machine report, one report on stdout, help all in Chinese."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main

DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措,成效\n"
ANSI = "\x1b["


def run(*args: str, env: dict | None = None, color: bool = False):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env, color=color)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    drafts = tmp_path / "草稿"
    drafts.mkdir()
    for index in range(3):
        (drafts / f"{index}.txt").write_text(DRAFT, encoding="utf-8")
    return drafts


def test_no_color_and_force_color(folder: Path):
    draft = str(folder / "0.txt")
    plain = {"NO_COLOR": None, "FORCE_COLOR": None}
    assert ANSI not in run("check", draft, "--no-config", env=plain, color=True).output  # not a terminal
    assert ANSI in run("check", draft, "--no-config", env={**plain, "FORCE_COLOR": "1"}, color=True).output
    assert ANSI not in run("check", draft, "--no-config", env={"NO_COLOR": "1", "FORCE_COLOR": "1"}, color=True).output
    assert ANSI not in run("check", draft, "--no-config", env={**plain, "FORCE_COLOR": "0"}, color=True).output
    assert ANSI in run("check", draft, "--no-config", "--color", "always", env={"NO_COLOR": "1"}, color=True).output


@pytest.mark.parametrize("fmt", ["json", "sarif", "json-lines", "junit", "gitlab", "github", "checklist"])
def test_machine_formats_keep_stdout_clean_and_put_summary_and_statistics_on_stderr(folder: Path, fmt: str):
    result = run("check", str(folder), "--no-config", "--format", fmt, "--statistics", "--jobs", "1")
    assert result.exit_code == 1
    assert "3 个文件" in result.stderr and "FZ601" in result.stderr
    assert "3 个文件" not in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["summary"]["files"] == 3


def test_text_report_carries_its_own_summary_and_statistics(folder: Path):
    result = run("check", str(folder), "--no-config", "--statistics", "--jobs", "1")
    assert "3 个文件" in result.stdout and re.search(r"\d+\tFZ601", result.stdout)
    assert result.stderr == ""
    concise = run("check", str(folder), "--no-config", "--format", "concise", "--statistics", "--jobs", "1")
    assert "3 个文件" in concise.stdout and re.search(r"\d+\tFZ601", concise.stderr)


def test_quiet_and_report_written_to_a_file(folder: Path, tmp_path: Path):
    out = tmp_path / "report.json"
    result = run("check", str(folder), "--no-config", "-o", str(out), "--format", "json", "--jobs", "1")
    assert result.stdout == "" and "3 个文件" in result.stderr
    quiet = run("check", str(folder), "--no-config", "--format", "json", "-q", "--jobs", "1")
    assert quiet.stderr == ""


def test_two_reports_on_stdout_are_refused(folder: Path, tmp_path: Path):
    result = run("check", str(folder), "--no-config", "--format", "json", "--format", "sarif")
    assert result.exit_code == 2 and "json" in result.stderr and "sarif" in result.stderr
    assert result.stdout == ""
    both = run("check", str(folder), "--no-config", "--format", "json", "--format", f"sarif:{tmp_path / 'r.sarif'}")
    assert both.exit_code == 1 and json.loads(both.stdout)


def _on_a_terminal(args: list[str]) -> tuple[str, str]:
    """Run the command with stderr on a pseudo-terminal and stdout on a pipe: (stdout, stderr)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen([sys.executable, "-m", "checker", *args], stdout=subprocess.PIPE, stderr=follower,
                               stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        seen += chunk
    stdout = process.stdout.read()
    process.wait()
    os.close(leader)
    return stdout.decode(), seen.decode()


def test_progress_bar_on_a_terminal_only(folder: Path):
    stdout, terminal = _on_a_terminal(["check", str(folder), "--no-config", "--format", "json", "--jobs", "1"])
    assert json.loads(stdout)["summary"]["files"] == 3
    assert "检查" in terminal and "0/3" in terminal and "3/3" in terminal and "3 个文件" in terminal
    piped = run("check", str(folder), "--no-config", "--format", "json", "--jobs", "1")
    assert "3/3" not in piped.stderr and "%" not in piped.stderr


ENGLISH = re.compile(r"\b(Usage|Options|Commands|Show|Error|Try|Missing|Invalid|No such|TEXT|INTEGER|PATH|FLOAT)\b")


def test_help_and_usage_errors_are_in_chinese():
    pages = [run("--help").output, *(run(name, "--help").output for name in main.commands)]
    for page in pages:
        assert not ENGLISH.search(page), page
    assert "用法:" in pages[0] and "显示本帮助并退出。" in pages[0]
    for args in (["check"], ["check", "--no-such"], ["check", "x.txt", "--severity", "fatal"], ["nosuch"],
                 ["check", "x.txt", "--jobs", "0"]):
        result = run(*args)
        assert result.exit_code == 2
        assert not ENGLISH.search(result.stderr), result.stderr
        assert "错误：" in result.stderr and "用法:" in result.stderr
