"""What a killed run leaves behind (a hidden .<name>.<random>.fazhi-lint.tmp beside the file it was
writing) is recognised by the next run: removed when its writer is gone, left alone while a live run
still writes it, never checked as a draft."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.generated import is_temporary
from checker.leftovers import sweep

DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措\n推动法制政府建设。\n"
# A writer stopped in the middle of write_atomically: its temporary file exists, half written, locked.
WRITER = """
import sys, time
from pathlib import Path
from checker.reporters.outputs import write_atomically

def save(temp):
    Path(temp).write_text("写了一半", encoding="utf-8")
    print("writing", flush=True)
    time.sleep(600)

write_atomically(Path(sys.argv[1]), save)
"""


def _writer(target: Path) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "writing\n"
    return process


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if is_temporary(str(p))]


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "甲.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_a_killed_writers_file_is_removed_by_the_next_run(draft: Path):
    writer = _writer(draft)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    [left] = _temporaries(draft.parent)
    assert left.name.startswith(".甲.txt.") and draft.read_text(encoding="utf-8") == DRAFT
    result = CliRunner().invoke(main, ["check", str(draft), "--no-config"])
    assert result.exit_code == 1
    assert f"fazhi-lint: 已删除上次运行中断时留下的临时文件 {left}" in result.output
    assert _temporaries(draft.parent) == []


def test_a_live_writers_file_is_left_alone(draft: Path):
    writer = _writer(draft)
    try:
        [live] = _temporaries(draft.parent)
        assert sweep([str(draft.parent)]) == []
        assert live.exists()
    finally:
        writer.kill()
        writer.wait()
    assert sweep([str(draft.parent)]) == [f"已删除上次运行中断时留下的临时文件 {live}"]


def test_leftovers_are_never_checked_as_drafts(tmp_path: Path, draft: Path):
    left = tmp_path / ".甲.txt.ab12cd_9.fazhi-lint.tmp"
    left.write_text(DRAFT, encoding="utf-8")
    walked = CliRunner().invoke(main, ["check", str(tmp_path), "--no-config", "-j", "1", "--format", "concise"])
    assert str(left) not in walked.output.replace(f"临时文件 {left}", "")
    left.write_text(DRAFT, encoding="utf-8")
    named = CliRunner().invoke(main, ["check", str(left), str(draft), "--no-config", "--format", "concise"])
    assert f"fazhi-lint: 跳过 {left}：是 fazhi-lint 写文件时用的临时文件" in named.output
    assert f"{left}:" not in named.output and f"{draft}:" in named.output


def test_only_our_names_are_recognised(tmp_path: Path):
    theirs = [".甲.txt.swp", ".甲.txt.ab12cd_9.tmp", "甲.txt.ab12cd_9.fazhi-lint.tmp", ".甲.txt.AB12CD_9.fazhi-lint.tmp"]
    for name in theirs:
        (tmp_path / name).write_text("别人的文件", encoding="utf-8")
    assert sweep([str(tmp_path)]) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(theirs)
