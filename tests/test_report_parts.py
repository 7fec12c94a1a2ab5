"""Reports written file by file (reporters/parts.py): with --jobs each worker renders its files'
parts into a spool folder and the parent copies them in, byte for byte the report one process writes."""

from __future__ import annotations

import multiprocessing
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from checker.cli import main
from checker.engine.batch import Options, check_each, check_file
from checker.reporters import ReportSettings, parts, reporters
from checker.reporters.parts import Spool, kept_part, rendered_part

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
def test_a_kept_part_is_rendered_later_and_a_rendered_part_at_once(sent_whole: int, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(parts, "_SENT_WHOLE", sent_whole)
    render = reporters()["concise"].render_file
    spool = Spool(render, ReportSettings(), "utf-8", "strict", str(tmp_path))
    result = check_file(str(SEEDS / "000_c8eddf8a4fb2ca4f.txt"), Options(no_config=True))
    here = kept_part(result)
    assert here.result is result and here.data is None is here.spooled  # rendered later, straight into the report
    assert here.findings == len(result.findings) == sum(here.kinds.values())
    there = rendered_part(spool, result)
    assert there.result is None and (there.findings, there.kinds) == (here.findings, here.kinds)
    if len(result.findings) <= sent_whole:
        assert there.spooled is None and list(tmp_path.iterdir()) == []
        text = there.data.decode("utf-8")
    else:  # too many findings to send in one message: in a file of the spool folder
        assert there.data is None and Path(there.spooled).parent == tmp_path
        text = Path(there.spooled).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) == len(result.findings) and lines[0].startswith(f"{result.path}:")


def _home(result) -> tuple[str, str]:
    return "home", Path(result.path).name


def _away(result) -> tuple[str, str]:
    return "away", Path(result.path).name


@pytest.mark.parametrize(("jobs", "in_worker", "made"), [(1, _away, "home"), (2, _away, "away"), (2, None, "home")])
def test_then_is_made_at_home_and_in_worker_in_the_workers(jobs: int, in_worker, made: str):
    files = sorted(str(path) for path in SEEDS.glob("*.txt"))
    out = list(check_each(files, Options(no_config=True), jobs, then=_home, in_worker=in_worker))
    assert out == [(made, Path(file).name) for file in files]
