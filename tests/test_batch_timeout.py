"""A batch where one file hangs or kills its worker: that file is reported, the rest complete;
and the worker pool itself: any mix of hanging, dying and good items, one result each, in order.

The loader is replaced in the test process before the workers start; forked workers inherit the
replacement, so these tests need the fork start method (Linux before Python 3.14's default change).
"""

from __future__ import annotations

import faulthandler
import json
import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS, inputs_unchanged
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.engine import batch, workers
from checker.engine.batch import Options, check_files
from checker.engine.workers import run_in_workers
from checker.loaders import load as real_load

pytestmark = pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers must inherit the patch")


def _misbehaving_load(path: str, *args):
    name = Path(path).name
    if name == "hangs.txt":
        time.sleep(3600)
    if name == "segfaults.txt":
        faulthandler.disable()  # pytest's handler, inherited by the worker, would print its stack
        os.kill(os.getpid(), signal.SIGSEGV)
    if name == "exits.txt":
        os._exit(3)
    return real_load(path, *args)


@pytest.fixture
def batch_folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(batch, "load", _misbehaving_load)
    folder = tmp_path / "batch"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    draft = (SEEDS / "000_c8eddf8a4fb2ca4f.txt").read_bytes()
    for name in ("hangs.txt", "segfaults.txt", "exits.txt"):
        (folder / name).write_bytes(draft)
    return folder


def _seed_results(folder: Path) -> list[tuple[str, list]]:
    files = [str(p) for p in sorted(folder.glob("0*.txt"))]
    return [(r.path, r.findings) for r in check_files(files, Options(no_config=True))]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_hanging_file_is_stopped_and_reported_while_the_rest_complete(batch_folder: Path, jobs: int):
    seeds = sorted(str(p) for p in batch_folder.glob("0*.txt"))
    files = [str(batch_folder / "hangs.txt"), *seeds]
    started = time.monotonic()
    with inputs_unchanged(batch_folder):
        results = check_files(files, Options(no_config=True), jobs=jobs, timeout=1.5)
    assert time.monotonic() - started < 30
    hung = results[0]
    assert hung.path.endswith("hangs.txt")
    assert hung.error == "超过 1.5 秒仍未检查完，已中止（--timeout）"
    assert [(f.rule, f.line) for f in hung.findings] == [("FZ001", 1)]
    assert "超过 1.5 秒" in hung.findings[0].message
    assert [(r.path, r.findings) for r in results[1:]] == _seed_results(batch_folder)
    assert all(r.error is None for r in results[1:])


@pytest.mark.parametrize(("name", "how"), [("segfaults.txt", "信号 11"), ("exits.txt", "退出码 3")])
def test_a_file_that_kills_its_worker_is_reported_and_later_files_still_run(batch_folder: Path, name: str, how: str):
    seeds = sorted(str(p) for p in batch_folder.glob("0*.txt"))
    files = [str(batch_folder / name), *seeds]  # more files after the crash than there are workers
    results = check_files(files, Options(no_config=True), jobs=2)
    assert results[0].error == f"检查进程异常退出（{how}）"
    assert [f.rule for f in results[0].findings] == ["FZ001"]
    assert [(r.path, r.findings) for r in results[1:]] == _seed_results(batch_folder)


def test_timeout_option_on_the_command_line(batch_folder: Path, tmp_path: Path):
    with inputs_unchanged(batch_folder):
        result = CliRunner().invoke(
            main, ["check", str(batch_folder), "--exclude", "segfaults.txt,exits.txt", "--timeout", "1",
                   "--jobs", "2", "--no-config", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 1
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert set(files) == {"hangs.txt", *(p.name for p in SEEDS.glob("*.txt"))}
    assert files["hangs.txt"]["error"] == "超过 1 秒仍未检查完，已中止（--timeout）"
    assert all(f["error"] is None for name, f in files.items() if name != "hangs.txt")


def test_a_folder_run_has_a_per_file_time_limit_by_default(batch_folder: Path, monkeypatch):
    monkeypatch.setattr(batch, "DEFAULT_FOLDER_TIMEOUT", 1.0)  # 60 s in real runs
    result = CliRunner().invoke(main, ["check", str(batch_folder), "--exclude", "segfaults.txt,exits.txt", "--jobs", "1",
                                       "--no-config", "--format", "json"], catch_exceptions=False)
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["hangs.txt"]["error"] == "超过 1 秒仍未检查完，已中止（--timeout）"
    assert all(f["error"] is None for name, f in files.items() if name != "hangs.txt")


def test_per_file_timeout_defaults_only_for_folders_and_zero_lifts_it(tmp_path: Path):
    draft = tmp_path / "甲.txt"
    draft.write_text("草稿\n", encoding="utf-8")
    assert batch.per_file_timeout(None, [str(tmp_path)]) == batch.DEFAULT_FOLDER_TIMEOUT
    assert batch.per_file_timeout(None, [str(draft)]) is None
    assert batch.per_file_timeout(0, [str(tmp_path)]) is None
    assert batch.per_file_timeout(2.5, [str(draft)]) == 2.5


def test_a_broken_rule_pack_still_stops_a_parallel_run(tmp_path: Path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "bad.yaml").write_text("rules:\n  - id: XX1\n", encoding="utf-8")
    (tmp_path / ".fazhi-lint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--jobs", "2", "--timeout", "10"])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output


def _job(item: tuple[str, int]) -> int:
    kind, value = item
    if kind == "hang":
        time.sleep(3600)
    if kind == "exit":
        os._exit(value)
    return value * 2


@settings(max_examples=12, deadline=None, database=None)
@given(kinds=st.lists(st.sampled_from(["ok", "ok", "ok", "exit", "hang"]), max_size=9), jobs=st.integers(1, 3))
def test_every_item_gets_exactly_one_result_in_order(kinds: list[str], jobs: int):
    items = [(kind, index + 1) for index, kind in enumerate(kinds)]
    results = run_in_workers(_job, items, jobs, 0.3, lambda item, reason: (item, reason))
    expected = [(value * 2 if kind == "ok" else kind) for kind, value in items]
    got = [r if isinstance(r, int) else ("hang" if "超过" in r[1] else "exit" if "退出码" in r[1] else r) for r in results]
    assert got == expected


def test_workers_renewed_along_the_way_still_give_every_item_one_result_in_order(monkeypatch):
    monkeypatch.setattr(workers, "_RENEW_AFTER_GROWTH", -1)  # a fresh worker after every item
    kinds = ["ok", "ok", "exit", "ok", "ok", "hang", "ok", "ok", "ok", "ok", "ok"]
    items = [(kind, index + 1) for index, kind in enumerate(kinds)]
    results = list(run_in_workers(_job, items, 2, 0.5, lambda item, reason: item[0]))
    assert results == [value * 2 if kind == "ok" else kind for kind, value in items]


def test_a_result_comes_out_before_the_batch_is_done_and_closing_stops_the_workers():
    results = run_in_workers(_job, [("ok", 1), ("hang", 2)], 2, None, lambda item, reason: reason)
    started = time.monotonic()
    assert next(results) == 2  # while the second item hangs, with no deadline
    results.close()
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("timed", [False, True])
def test_a_worker_says_it_has_started_an_item_only_when_there_is_a_deadline(timed: bool):
    parent, child = multiprocessing.Pipe()
    worker = multiprocessing.Process(target=workers._serve, args=(_job, workers._nothing_to_prepare, timed, child), daemon=True)
    worker.start()
    parent.send((0, ("ok", 4)))
    messages = [parent.recv() for _ in range(1 + timed)]
    worker.kill()  # as _Worker.stop does: the forked worker holds both ends, so no end-of-file reaches it
    worker.join()
    assert messages == [workers._STARTED] * timed + [(0, True, 8)]
