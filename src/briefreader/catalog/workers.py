"""Work spread over every core: a function run over chunks of items in worker processes.

Parsing is pure Python, so threads would take turns on one core; processes do not. The
workers are spawned (not forked): the reader calls this from a thread of a running app, and
a fork copies another thread's locks in whatever state they are. Results come back chunk by
chunk, in the order they finish, so that the caller can commit each one: an interrupted run
keeps what it finished.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _start_worker(parent: int) -> None:
    """In a worker: Ctrl-C reaches the whole process group; the parent alone decides to
    stop, and a worker finishes its chunk quietly (no traceback from each). And the worker
    leaves when its parent is gone: a reader quit or killed mid-parse would otherwise leave
    its workers waiting for ever, one on a full result pipe that nobody reads, the others
    on that pipe's lock (each holds both ends of the pool's queues, so none sees an end)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_follow_parent, args=(parent,), daemon=True).start()


def _follow_parent(parent: int) -> None:
    """End this process, at once, within a fifth of a second of `parent` ending."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(0)


_TRACKER = threading.Lock()


def _start_tracker() -> None:
    """Start multiprocessing's resource tracker (spawned workers need it) with a real stderr.

    The tracker is handed `sys.stderr`'s descriptor; in the reader that is Textual's capture,
    whose descriptor is -1, and starting the pool failed ("bad value(s) in fds_to_keep")."""
    from multiprocessing import resource_tracker

    with _TRACKER:
        shown = sys.stderr
        try:
            os.fstat(shown.fileno())
        except (AttributeError, OSError, ValueError):  # no descriptor, or not a real one
            sys.stderr = sys.__stderr__  # for this call only (the capture is back at once)
            try:
                resource_tracker.ensure_running()
            finally:
                sys.stderr = shown


def cores() -> int:
    """How many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """`items` cut into runs of at most `size`."""
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_chunks(
    fn: Callable[[Sequence[T]], R],
    chunks: list[Sequence[T]],
    done: Callable[[Sequence[T], R], None],
    workers: int | None = None,
) -> None:
    """`done(chunk, fn(chunk))` for every chunk, `fn` running in worker processes.

    `fn` must be a module-level function (it is sent to the workers by name). At most two
    chunks per worker are queued at a time, so that an interruption (an exception from
    `done`, or Ctrl-C) leaves little work behind; the pool is shut down either way.
    """
    workers = min(workers or cores(), len(chunks))
    if workers <= 1:
        for chunk in chunks:
            done(chunk, fn(chunk))
        return
    _start_tracker()
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    finished_all = False
    try:
        pending: dict[Future[R], Sequence[T]] = {}
        todo = list(reversed(chunks))
        while True:
            while todo and len(pending) < 2 * workers:
                chunk = todo.pop()
                pending[pool.submit(fn, chunk)] = chunk
            if not pending:
                finished_all = True
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                done(pending.pop(future), future.result())
    finally:
        # Interrupted: do not wait for the chunks under way (their results are not wanted).
        pool.shutdown(wait=finished_all, cancel_futures=True)
