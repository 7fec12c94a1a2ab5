"""Outputs never touch inputs: every file a run writes is compared with every file it reads (by
inode: symlinks and hard links included) before anything is read or written; an existing file a
report would replace must be one of our reports unless --force; reports are written whole."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

from checker.cli import main
from checker.reporters import MODULES
from checker.reporters.outputs import report_stream
from checker.write_guard import is_our_report

DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措\n推动法制政府建设，截止12月底完成。\n"
CLEAN = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措\n全年完成各项工作。\n"


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--no-config", "-j", "1"], catch_exceptions=False)


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.mark.parametrize("text", [DRAFT, CLEAN], ids=["findings", "clean"])
@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_format_is_recognised_as_our_report(tmp_path: Path, name: str, text: str):
    source = tmp_path / "稿.txt"
    source.write_text(text, encoding="utf-8")
    report = tmp_path / "report.out"
    result = run("check", str(source), "--format", f"{name}:{report}")
    assert result.exit_code in (0, 1), result.output
    assert is_our_report(str(report)), report.read_text(encoding="utf-8")[:300]


@pytest.mark.parametrize("other", [
    *sorted(SEEDS.glob("*.txt")),
    ROOT / "examples" / "auto_numbering_example.docx",
    ROOT / "pyproject.toml",
    ROOT / "rules" / "terms.yaml",
    ROOT / "README.md",
], ids=lambda p: p.name)
def test_drafts_and_other_files_are_not_our_reports(other: Path):
    assert not is_our_report(str(other))


@pytest.mark.parametrize("alias", ["same", "symlink", "hardlink"])
def test_report_onto_an_input_stops_before_anything_is_written(draft: Path, alias: str):
    output = {"same": draft, "symlink": draft.with_name("link.txt"), "hardlink": draft.with_name("hard.txt")}[alias]
    if alias == "symlink":
        output.symlink_to(draft.name)
    elif alias == "hardlink":
        os.link(draft, output)
    before = md5(draft)
    result = run("check", str(draft), "-o", str(output))
    assert result.exit_code == 2
    assert f"输出文件 {output} 就是输入文件 {draft}" in result.output
    assert md5(draft) == before and not list(draft.parent.glob(".*"))


@pytest.mark.parametrize("fmt", ["json", "html", "sarif"])
def test_format_file_onto_an_input_docx_is_refused(tmp_path: Path, fmt: str):
    source = tmp_path / "稿.docx"
    source.write_bytes((ROOT / "examples" / "auto_numbering_example.docx").read_bytes())
    before = md5(source)
    result = run("check", str(source), "--format", f"{fmt}:{source}")
    assert result.exit_code == 2 and "就是输入文件" in result.output and md5(source) == before


def test_an_input_found_in_a_folder_is_protected_too(tmp_path: Path, draft: Path):
    before = md5(draft)
    result = run("check", str(tmp_path), "--format", f"json:{draft}")
    assert result.exit_code == 2 and md5(draft) == before


def test_the_config_file_is_an_input(tmp_path: Path, draft: Path):
    config = tmp_path / "my.yaml"
    config.write_text("ignore: [FZ603]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--config", str(config), "-o", str(config)])
    assert result.exit_code == 2 and "就是输入文件" in result.output
    assert config.read_text(encoding="utf-8") == "ignore: [FZ603]\n"


def test_per_file_outputs_and_backups_are_checked_against_inputs(tmp_path: Path, draft: Path):
    reviewed = draft.with_name("草稿.reviewed.docx")
    reviewed.write_bytes((ROOT / "examples" / "auto_numbering_example.docx").read_bytes())
    before = md5(reviewed)
    result = run("annotate", str(draft), str(reviewed), "--force")
    assert result.exit_code == 2 and f"输出文件 {reviewed} 就是输入文件 {reviewed}" in result.output
    backup = draft.with_name(draft.name + ".bak")
    backup.write_text(CLEAN, encoding="utf-8")
    result = run("check", str(draft), str(backup), "--fix", "--backup")
    assert result.exit_code == 2 and "就是输入文件" in result.output
    assert md5(reviewed) == before and backup.read_text(encoding="utf-8") == CLEAN
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_two_reports_into_one_file_are_refused(tmp_path: Path, draft: Path):
    result = run("check", str(draft), "--format", f"json:{tmp_path}/r.json", "--format", f"sarif:{tmp_path}/./r.json")
    assert result.exit_code == 2 and "两个输出写到同一个文件" in result.output
    assert not (tmp_path / "r.json").exists()


def test_a_report_onto_a_reviewed_copy_is_refused(tmp_path: Path, draft: Path):
    result = run("check", str(draft), "--format", "docx", "--format", f"json:{draft.with_name('草稿.reviewed.docx')}")
    assert result.exit_code == 2 and "两个输出写到同一个文件" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿.txt"]


def test_a_file_that_is_not_our_report_is_replaced_only_with_force(tmp_path: Path, draft: Path):
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录：下周一讨论。\n", encoding="utf-8")
    result = run("check", str(draft), "-o", str(notes))
    assert result.exit_code == 2 and "不是 fazhi-lint 的报告" in result.output and "--force" in result.output
    assert notes.read_text(encoding="utf-8") == "会议记录：下周一讨论。\n"
    assert run("check", str(draft), "-o", str(notes), "--force").exit_code == 1
    assert "FZ501" in notes.read_text(encoding="utf-8")


def test_our_earlier_report_is_replaced_without_force(tmp_path: Path, draft: Path):
    report = tmp_path / "report.json"
    assert run("check", str(draft), "--format", f"json:{report}").exit_code == 1
    draft.write_text(CLEAN, encoding="utf-8")
    assert run("check", str(draft), "--format", f"json:{report}").exit_code in (0, 1)
    assert "FZ501" not in report.read_text(encoding="utf-8")


def test_a_report_left_in_the_checked_folder_is_rewritten_not_checked(tmp_path: Path, draft: Path):
    report = tmp_path / "报告.txt"
    assert run("check", str(tmp_path), "-o", str(report)).exit_code == 1
    first = report.read_text(encoding="utf-8")
    assert run("check", str(tmp_path), "-o", str(report)).exit_code == 1
    assert report.read_text(encoding="utf-8") == first and "报告.txt" not in first


def test_devices_are_written_not_replaced(draft: Path):
    assert run("check", str(draft), "-o", os.devnull).exit_code == 1
    assert Path(os.devnull).is_char_device()


def test_a_report_through_a_symlink_writes_the_file_it_points_to(tmp_path: Path, draft: Path):
    real = tmp_path / "out" / "real.txt"
    real.parent.mkdir()
    real.write_text("", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run("check", str(draft), "-o", str(link)).exit_code == 1
    assert link.is_symlink() and "FZ501" in real.read_text(encoding="utf-8")
    assert real.stat().st_mode & 0o777 == 0o640


def test_a_report_is_written_whole_or_not_at_all(tmp_path: Path):
    report = tmp_path / "report.txt"
    report.write_text("上一次的报告\n", encoding="utf-8")
    with pytest.raises(RuntimeError), report_stream(str(report)) as stream:
        stream.write("写了一半")
        raise RuntimeError("interrupted")
    assert report.read_text(encoding="utf-8") == "上一次的报告\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]
