"""Places that cannot be written are one clear line, never a traceback: `fazhi-lint: 无法写入 PATH：
原因` and exit 2 for a run's report; for a file's own output (reviewed copy, fixed draft, Word
checklist) a line naming that file while the rest of the batch goes on.

Permissions are tested without privileges: as `nobody` when that user can run this interpreter, else
as root without the capabilities that bypass permission bits (setpriv); skipped, saying why, when
neither is possible. A full and a read-only file system are small tmpfs mounts (root only)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, tree_hashes

DRAFT = "东城区示例局\n\n2021年法治政府建设年度情况报告\n\n一、主要举措\n推动法制政府建设，截止12月底完成。\n"
NOBODY = 65534
ENV = {**os.environ, "FAZHI_LINT_NO_CACHE": "1"}


def _as_nobody() -> None:
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def _nobody_can_run_us() -> bool:
    try:
        probe = subprocess.run([sys.executable, "-c", "import checker.cli"], preexec_fn=_as_nobody,
                               capture_output=True, cwd="/", env=ENV, check=False)
    except PermissionError:  # the interpreter itself is out of nobody's reach (under /root, say)
        return False
    return probe.returncode == 0


def _how_to_drop_privileges() -> tuple[list[str], object]:
    """(command prefix, preexec_fn) that run a command without the power to ignore permissions."""
    if os.geteuid() != 0:
        return [], None
    if _nobody_can_run_us():
        return [], _as_nobody
    setpriv = shutil.which("setpriv")
    if setpriv:
        prefix = [setpriv, "--inh-caps=-all", "--bounding-set=-all"]
        with tempfile.TemporaryDirectory() as probe:
            os.chmod(probe, 0o555)
            if subprocess.run([*prefix, "test", "-w", probe], check=False).returncode != 0:
                return prefix, None
    pytest.skip("running as root: nobody cannot run this interpreter and setpriv cannot drop the capabilities")


def fazhi(*args: str, prefix: list[str] = (), preexec=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "checker", *args, "--no-config", "-j", "1"],
                          capture_output=True, text=True, preexec_fn=preexec, env=ENV, check=False, **kwargs)


def one_clear_line(completed: subprocess.CompletedProcess, expected: str) -> None:
    assert "Traceback" not in completed.stderr, completed.stderr
    assert expected in completed.stderr, completed.stderr


@pytest.fixture
def shared_folder(tmp_path_factory) -> Iterator[Path]:
    """A folder every user can read (pytest's own temporary folders are private to their owner)."""
    base = Path(os.path.realpath(tmp_path_factory.mktemp("shared")))
    for folder in (base, *base.parents):
        if folder == Path("/tmp") or folder == Path("/"):
            break
        folder.chmod(folder.stat().st_mode | 0o755)
    yield base
    for path in [base, *base.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


@pytest.fixture
def read_only_drafts(shared_folder: Path) -> Path:
    """A read-only folder (mode 555) holding a .txt and a .docx draft, both with fixable slips."""
    folder = shared_folder / "只读"
    folder.mkdir()
    (folder / "甲.txt").write_text(DRAFT, encoding="utf-8")
    (folder / "乙.docx").write_bytes((ROOT / "examples" / "auto_numbering_example.docx").read_bytes())
    folder.chmod(0o555)
    return folder


def test_report_into_a_missing_folder_or_too_long_a_name(tmp_path: Path):
    draft = tmp_path / "甲.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    missing = fazhi("check", str(draft), "-o", str(tmp_path / "没有" / "r.txt"))
    assert missing.returncode == 2
    one_clear_line(missing, f"fazhi-lint: 无法写入 {tmp_path}/没有/r.txt：所在文件夹不存在")
    long_name = str(tmp_path / ("长" * 200 + ".json"))
    too_long = fazhi("check", str(draft), "--format", f"json:{long_name}")
    assert too_long.returncode == 2
    one_clear_line(too_long, "：路径或文件名过长")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["甲.txt"]


def test_output_dir_that_cannot_be_made_is_the_runs_error(tmp_path: Path):
    draft = tmp_path / "甲.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    (tmp_path / "out").write_text("", encoding="utf-8")
    completed = fazhi("annotate", str(draft), "--output-dir", str(tmp_path / "out" / "批注"))
    assert completed.returncode == 2
    one_clear_line(completed, f"fazhi-lint: 无法写入 {tmp_path}/out/批注：路径中有一段不是文件夹")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_standard_output_or_report_device(tmp_path: Path):
    draft = tmp_path / "甲.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    with open("/dev/full", "w") as full:
        to_stdout = subprocess.run([sys.executable, "-m", "checker", "check", str(draft), "--no-config"],
                                   stdout=full, stderr=subprocess.PIPE, text=True, env=ENV, check=False)
    assert to_stdout.returncode == 2
    one_clear_line(to_stdout, "fazhi-lint: 无法写入 标准输出：磁盘空间不足")
    to_device = fazhi("check", str(draft), "--format", "json:/dev/full")
    assert to_device.returncode == 2
    one_clear_line(to_device, "fazhi-lint: 无法写入 /dev/full：磁盘空间不足")


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path):
    draft = tmp_path / "甲.txt"
    draft.write_text(DRAFT * 200, encoding="utf-8")
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    completed = subprocess.run([sys.executable, "-m", "checker", "check", str(draft), "--no-config"],
                               stdout=reader.stdin, stderr=subprocess.PIPE, text=True, env=ENV, check=False)
    reader.stdin.close()
    reader.wait()
    assert completed.returncode == 2 and completed.stderr == ""


def test_read_only_folder_without_privileges(read_only_drafts: Path, shared_folder: Path):
    prefix, preexec = _how_to_drop_privileges()
    before = tree_hashes(read_only_drafts)
    txt, docx = read_only_drafts / "甲.txt", read_only_drafts / "乙.docx"

    annotated = fazhi("annotate", str(read_only_drafts), prefix=prefix, preexec=preexec)
    assert annotated.returncode == 2
    one_clear_line(annotated, f"{docx}：无法写入 {read_only_drafts}/乙.reviewed.docx：没有写入权限")
    one_clear_line(annotated, f"{txt}：无法写入 {read_only_drafts}/甲.reviewed.docx：没有写入权限")

    for backup in ([], ["--backup"]):
        fixed = fazhi("check", str(read_only_drafts), "--fix", *backup, prefix=prefix, preexec=preexec)
        assert fixed.returncode == 2
        one_clear_line(fixed, f"{txt}：无法写入 {os.path.realpath(txt)}{'.bak' if backup else ''}：没有写入权限，未修复")
        one_clear_line(fixed, f"{docx}：无法写入 {read_only_drafts}/乙.fixed.docx：没有写入权限")
        assert fixed.stderr.rstrip().splitlines()[-2] == "共修复 0 处"

    checklist = fazhi("check", str(read_only_drafts), "--format", "checklist-docx", prefix=prefix, preexec=preexec)
    assert checklist.returncode == 2
    one_clear_line(checklist, f"{txt}：无法写入 {read_only_drafts}/甲.checklist.docx：没有写入权限")

    report = fazhi("check", str(read_only_drafts), "-o", str(read_only_drafts / "r.json"), prefix=prefix, preexec=preexec)
    assert report.returncode == 2
    one_clear_line(report, f"fazhi-lint: 无法写入 {read_only_drafts}/r.json：没有写入权限")

    out = read_only_drafts / "新文件夹"
    made = fazhi("annotate", str(txt), "--output-dir", str(out), prefix=prefix, preexec=preexec)
    assert made.returncode == 2
    one_clear_line(made, f"fazhi-lint: 无法写入 {out}：没有写入权限")
    assert tree_hashes(read_only_drafts) == before and not out.exists()


@pytest.fixture
def small_mount(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs (root only), unmounted afterwards."""
    point = tmp_path / "mnt"
    point.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a tmpfs can only be mounted by root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(point)], capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {mounted.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], check=True)


def _fill(folder: Path) -> None:
    handle = os.open(folder / "填满", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(handle, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(handle)


def test_a_full_file_system(small_mount: Path, tmp_path: Path):
    draft = small_mount / "甲.txt"
    draft.write_text(DRAFT * 40, encoding="utf-8")
    docx = small_mount / "乙.docx"
    docx.write_bytes((ROOT / "examples" / "auto_numbering_example.docx").read_bytes())
    _fill(small_mount)
    before = tree_hashes(small_mount)

    report = fazhi("check", str(small_mount), "--format", f"json:{small_mount}/r.json")
    assert report.returncode == 2
    one_clear_line(report, f"fazhi-lint: 无法写入 {small_mount}/r.json：磁盘空间不足")
    annotated = fazhi("annotate", str(small_mount))
    assert annotated.returncode == 2
    one_clear_line(annotated, f"{docx}：无法写入 {small_mount}/乙.reviewed.docx：磁盘空间不足")
    one_clear_line(annotated, f"{draft}：无法写入 {small_mount}/甲.reviewed.docx：磁盘空间不足")
    fixed = fazhi("check", str(draft), "--fix")
    assert fixed.returncode == 2
    one_clear_line(fixed, "：磁盘空间不足，未修复")
    assert "共修复 0 处" in fixed.stderr
    assert tree_hashes(small_mount) == before  # nothing half-written, no temporary file left


def test_a_read_only_file_system(small_mount: Path):
    draft = small_mount / "甲.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    subprocess.run(["mount", "-o", "remount,ro", str(small_mount)], check=True)
    report = fazhi("check", str(draft), "-o", str(small_mount / "r.txt"))
    assert report.returncode == 2
    one_clear_line(report, f"fazhi-lint: 无法写入 {small_mount}/r.txt：只读文件系统")
    fixed = fazhi("check", str(draft), "--fix")
    assert fixed.returncode == 2
    one_clear_line(fixed, f"{draft}：无法写入 {draft}：只读文件系统，未修复")
    assert stat.S_ISREG(draft.stat().st_mode) and draft.read_text(encoding="utf-8") == DRAFT
