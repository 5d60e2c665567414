"""Helpers for the reader's pilot tests: run async scenarios, wait for a state, find parts."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from briefreader.ui.app import ReaderApp
from briefreader.ui.screens.reading import ReadingScreen
from briefreader.ui.widgets.letter_list import LetterList
from briefreader.ui.widgets.letter_view import LetterView
from briefreader.ui.widgets.search_bar import SearchBar
from briefreader.ui.widgets.toc import Toc

MakeApp = Callable[..., ReaderApp]
PATIENCE = 30.0  # seconds: generous, for a machine shared with other test runs


def pilot_test(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in its own event loop (no pytest async plugin needed)."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run


async def until(pilot: Pilot[Any], holds: Callable[[], object], what: str = "") -> None:
    """Let the app run until `holds()` is true; fail (saying `what` was awaited) if it
    never is. No fixed pauses: a state is waited for, however long the machine needs."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PATIENCE
    while not holds():
        if loop.time() > deadline:
            raise AssertionError(f"never came to pass: {what or holds}")
        await pilot.pause()
        await asyncio.sleep(0.01)  # let thread workers get on (pause alone may spin)


def _idle(app: App[Any]) -> bool:
    """Whether every worker is done, or waiting for the user: a dialog flow (group "dialog")
    whose dialog is up, on top of the screen that started it."""
    return all(
        w.is_finished or (w.group == "dialog" and w.node.screen is not app.screen)
        for w in app.workers
    )


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the app's work is done (or waits for the user) and the screen caught up."""
    await until(pilot, lambda: _idle(pilot.app), "the workers done")
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


async def listed(pilot: Pilot[Any]) -> None:
    """Wait until the library is listed (and the letter read last, if any, is open)."""
    app = pilot.app
    await until(pilot, lambda: app.screen.query("LetterList.-loaded"), "the list")
    await settle(pilot)


async def open_letter(pilot: Pilot[Any], title_start: str) -> None:
    """Move the list cursor down to the letter whose title starts so, and press enter."""
    await listed(pilot)
    _, letters, view, _ = parts(pilot.app)
    row = next(i for i, e in enumerate(letters.shown) if e.title.startswith(title_start))
    for _ in range(row):
        await pilot.press("j")
    await pilot.press("enter")
    await until(
        pilot,
        lambda: view.letter is not None and view.letter.title.startswith(title_start),
        f"the letter {title_start!r} open",
    )
    await settle(pilot)


async def search_ready(pilot: Pilot[Any]) -> SearchBar:
    """Wait until the library is listed and the search index is up to date."""
    await listed(pilot)
    bar = pilot.app.screen.query_one(SearchBar)
    await until(pilot, lambda: bar.index is not None, "the search index")
    await settle(pilot)
    return bar


async def searched(pilot: Pilot[Any], query: str) -> SearchBar:
    """Type `query` into the open search bar and wait until its hits are listed."""
    bar = pilot.app.screen.query_one(SearchBar)
    await pilot.press(*query)
    await until(pilot, lambda: bar.answered == (bar.query_text, bar.scope_all), query)
    await settle(pilot)
    return bar
