"""Reading state for the reader: where the user was in each letter, and which letter was open.

A position is kept as section + paragraph + a short quote of the paragraph, never as a screen
row, so it survives a new terminal width. Positions are keyed by letter id and also by the
letter's official identifier and path (`notes.reading`), so a corrected letter (a new id,
the same document) opens where the user left it: the quote finds the paragraph again.
`PositionWriter` writes the cursor's place once it rests; `STORE_ERRORS` is what a store call
made in a thread may raise.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.timer import Timer

from briefreader.errors import UserError
from briefreader.library import Entry, Library
from briefreader.notes import Store
from briefreader.notes.reading import last_read, reading_position, save_reading_position

if TYPE_CHECKING:
    from briefreader.model import Letter

THEME = "theme"
SAVE_DELAY = 0.5  # seconds of stillness before the reading position is written
# what a store call in a thread may raise: a read-only or full data dir, a vanished note
STORE_ERRORS = (UserError, ValueError, KeyError, OSError)


class ReadingState:
    """The reader's view of the store: positions and settings; store trouble never raises.

    A write that fails (a read-only or damaged store) is reported once through `problem`
    and the reader goes on without saving.
    """

    def __init__(self, store: Store | None) -> None:
        self.store = store
        self.problem: str | None = None
        self._reported = False

    def _failed(self, exc: UserError) -> None:
        self.problem = str(exc)

    def take_problem(self) -> str | None:
        """The first failure to report to the user (once), else None."""
        if self.problem is None or self._reported:
            return None
        self._reported = True
        return self.problem

    def position(self, letter: Letter) -> tuple[int, int]:
        """Where the user left `letter` (the start when never opened)."""
        if self.store is None:
            return (0, 0)
        try:
            return reading_position(self.store, letter)
        except UserError as exc:
            self._failed(exc)
            return (0, 0)

    def last_read(self, library: Library) -> Entry | None:
        """The library's letter read last (also when it was corrected since), if any."""
        if self.store is None:
            return None
        try:
            return last_read(self.store, library)
        except UserError as exc:
            self._failed(exc)
            return None

    def save(self, letter: Letter, section: int, paragraph: int) -> None:
        """Remember the cursor place in `letter`, and that it was the letter open last."""
        if self.store is None:
            return
        try:
            save_reading_position(self.store, letter, section, paragraph)
        except UserError as exc:
            self._failed(exc)

    def setting(self, key: str) -> str | None:
        """A stored setting."""
        if self.store is None:
            return None
        try:
            return self.store.setting(key)
        except UserError as exc:
            self._failed(exc)
            return None

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting."""
        if self.store is None:
            return
        try:
            self.store.set_setting(key, value)
        except UserError as exc:
            self._failed(exc)


class PositionWriter:
    """Writes the cursor's place in the open letter once it rests (`SAVE_DELAY`), and at
    once (`flush`) when another letter opens or the screen closes."""

    def __init__(self, screen: Screen[None], state: ReadingState) -> None:
        self.screen = screen
        self.state = state
        self._pending: tuple[Letter, int, int] | None = None  # a reading position to write
        self._timer: Timer | None = None

    def moved(self, letter: Letter, section: int, paragraph: int) -> None:
        """The cursor is now on `(section, paragraph)` of `letter`."""
        self._pending = (letter, section, paragraph)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.screen.set_timer(SAVE_DELAY, lambda: self.flush(in_thread=True))

    def flush(self, in_thread: bool = False) -> None:
        """Write the pending reading position (on a timer, on switching letters, on exit)."""
        if self._pending is None:
            return
        letter, section, paragraph = self._pending
        self._pending = None
        if in_thread:  # another briefreader may hold the database for a moment
            save = partial(self.state.save, letter, section, paragraph)
            self.screen.run_worker(save, thread=True, group="save")
        else:
            self.state.save(letter, section, paragraph)
        problem = self.state.take_problem()
        if problem:
            self.screen.notify(f"{problem}; reading positions are not saved", severity="warning")
