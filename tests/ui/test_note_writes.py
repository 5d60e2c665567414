"""A note handed over for saving just before the reader quits is saved, never cut off."""

from __future__ import annotations

import asyncio
import threading
from contextlib import suppress
from pathlib import Path

import pytest

from briefreader.errors import UserError
from briefreader.notes import Anchor, Annotation, Store
from briefreader.ui.writes import finish_writes, in_writer

ANCHOR = Anchor("brief", 0, 0, 0, 6, "citaat", "", "")


def test_a_save_whose_flow_ends_with_the_app_is_written_before_the_store_closes(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path)
    release = threading.Event()

    def slow_add(*args: object) -> Annotation:  # a disk slow to take the save
        assert release.wait(30)
        return store.add(*args)  # type: ignore[arg-type]

    async def save_then_quit() -> None:
        flow = asyncio.ensure_future(in_writer(slow_add, ANCHOR, "mijn notitie", [], "Brief", None))
        await asyncio.sleep(0)  # the dialog flow hands the note over...
        flow.cancel()  # ...and `q` ends the app, cancelling the flow
        with suppress(asyncio.CancelledError):
            await flow

    loop = asyncio.new_event_loop()  # as `run_reader` runs the app: the loop is left as is
    loop.run_until_complete(save_then_quit())
    threading.Timer(0.05, release.set).start()
    finish_writes()  # what `run_reader` does before it closes the store
    saved = [a.note for a in store.annotations()]
    store.close()
    loop.close()
    assert saved == ["mijn notitie"]


def test_a_write_that_fails_reports_to_the_flow_that_awaits_it(tmp_path: Path) -> None:
    def full_disk() -> None:
        raise UserError(tmp_path, "database or disk is full")

    with pytest.raises(UserError, match="disk is full"):
        asyncio.run(in_writer(full_disk))
    assert asyncio.run(in_writer(lambda x: x + 1, 41)) == 42
