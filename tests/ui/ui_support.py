"""Helpers for the reader's pilot tests: run async scenarios, wait for workers, find parts."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from textual.pilot import Pilot

from briefreader.ui.app import ReaderApp
from briefreader.ui.screens.reading import ReadingScreen
from briefreader.ui.widgets.letter_list import LetterList
from briefreader.ui.widgets.letter_view import LetterView
from briefreader.ui.widgets.toc import Toc

MakeApp = Callable[..., ReaderApp]


def pilot_test(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in its own event loop (no pytest async plugin needed)."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until loading and opening workers are done and the screen has caught up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def parts(app: ReaderApp) -> tuple[ReadingScreen, LetterList, LetterView, Toc]:
    """The main screen and its list, reader and table of contents."""
    screen = app.screen
    assert isinstance(screen, ReadingScreen)
    return (
        screen,
        screen.query_one(LetterList),
        screen.query_one(LetterView),
        screen.query_one(Toc),
    )


async def open_letter(pilot: Pilot[Any], title_start: str) -> None:
    """Move the list cursor down to the letter whose title starts so, and press enter."""
    await settle(pilot)
    _, letters, _, _ = parts(pilot.app)
    row = next(i for i, e in enumerate(letters.shown) if e.title.startswith(title_start))
    for _ in range(row):
        await pilot.press("j")
    await pilot.press("enter")
    await settle(pilot)


async def search_ready(pilot: Pilot[Any], timeout: float = 20.0) -> None:
    """Wait until the library is listed and the search index is up to date."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReadingScreen)
    waited = 0.0
    while screen.indexing and waited < timeout:
        await pilot.pause(0.05)
        waited += 0.05
    assert not screen.indexing, "the search index was never ready"
    await settle(pilot)
