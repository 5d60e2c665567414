"""A note handed over for saving just before the reader quits is saved, not cut off."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from briefreader.notes import Anchor, Store
from briefreader.ui.note_dialogs import finish_note_writes, in_writer


def test_quitting_waits_for_a_note_write_already_handed_over(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    started = threading.Event()
    release = threading.Event()

    def slow_add() -> None:  # a save the disk is slow to take
        started.set()
        release.wait(5)
        store.add(Anchor("brief", 0, 0, 0, 5, "citaat", "", ""), "mijn notitie", [], "Brief", None)

    async def save_then_quit() -> None:
        # the app's loop ends while the save is still running: its await is cancelled
        task = asyncio.ensure_future(in_writer(slow_add))
        await asyncio.sleep(0)
        task.cancel()

    asyncio.run(save_then_quit())
    assert started.wait(5)
    threading.Timer(0.2, release.set).start()
    finish_note_writes()  # what run_reader does after the app has ended
    notes = store.annotations()
    store.close()
    assert [a.note for a in notes] == ["mijn notitie"]
