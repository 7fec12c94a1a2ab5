"""Only regular files are read, and never more than the size cap: a FIFO, socket or device (or a
symlink to one) in a folder is skipped with a notice; named explicitly it is a load finding; a file
past --max-file-size (or the config's max-file-size) is a load finding too. No input can block the
run or fill memory, even without --timeout."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.loaders import load
from checker.loaders.errors import LoadError
from checker.loaders.reading import MB, parse_size, read_limited

DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措\n推动法制政府建设。\n"
ENV = {**os.environ, "FAZHI_LINT_NO_CACHE": "1"}


def fazhi(*args: str, stdin=None) -> subprocess.CompletedProcess:
    """In a subprocess with a time limit: a hang must fail the test, not stop the suite."""
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          env=ENV, timeout=120, stdin=stdin, check=False)


@pytest.fixture
def specials(tmp_path: Path) -> Path:
    """A folder with one draft and every kind of special file named like a draft."""
    folder = tmp_path / "稿"
    folder.mkdir()
    (folder / "甲.txt").write_text(DRAFT, encoding="utf-8")
    os.mkfifo(folder / "管道.txt")
    (folder / "到管道.txt").symlink_to(folder / "管道.txt")
    (folder / "零.txt").symlink_to("/dev/zero")
    (folder / "设备.docx").symlink_to("/dev/null")
    unix = socket.socket(socket.AF_UNIX)
    try:
        unix.bind(str(folder / "套接字.txt"))
    except OSError:
        pass  # a file system without sockets: the other kinds still stand
    yield folder
    unix.close()


def test_a_folder_walk_skips_special_files_with_a_notice(specials: Path):
    completed = fazhi("check", str(specials), "--format", "json", "-j", "1", "--no-config")
    assert completed.returncode == 1
    assert '"甲.txt"' in completed.stdout or f"{specials}/甲.txt" in completed.stdout
    for name, kind in [("管道.txt", "命名管道"), ("到管道.txt", "命名管道"), ("零.txt", "字符设备"), ("设备.docx", "字符设备")]:
        assert f"fazhi-lint: 跳过 {specials / name}：不是普通文件（{kind}）" in completed.stderr
        assert str(specials / name) not in completed.stdout
    assert "Traceback" not in completed.stderr


@pytest.mark.parametrize("name", ["管道.txt", "到管道.txt", "零.txt", "设备.docx"])
def test_a_special_file_named_explicitly_is_a_load_finding(specials: Path, name: str):
    completed = fazhi("check", str(specials / name), str(specials / "甲.txt"), "--format", "concise", "--no-config")
    assert completed.returncode == 1
    assert f"{specials / name}:1:1: FZ001" in completed.stdout and "不是普通文件" in completed.stdout
    assert f"{specials / '甲.txt'}:" in completed.stdout  # the batch goes on


@pytest.mark.parametrize(("name", "kind"), [("管道.txt", "命名管道"), ("零.txt", "字符设备")])
def test_text_of_a_special_file_is_one_line(specials: Path, name: str, kind: str):
    completed = fazhi("text", str(specials / name))
    assert completed.returncode == 2 and completed.stdout == ""
    assert completed.stderr == f"fazhi-lint: {specials / name}: 不是普通文件（{kind}），未读取\n"


def test_a_file_past_the_cap_is_refused(tmp_path: Path):
    big = tmp_path / "大.txt"
    big.write_text(DRAFT + "正文。\n" * 200_000, encoding="utf-8")
    with pytest.raises(LoadError, match=r"文件超过 1 MB 的大小上限"):
        load(str(big), max_bytes=MB)
    assert load(str(big)).paragraphs  # the default cap is far above it
    result = CliRunner().invoke(main, ["check", str(big), "--no-config", "--max-file-size", "1MB", "--format", "concise"])
    assert result.exit_code == 1 and "FZ001" in result.output and "--max-file-size" in result.output


def test_a_raised_cap_is_never_allocated_for_a_small_draft(tmp_path: Path):
    """A cap of terabytes still reads a small draft, from a file and from standard input: reads are
    sized by what is there, not by the cap."""
    small = tmp_path / "小.txt"
    small.write_text(DRAFT, encoding="utf-8")
    huge_cap = ["--no-config", "--max-file-size", "4000GB", "--select", "FZ001"]
    assert CliRunner().invoke(main, ["check", str(small), *huge_cap]).exit_code == 0
    piped = CliRunner().invoke(main, ["check", "-", *huge_cap], input=DRAFT.encode())
    assert piped.exit_code == 0, piped.output


class _Growing:
    """A stream longer than the size its file said it had (a file written to while it is read)."""

    def __init__(self, size: int) -> None:
        self.left = size

    def read(self, count: int) -> bytes:
        piece = b"x" * min(count, self.left)
        self.left -= len(piece)
        return piece


def test_a_draft_that_grows_past_the_cap_while_read_is_refused():
    assert read_limited(_Growing(1000), 1000, expected=10) == b"x" * 1000
    with pytest.raises(LoadError, match="大小上限"):
        read_limited(_Growing(1001), 1000, expected=10)


def test_the_cap_comes_from_the_config_unless_the_command_line_says(tmp_path: Path):
    big = tmp_path / "大.txt"
    big.write_text(DRAFT + "正文。\n" * 200_000, encoding="utf-8")
    (tmp_path / ".fazhi-lint.yaml").write_text("max-file-size: 512KB\n", encoding="utf-8")
    refused = CliRunner().invoke(main, ["check", str(big), "--select", "FZ001", "--format", "concise"])
    assert refused.exit_code == 1 and "512 KB 的大小上限" in refused.output
    allowed = CliRunner().invoke(main, ["check", str(big), "--select", "FZ001", "--max-file-size", "5"])
    assert allowed.exit_code == 0, allowed.output


def test_standard_input_is_capped(tmp_path: Path):
    text = (DRAFT + "正文。\n" * 200_000).encode()
    result = CliRunner().invoke(main, ["check", "-", "--no-config", "--max-file-size", "1MB", "--format", "concise"], input=text)
    assert result.exit_code == 1 and "-:1:1: FZ001" in result.output and "大小上限" in result.output
    with open("/dev/zero", "rb") as endless:
        completed = fazhi("check", "-", "--no-config", "--max-file-size", "2MB", "--format", "concise", stdin=endless)
    assert completed.returncode == 1 and "大小上限" in completed.stdout


def test_bad_sizes_are_usage_errors(tmp_path: Path):
    draft = tmp_path / "甲.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    bad_option = CliRunner().invoke(main, ["check", str(draft), "--no-config", "--max-file-size", "很大"])
    assert bad_option.exit_code == 2 and "文件大小「很大」无效" in bad_option.output
    (tmp_path / ".fazhi-lint.yaml").write_text("select: [ALL]\nmax-file-size: -3\n", encoding="utf-8")
    bad_config = CliRunner().invoke(main, ["check", str(draft)])
    assert bad_config.exit_code == 2 and ".fazhi-lint.yaml:2" in bad_config.output and "无效" in bad_config.output


@pytest.mark.parametrize(("text", "size"), [("100MB", 100 * MB), ("512kb", 512 << 10), ("2G", 2 << 30), ("5", 5 * MB),
                                            (3, 3 * MB), ("1.5MB", 3 * MB // 2)])
def test_sizes_read(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "MB", "-1MB", "10TB", "1 0MB", None])
def test_sizes_refused(text):
    with pytest.raises(ValueError, match="无效"):
        parse_size(text)
