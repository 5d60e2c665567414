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
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C reaches the whole process group; the parent alone decides to
    stop, and a worker finishes its chunk quietly (no traceback from each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("spawn"), initializer=_ignore_interrupts
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
