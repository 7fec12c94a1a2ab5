"""Folder walks honour .gitignore and .fazhi-lintignore; explicit paths are always checked; stdin can be named."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.loaders.discover import discover

DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措,成效\n"


def write(path: Path, text: str = DRAFT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def names(files: list[str], root: Path) -> list[str]:
    return sorted(Path(f).relative_to(root).as_posix() for f in files)


def test_gitignore_patterns_leave_files_and_folders_out(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "*.egg-info/\nbuild/\n旧稿*.txt\n!旧稿-保留.txt\n")
    for name in ("报告.txt", "fazhi_lint.egg-info/SOURCES.txt", "build/lib/报告.txt", "旧稿1.txt", "旧稿-保留.txt",
                 "分局/build/x.txt", "分局/报告.docx"):
        write(tmp_path / name)
    assert names(discover([str(tmp_path)]), tmp_path) == ["分局/报告.docx", "报告.txt", "旧稿-保留.txt"]


def test_a_deeper_ignore_file_wins_and_fazhi_lintignore_counts(tmp_path: Path):
    write(tmp_path / ".gitignore", "*.txt\n")
    write(tmp_path / "分局" / ".gitignore", "!*.txt\n")
    write(tmp_path / "分局" / ".fazhi-lintignore", "附件/\n")
    for name in ("a.txt", "分局/b.txt", "分局/附件/c.txt"):
        write(tmp_path / name)
    assert names(discover([str(tmp_path)]), tmp_path) == ["分局/b.txt"]


def test_ignore_files_above_the_walked_folder_count_up_to_the_repository_root(tmp_path: Path):
    repository = tmp_path / "repo"
    (repository / ".git" / "info").mkdir(parents=True)
    write(repository / ".git" / "info" / "exclude", "私人/\n")
    write(repository / ".gitignore", "*.bak.txt\n")
    write(tmp_path / ".gitignore", "*.txt\n")  # above the repository: not in force
    for name in ("草稿/a.txt", "草稿/a.bak.txt", "草稿/私人/b.txt"):
        write(repository / name)
    assert names(discover([str(repository / "草稿")]), repository) == ["草稿/a.txt"]


def test_explicit_paths_are_checked_even_when_ignored(tmp_path: Path):
    write(tmp_path / ".gitignore", "*.txt\n")
    draft = write(tmp_path / "a.txt")
    assert discover([str(draft)]) == [str(draft)]
    assert discover([str(tmp_path)]) == []
    assert discover([str(tmp_path)], ignore_files=False) == [str(draft)]


def test_check_can_be_told_not_to_read_ignore_files(tmp_path: Path):
    write(tmp_path / ".gitignore", "*.txt\n")
    write(tmp_path / "a.txt")
    runner = CliRunner()
    assert runner.invoke(main, ["check", str(tmp_path), "--no-config"]).exit_code == 2  # no file found
    result = runner.invoke(main, ["check", str(tmp_path), "--no-config", "--no-ignore-files", "-q"])
    assert result.exit_code == 1 and "a.txt" in result.output


def test_stdin_filename_names_the_draft_and_finds_its_config(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "分局" / ".fazhi-lint.yaml", "select: [FZ601]\nper-file-ignores:\n  '附件*.txt': [FZ601]\n")
    runner = CliRunner()
    named = runner.invoke(main, ["check", "-", "--stdin-filename", "分局/报告.txt", "--format", "json"],
                          input=DRAFT.encode())
    report = json.loads(named.stdout)
    assert report["files"][0]["path"] == "分局/报告.txt"
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["FZ601"]
    ignored = runner.invoke(main, ["check", "-", "--stdin-filename", "分局/附件1.txt", "--format", "json"],
                            input=DRAFT.encode())
    assert json.loads(ignored.stdout)["files"][0]["findings"] == [] and ignored.exit_code == 0
    unnamed = runner.invoke(main, ["check", "-", "--format", "json", "--no-config"], input=DRAFT.encode())
    assert json.loads(unnamed.stdout)["files"][0]["path"] == "-"


def test_stdin_filename_needs_stdin(tmp_path: Path):
    result = CliRunner().invoke(main, ["check", str(write(tmp_path / "a.txt")), "--stdin-filename", "x.txt"])
    assert result.exit_code == 2 and "--stdin-filename" in result.stderr
