"""Reading state for the reader: where the user was in each letter, and which letter was open.

A position is kept as section + paragraph + a short quote of the paragraph, never as a screen
row, so it survives a new terminal width. Positions are keyed by letter id and also by the
letter's official identifier and path (`notes.reading`), so a corrected letter (a new id,
the same document) opens where the user left it: the quote finds the paragraph again.
"""

from __future__ import annotations

from briefreader.errors import UserError
from briefreader.library import Entry, Library
from briefreader.model import Letter
from briefreader.notes import Store
from briefreader.notes.reading import last_read, reading_position, save_reading_position

THEME = "theme"


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
