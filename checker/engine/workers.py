"""Worker processes for a batch: each checks one file at a time, under an optional deadline.

A worker that passes the per-file deadline is killed; one that dies (a crash in C code, the OOM
killer, `os._exit`) loses only the file it had. Either way a fresh worker takes its place and the
rest of the batch goes on. concurrent.futures cannot do this: a dead worker breaks the whole
pool, and a running task cannot be stopped.

The deadline covers checking the file, not the one-off work a fresh worker does first (compiling
the rule packs): `prepare(item)` runs before the clock starts.

Results are yielded in item order as they arrive, so the caller can report and drop them: a batch's
findings never have to be held all at once.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


_STARTED = "started"
_IN_FLIGHT = 2  # items handed to a worker at once: it starts the next while the parent reads a result
_AHEAD = 32  # items begun past the first unfinished one, per worker: bounds the results held back for order
# Growth of a worker's resident memory past which it hands the memory its last files freed back to the
# OS (glibc's malloc_trim): the objects of a large draft are freed when it is done, but the allocator
# keeps their pages for reuse, and the worker would sit at the high-water mark of the largest draft it
# has checked. Trimming walks the heap, so it is done only after such growth.
_TRIM_AFTER_GROWTH = 8 * 2**20
# Growth past which a fresh worker (forked from the parent, sharing what it compiled) takes over: what
# trimming cannot give back, pages of the parent copied as the worker touched their objects and a heap
# fragmented by what is still alive. Renewing copies pages again and slows the fresh worker's first
# file, so it is done only when memory says so (bench/README.md has the measurements).
_RENEW_AFTER_GROWTH = 20 * 2**20
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _resident(pid: int | str) -> int:
    """Resident memory of a process in bytes (Linux; elsewhere 0: workers are then never trimmed or renewed)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _trim_heap() -> None:
    """Free heap pages back to the OS, where the C library can (glibc); elsewhere nothing."""
    try:
        ctypes.CDLL(None).malloc_trim(ctypes.c_size_t(0))
    except (OSError, AttributeError):
        pass


def _nothing_to_prepare(item: object) -> None:
    return None


def _serve(task: Callable, prepare: Callable, timed: bool, connection: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    # What the parent built before the fork (imports, compiled rules) stays shared with it only while
    # nothing writes to those pages: out of the collector's reach, its passes do not.
    gc.freeze()
    trimmed_at = _resident("self")
    while True:
        try:
            index, item = connection.recv()
        except EOFError:
            return
        try:
            prepare(item)
            if timed:  # a message and a wake-up of the parent per item, only for a deadline to start from
                connection.send(_STARTED)
            connection.send((index, True, task(item)))
            if _resident("self") > trimmed_at + _TRIM_AFTER_GROWTH:
                _trim_heap()
                trimmed_at = _resident("self")
        except Exception as error:  # noqa: BLE001 (handed back and raised in the parent, as a pool would)
            connection.send((index, False, error))


class _Worker:
    """A worker process and the items handed to it, in order; the first is the one it is on."""

    def __init__(self, task: Callable, prepare: Callable, timed: bool) -> None:
        self.connection, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_serve, args=(task, prepare, timed, child), daemon=True)
        self.process.start()
        child.close()
        self.queue: deque[int] = deque()
        self.started_at = self.resident()
        self.renew = False  # grown too much: no more items, replaced once its queue is empty
        self.timeout: float | None = None
        self.deadline = float("inf")  # set when the worker says it has started on queue[0]

    def wants_more(self) -> bool:
        return len(self.queue) < _IN_FLIGHT and not self.renew

    def resident(self) -> int:
        return _resident(self.process.pid)

    def give(self, index: int, item: Any, timeout: float | None) -> None:
        self.queue.append(index)
        self.timeout = timeout
        try:
            self.connection.send((index, item))
        except OSError:
            pass  # the worker died since it was last looked at: _collect sees it and hands the item on

    def stop(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def run_in_workers(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int,
    timeout: float | None,
    failed: Callable[[Item, str], Result],
    prepare: Callable[[Item], object] = _nothing_to_prepare,
) -> Iterator[Result]:
    """`task(item)` for every item in `jobs` processes, yielded in order. An item whose worker
    times out or dies gets `failed(item, reason)` instead; an exception `task` raises is raised here."""
    done: dict[int, Any] = {}  # finished, waiting for the items before them
    next_out = 0
    waiting = deque(range(len(items)))
    new_worker = partial(_Worker, task, prepare, timeout is not None)
    workers = [new_worker() for _ in range(min(jobs, len(items)))]
    ahead = _AHEAD * len(workers)
    try:
        while next_out < len(items):
            if next_out in done:
                yield done.pop(next_out)
                next_out += 1
                continue
            for position, worker in enumerate(workers):
                if worker.renew and not worker.queue and waiting:
                    worker.stop()
                    worker = workers[position] = new_worker()
                while worker.wants_more() and waiting and waiting[0] < next_out + ahead:
                    index = waiting.popleft()
                    worker.give(index, items[index], timeout)
            busy = [w for w in workers if w.queue]
            nearest = min(w.deadline for w in busy)
            wait_for = None if nearest == float("inf") else max(0.0, nearest - time.monotonic())
            wait([w.connection for w in busy] + [w.process.sentinel for w in busy], wait_for)
            for worker in busy:
                reason = _collect(worker, done)
                if reason:
                    lost = worker.queue.popleft()
                    done[lost] = failed(items[lost], reason)
                    waiting.extendleft(reversed(worker.queue))  # handed over but not begun: give them again
                    worker.stop()
                    workers[workers.index(worker)] = new_worker()
    finally:
        for worker in workers:
            worker.stop()


def _collect(worker: _Worker, done: dict[int, Any]) -> str | None:
    """Take the worker's results that are there; why it failed if it timed out or died (中文)."""
    while worker.connection.poll():
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            return _died(worker)
        if message == _STARTED:
            worker.deadline = time.monotonic() + worker.timeout if worker.timeout else float("inf")
            continue
        index, ok, value = message
        if not ok:
            raise value
        done[index] = value
        worker.queue.popleft()
        worker.deadline = float("inf")
        worker.renew = worker.resident() > worker.started_at + _RENEW_AFTER_GROWTH
    if not worker.queue:
        return None
    if not worker.process.is_alive():
        return _died(worker)
    if time.monotonic() >= worker.deadline:
        return f"超过 {worker.timeout:g} 秒仍未检查完，已中止（--timeout）"
    return None


def _died(worker: _Worker) -> str:
    worker.process.join(1)
    code = worker.process.exitcode
    how = f"信号 {-code}" if code is not None and code < 0 else f"退出码 {code}"
    return f"检查进程异常退出（{how}）"


def _answer(function: Callable[[], Result], connection: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        connection.send((True, function()))
    except Exception as error:  # noqa: BLE001 (handed back and raised in the parent)
        connection.send((False, error))


def run_in_child(function: Callable[[], Result]) -> Result:
    """`function()` in a forked child process, its (picklable) result handed back: what the function
    builds on the way, and the fragmented heap it leaves, go with the child instead of staying in the
    parent that later workers are forked from. The child may start workers of its own."""
    connection, child_end = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.Process(target=_answer, args=(function, child_end))
    process.start()
    child_end.close()
    try:
        ok, value = connection.recv()
    except EOFError:
        process.join()
        raise RuntimeError(f"子进程异常退出（{process.exitcode}）") from None
    process.join()
    if not ok:
        raise value
    return value
