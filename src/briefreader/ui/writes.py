"""Store writes off the event loop that quitting waits for: a note saved is a note kept.

`await in_writer(store.add, ...)` runs the call on a thread started there and then, and
awaits its result. A `q` right after `ctrl+s` may end the app, and cancel that await, while
the write is under way (or not yet begun, had it been queued to a pool: a cancelled await
drops a queued job). A thread already started cannot be dropped, and `finish_writes()`, which
`run_reader` calls before it closes the store, waits for every one of them.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar

T = TypeVar("T")

_running: set[threading.Thread] = set()
_lock = threading.Lock()


async def in_writer(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run `call(*args, **kwargs)` on a thread of its own; its result (or its error)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(error: BaseException | None, result: Any) -> None:
        if done.cancelled():
            return  # the app ended while the write ran: nobody waits for its answer
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)

    def write() -> None:
        error: BaseException | None = None
        result: Any = None
        try:
            result = call(*args, **kwargs)
        except Exception as exc:  # handed to the awaiting flow, which reports it
            error = exc
        finally:
            with _lock:
                _running.discard(threading.current_thread())
        with suppress(RuntimeError):  # the loop is closed: the app has ended
            loop.call_soon_threadsafe(settle, error, result)

    thread = threading.Thread(target=write, name="briefreader-write")
    with _lock:
        _running.add(thread)
    thread.start()
    return await done


def finish_writes() -> None:
    """Wait until every write started so far has ended (the reader is quitting)."""
    with _lock:
        running = list(_running)
    for thread in running:
        thread.join()
