"""Timing and memory helpers for the benchmarks: wall time of a command, peak RSS of a process tree."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Self  # Python 3.11; annotations are never evaluated here

PAGE = os.sysconf("SC_PAGE_SIZE")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _rss_bytes(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError):
        return 0


def _pss_bytes(pid: int) -> int:
    """Proportional set size: shared pages (forked workers share the parent's) counted once overall."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


class TreeRss:
    """Samples the memory of a process and all its descendants every `interval` seconds: the peak
    of the summed RSS, of the summed PSS, and of the largest single RSS."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        self.pid, self.interval = pid, interval
        self.peak_total = self.peak_single = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids, stack = [], [self.pid]
            while stack:
                pid = stack.pop()
                pids.append(pid)
                stack.extend(_children(pid))
            sizes = [_rss_bytes(pid) for pid in pids]
            self.peak_pss = max(self.peak_pss, sum(_pss_bytes(pid) for pid in pids))
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            time.sleep(self.interval)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the command and the workers it waited for
    peak_total_mb: float
    peak_single_mb: float
    peak_pss_mb: float
    returncode: int


def run(command: Sequence[str], cwd: Path | None = None, env: dict | None = None, ok: Sequence[int] = (0, 1),
        memory: bool = False) -> Run:
    """Run a command to completion: wall and CPU time, and with `memory` the peaks of its process tree's
    memory (0 without). Sampling reads each process's /proc/PID/smaps_rollup every 20 ms, which the
    kernel answers by walking its page tables: that slowed a 1,000-draft --jobs 2 run by ~0.2 s (~8%) of
    its wall time, --jobs 1 by less, so a run that is timed does not sample."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeRss(process.pid) if memory else nullcontext() as rss:
        _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if process.returncode not in ok:
        raise RuntimeError(f"{' '.join(map(str, command))} exited {process.returncode}: {stderr.decode()[-2000:]}")
    peaks = (rss.peak_total / 2**20, rss.peak_single / 2**20, rss.peak_pss / 2**20) if memory else (0.0, 0.0, 0.0)
    return Run(seconds, cpu, *peaks, process.returncode)


def median_seconds(command: Sequence[str], repeat: int, cwd: Path | None = None) -> float:
    run(command, cwd)  # warm the page cache and the .pyc files
    return statistics.median(run(command, cwd).seconds for _ in range(repeat))


def best_cpu(function: Callable[[], object], repeat: int) -> float:
    """The least CPU time of `repeat` calls in this process, in seconds (other processes on the
    machine do not count)."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return min(times)
