"""The integrations a linter is expected to have: the pre-commit hook run for real (`pre-commit try-repo`
on a scratch repository), the GitHub format chosen by itself in GitHub Actions and grouped per file,
and the action's and the image's commands being ones the CLI accepts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from checker.cli import main

CLEAN = """东城区示例局2021年法治政府建设年度情况报告

2021年，我局认真贯彻落实法治政府建设各项部署，现将有关情况报告如下。

一、2021年推进法治政府建设的主要举措和成效

（一）完善制度建设。全年修订内部管理制度12项，规范执法程序。

二、2021年推进法治政府建设存在的不足和原因

部分干部运用法治思维解决问题的能力还需提高。

三、2021年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况

主要负责人专题研究法治政府建设工作3次。

四、2022年推进法治政府建设的主要安排

继续完善执法制度，加强执法人员培训。

五、其他需要报告的情况

无。
"""
# The same report with its third section dropped (FZ101, an error) and a half-width comma (FZ601).
FAULTY = CLEAN.replace("三、2021年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n\n", "").replace(
    "修订内部管理制度12项，", "修订内部管理制度12项,")


def _pre_commit(scratch: Path) -> str:
    """pre-commit beside this interpreter or on PATH, else installed into a venv of its own from the
    package index pip is set up with; the test skips only when that install fails."""
    for candidate in (Path(sys.executable).parent / "pre-commit", shutil.which("pre-commit")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    venv = scratch / "pre-commit-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    installed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "pre-commit"],
                               check=False, capture_output=True, text=True, timeout=600)
    if installed.returncode != 0:
        pytest.skip(f"pre-commit cannot be installed here: {installed.stderr.strip()[-300:]}")
    return str(venv / "bin" / "pre-commit")


def test_pre_commit_hook_fails_on_a_faulty_draft_and_passes_a_clean_one(tmp_path: Path):
    pre_commit = _pre_commit(tmp_path)
    repository = tmp_path / "草稿库"
    repository.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "NO_COLOR": "1"}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repository, check=True, capture_output=True, env=env)

    def hook() -> subprocess.CompletedProcess:
        return subprocess.run([pre_commit, "try-repo", str(ROOT), "fazhi-lint", "--all-files", "--color", "never"],
                              check=False, cwd=repository, capture_output=True, text=True, env=env, timeout=900)

    git("init", "-q")
    (repository / "报告.txt").write_text(FAULTY, encoding="utf-8")
    git("add", "报告.txt")
    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout and "FZ101" in failed.stdout and "报告.txt" in failed.stdout
    (repository / "报告.txt").write_text(CLEAN, encoding="utf-8")
    git("add", "报告.txt")
    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


def test_the_hook_and_the_action_run_commands_the_cli_accepts(tmp_path: Path):
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "fazhi-lint" and hook["entry"] == "fazhi-lint check" and re.search(hook["files"], "a/报告.docx")
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    run_lines = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "--format github" in run_lines and "sarif:" in run_lines
    assert any("upload-sarif" in step.get("uses", "") for step in action["runs"]["steps"])
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert 'ENTRYPOINT ["fazhi-lint", "check", "/drafts"]' in dockerfile
    draft = tmp_path / "报告.txt"
    draft.write_text(FAULTY, encoding="utf-8")
    sarif = tmp_path / "out.sarif"
    result = CliRunner().invoke(main, ["check", str(draft), "--no-config", "--format", "github", "--format", f"sarif:{sarif}"])
    assert result.exit_code == 1 and sarif.exists() and "::error " in result.stdout


def test_github_format_is_chosen_in_github_actions_and_grouped_per_file(tmp_path: Path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(FAULTY, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    runner = CliRunner()
    auto = runner.invoke(main, ["check", str(tmp_path), "--no-config", "--jobs", "1"], env={"GITHUB_ACTIONS": "true"})
    lines = auto.stdout.splitlines()
    groups = [line for line in lines if line.startswith("::group::")]
    assert [Path(g.removeprefix("::group::")).name for g in groups] == ["a.txt", "b.txt"]
    assert lines.count("::endgroup::") == 2 and lines[0].startswith("::group::") and lines[-1] == "::endgroup::"
    assert any(line.startswith("::error ") for line in lines)
    assert "个文件" in auto.stderr  # the summary line, as for every machine format
    chosen = runner.invoke(main, ["check", str(tmp_path), "--no-config", "--jobs", "1", "--format", "text"],
                           env={"GITHUB_ACTIONS": "true"})
    assert "::group::" not in chosen.stdout
    elsewhere = runner.invoke(main, ["check", str(tmp_path), "--no-config", "--jobs", "1"], env={"GITHUB_ACTIONS": None})
    assert "::group::" not in elsewhere.stdout
