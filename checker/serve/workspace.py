"""Where a request's work happens: its own folder (0700, under the desk's folder) and the worker
jobs that write into it, in one of two lanes.

The folder is removed only after every job of the request has finished: a job already running in a
thread cannot be stopped, and one that went on after the folder was removed would create it again
(the reporters make their output folders) and leave a draft's text behind. So `remove()` first
stops jobs that have not begun, waits for the one that runs, then deletes the folder; it is shielded
from cancellation, so the same holds when the browser goes away or the server stops.

Lanes keep small uploads moving while big ones run: a request's jobs go to the quick lane until the
request has used `quick_seconds` of worker time (or a job is known to be heavy), then to the long
lane. Each lane is a thread pool taking jobs in arrival order, and a request hands over one job at a
time, so requests in a lane take turns job by job.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

import anyio

T = TypeVar("T")


class Lanes:
    """The desk's worker threads: one quick lane for requests that have used little time, one long lane."""

    def __init__(self, threads: int, quick_seconds: float) -> None:
        # Checks and Word files run in a few long-lived threads: the GIL serialises them anyway, and
        # lxml keeps per-thread state that a fresh thread per job would keep allocating anew.
        self.quick = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-quick")
        self.long = ThreadPoolExecutor(max_workers=max(1, threads - 1), thread_name_prefix="desk-long")
        self.quick_seconds = quick_seconds

    def shutdown(self) -> None:
        """Jobs not begun are dropped; the ones running are waited for."""
        for pool in (self.quick, self.long):
            pool.shutdown(wait=True, cancel_futures=True)


class WorkspaceRemoved(Exception):
    """A job was asked of a workspace that is being removed."""


def _timed(function: Callable[..., T], *args: object) -> tuple[float, T]:
    started = time.monotonic()
    result = function(*args)
    return time.monotonic() - started, result


class Workspace:
    """One request's folder and its jobs. `worked`: seconds of worker time its jobs have taken."""

    def __init__(self, root: str | None, lanes: Lanes) -> None:
        self.path = tempfile.mkdtemp(prefix="fazhi-request-", dir=root)  # mkdtemp creates it 0700
        self.worked = 0.0
        self._lanes = lanes
        self._jobs: set[Future] = set()
        self._removed = False

    async def run(self, function: Callable[..., T], *args: object, heavy: bool = False) -> T:
        """`function(*args)` in a worker thread; `heavy`: known to be long, so straight to the long lane."""
        if self._removed:
            raise WorkspaceRemoved
        long = heavy or self.worked >= self._lanes.quick_seconds
        job = (self._lanes.long if long else self._lanes.quick).submit(_timed, function, *args)
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)
        seconds, result = await asyncio.wrap_future(job)
        self.worked += seconds
        return result

    async def remove(self) -> None:
        """No job starts any more, the running one is waited for, then the folder goes."""
        self._removed = True
        with anyio.CancelScope(shield=True):
            for job in list(self._jobs):
                job.cancel()  # only succeeds for a job that has not begun
            running = [asyncio.wrap_future(job) for job in list(self._jobs) if not job.done()]
            if running:
                await asyncio.wait(running)
            shutil.rmtree(self.path, ignore_errors=True)
