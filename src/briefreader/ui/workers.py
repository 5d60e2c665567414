"""What long thread workers share: ending early when the app closes.

A thread worker cannot be killed, and Python waits for it at exit; Textual only marks it
cancelled. A long scan or index update therefore calls `checkpoint()` between batches (from
its progress callback), so that `q` quits at once.
"""

from __future__ import annotations

import time

from textual.worker import get_current_worker


class Stopped(Exception):
    """Raised in a worker's progress callback to end a long job whose worker was cancelled."""


def checkpoint() -> None:
    """In a thread worker: end the job (raise `Stopped`) when its worker was cancelled."""
    if get_current_worker().is_cancelled:
        raise Stopped


def counted(what: str, done: int, total: int, since: float) -> str:
    """A long job's progress line: `what: done/total (rate/s)`, the job begun at `since`
    (`time.monotonic()`)."""
    rate = done / max(time.monotonic() - since, 1e-3)
    return f"{what}: {done}/{total} ({rate:.0f}/s)"
