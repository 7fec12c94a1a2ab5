"""Reports written file by file (reporters/parts.py): with --jobs each worker renders its files'
parts into a spool folder and the parent copies them in, byte for byte the report one process writes."""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from checker.cli import main
from checker.engine import batch
from checker.engine.batch import Options, check_each, check_file
from checker.reporters import ReportSettings, parts, reporters
from checker.reporters.parts import PartsReport

STREAMED = sorted(name for name, module in reporters().items() if hasattr(module, "write_parts"))


def test_the_formats_a_ci_reads_file_by_file_are_streamed():
    assert set(STREAMED) >= {"text", "concise", "json", "json-lines", "github", "gitlab"}


@pytest.fixture
def own_tempdir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers inherit the patched temp folder")
@pytest.mark.parametrize("name", STREAMED)
@pytest.mark.parametrize(("extra", "sent_whole"), [((), parts._SENT_WHOLE), (("--statistics", "--color", "always"), 0)])
def test_two_jobs_write_the_same_bytes_as_one_and_leave_no_spool(name: str, extra: tuple, sent_whole: int, tmp_path: Path,
                                                                 own_tempdir: Path, monkeypatch):
    monkeypatch.setattr(parts, "_SENT_WHOLE", sent_whole)  # 0: every part through a spool file
    reports = []
    for jobs in ("1", "2"):
        report = tmp_path / f"report.{jobs}"
        result = CliRunner().invoke(main, ["check", str(SEEDS), "--no-config", "--jobs", jobs, "--format", name,
                                           "-o", str(report), *extra], catch_exceptions=False)
        assert result.exit_code == 1
        reports.append(report.read_bytes())
    assert reports[0] == reports[1]
    assert reports[0].count(b"FZ") > 100
    assert list(own_tempdir.iterdir()) == []


@pytest.mark.parametrize("sent_whole", [parts._SENT_WHOLE, 10])
def test_a_part_made_here_is_rendered_later_and_one_made_in_a_worker_at_once(sent_whole: int, own_tempdir: Path,
                                                                            monkeypatch):
    monkeypatch.setattr(parts, "_SENT_WHOLE", sent_whole)
    result = check_file(str(SEEDS / "000_c8eddf8a4fb2ca4f.txt"), Options(no_config=True))
    with PartsReport("concise", ReportSettings(), "utf-8") as report:
        here = report.part_made_here(result)
        assert here.result is result and here.data is None is here.spooled  # rendered later, straight into the report
        assert here.findings == len(result.findings) == sum(here.kinds.values())
        there = report.part_made_in_worker(result)
        assert there.result is None and (there.findings, there.kinds) == (here.findings, here.kinds)
        if len(result.findings) <= sent_whole:
            assert there.spooled is None and list(Path(report.folder).iterdir()) == []
            text = there.data.decode("utf-8")
        else:  # too many findings to send in one message: in a file of the spool folder
            assert there.data is None and Path(there.spooled).parent == Path(report.folder)
            text = Path(there.spooled).read_text(encoding="utf-8")
    assert list(own_tempdir.iterdir()) == []  # the spool folder goes with the report, and what was left in it
    lines = text.splitlines()
    assert len(lines) == len(result.findings) and lines[0].startswith(f"{result.path}:")


class _Where:
    """Says where each file's part was made."""

    def part_made_here(self, result) -> tuple[str, str]:
        return "here", Path(result.path).name

    def part_made_in_worker(self, result) -> tuple[str, str]:
        return "worker", Path(result.path).name


@pytest.mark.parametrize(("jobs", "timeout", "made"), [(1, None, "here"), (2, None, "worker"), (1, 30.0, "worker")])
def test_a_part_is_made_in_the_worker_that_checked_the_file(jobs: int, timeout: float | None, made: str):
    files = sorted(str(path) for path in SEEDS.glob("*.txt"))
    out = list(check_each(files, Options(no_config=True), jobs, timeout=timeout, parts=_Where()))
    assert out == [(made, Path(file).name) for file in files]


def _dying_on(lost: str):
    def check(path: str, **kwargs):
        if path == lost:
            os._exit(3)  # the worker dies on this file
        return check_file(path, **kwargs)

    return check


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers inherit the patched check_file")
def test_a_file_lost_with_its_worker_becomes_a_part_made_here(monkeypatch):
    files = sorted(str(path) for path in SEEDS.glob("*.txt"))[:3]
    lost = files[1]
    monkeypatch.setattr(batch, "check_file", _dying_on(lost))
    out = list(check_each(files, Options(no_config=True), 2, parts=_Where()))
    assert out == [("worker", Path(files[0]).name), ("here", Path(lost).name), ("worker", Path(files[2]).name)]
