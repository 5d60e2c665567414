"""The letter list: every letter newest first, a filter box, and a loading bar.

A `DataTable` draws only the rows on screen, so 10,000 letters fill it in well under a second.
The list posts `LetterList.Opened` when the user opens a row; the screen decides what opening
means. Files that failed to parse stay in the list, marked, with their error as the sender.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, ProgressBar, Static

from briefreader.library import Entry

TITLE_CELLS = 64
CHUNK = 500  # rows added between two frames while filling
SENDER_CELLS = 34
KIND_CELLS = 8


def _cut(text: str | None, cells: int) -> str:
    text = text or ""
    return text if len(text) <= cells else text[: cells - 1] + "…"


def matches(entry: Entry, words: Sequence[str]) -> bool:
    """Whether every filter word occurs in the entry's title, sender, kind or date."""
    date = entry.date.isoformat() if entry.date else ""
    haystack = f"{entry.title} {entry.sender or ''} {entry.kind} {date} {entry.path.name}".lower()
    return all(word in haystack for word in words)


class LetterTable(DataTable[str | Text]):
    """The rows of the letter list, with reader-style keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open letter", id="list.open"),
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "scroll_top", "First letter", show=False, id="list.top"),
        Binding("G", "scroll_bottom", "Last letter", show=False, id="list.bottom"),
    ]


class LetterList(Vertical):
    """Filter box over the table of letters."""

    class Opened(Message):
        """The user opened the letter with this entry."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self._by_id: dict[str, Entry] = {}
        self._wanted: str | None = None  # the letter the cursor should be on

    def compose(self) -> ComposeResult:
        """Filter box, loading bar, table."""
        yield Input(placeholder="f: filter by title, sender, date", id="filter")
        yield ProgressBar(id="loading", show_eta=False)
        yield Static("loading letters…", id="list-status", markup=False)
        table = LetterTable(id="letters", cursor_type="row", zebra_stripes=True)
        table.add_column("Date", width=10, key="date")
        # fixed widths: measuring 10,000 rows for auto widths would cost startup time
        table.add_column("Title", width=TITLE_CELLS, key="title")
        table.add_column("Sender", width=SENDER_CELLS, key="sender")
        table.add_column("Kind", width=KIND_CELLS, key="kind")
        yield table

    @property
    def table(self) -> LetterTable:
        """The table of rows."""
        return self.query_one(LetterTable)

    def progress(self, done: int, total: int) -> None:
        """Show how far loading has come."""
        self.query_one(ProgressBar).update(total=total, progress=done)

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Replace the letters in the list (loading is done)."""
        self.entries = list(entries)
        self._by_id = {e.id: e for e in self.entries}
        self.add_class("-loaded")
        self._fill(self.query_one(Input).value)

    def _fill(self, query: str) -> None:
        self.run_worker(self._fill_rows(query), exclusive=True, group="fill")

    async def _fill_rows(self, query: str) -> None:
        """Fill the table in chunks, so 10,000 rows never hold a frame back for long."""
        words = query.lower().split()
        current = self.current
        if current is not None:  # keep the highlighted letter under the cursor
            self._wanted = current.id
        shown = [e for e in self.entries if matches(e, words)] if words else self.entries
        table = self.table
        table.clear()
        self.shown = shown
        for start in range(0, len(shown), CHUNK):
            for entry in shown[start : start + CHUNK]:
                table.add_row(*_row(entry), key=entry.id)
            await asyncio.sleep(0)  # let a frame out between chunks
        total = len(self.entries)
        if not words:
            status = f"{total} letter{'s' if total != 1 else ''}"
        elif shown:
            status = f"{len(shown)} of {total} letters match {query.strip()!r}"
        else:
            status = f"no letter matches {query.strip()!r} (esc clears the filter)"
        self.query_one("#list-status", Static).update(status)
        if self._wanted is not None:
            self.select(self._wanted)

    @property
    def current(self) -> Entry | None:
        """The entry under the cursor."""
        if not self.shown or self.table.cursor_row >= len(self.shown):
            return None
        return self.shown[self.table.cursor_row]

    def select(self, letter_id: str) -> None:
        """Move the cursor to the row of this letter, if it is shown (now or once filled)."""
        self._wanted = letter_id
        try:
            row = self.table.get_row_index(letter_id)
        except Exception:  # not shown under the current filter
            return
        self.table.move_cursor(row=row, animate=False)

    def focus_filter(self) -> None:
        """Put the focus in the filter box."""
        self.query_one(Input).focus()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        """`down` or `escape` in the filter box go back to the rows."""
        if not isinstance(self.screen.focused, Input):
            return
        if event.key == "down":
            self.table.focus()
            event.stop()
        elif event.key == "escape":
            self.query_one(Input).value = ""
            self.table.focus()
            event.stop()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Open the letter under the cursor."""
        entry = self.current
        if entry is not None:
            self.post_message(self.Opened(entry))


def _row(entry: Entry) -> tuple[str | Text, ...]:
    date = entry.date.isoformat() if entry.date else "—"
    if entry.error:
        return (
            Text(date),
            Text(f"⚠ {_cut(entry.path.name, TITLE_CELLS - 2)}", "bold red"),
            Text(_cut(entry.error, SENDER_CELLS), "red"),
            Text("error", "red"),
        )
    return (date, _cut(entry.title, TITLE_CELLS), _cut(entry.sender, SENDER_CELLS), entry.kind)
