"""The letter list: every letter newest first, a filter box, a status line, a loading bar.

The list shows at once the rows the last scan left in the cache (`Library.last_known`: the
newest few hundred, and how many letters there were), then scans its library in a thread
worker (the bar shows how far it got), shows every row and posts `LetterList.Loaded`. The
rows are a line-drawn `LetterTable`, so 10,000 letters show as fast as five. The list posts
`LetterList.Opened` when the user opens a row; the screen decides what opening means. Files
that failed to parse stay in the list, marked ⚠, with their error in the sender column.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, ProgressBar, Static

from briefreader.errors import UserError
from briefreader.library import Entry, Library
from briefreader.ui.kinds import kind_label
from briefreader.ui.widgets.letter_table import LetterTable
from briefreader.ui.workers import Stopped, checkpoint, counted


def haystack(entry: Entry) -> str:
    """What the filter looks in: title, sender, kind, date, file name and the document's
    identity (citation, number, dossier also without its spaces, official id), lower case."""
    date = entry.date.isoformat() if entry.date else ""
    dossier = entry.dossier or ""
    parts = [
        entry.title,
        entry.sender or "",
        entry.kind,
        kind_label(entry.kind),
        date,
        entry.path.name,
        entry.citation or "",
        f"nr. {entry.number}" if entry.number else "",
        dossier,
        dossier.replace(" ", ""),
        entry.identifier or "",
    ]
    return " ".join(parts).lower()


def matches(entry: Entry, words: Sequence[str]) -> bool:
    """Whether every filter word occurs in the entry (`haystack`)."""
    text = haystack(entry)
    return all(word in text for word in words)


class LetterList(Vertical):
    """Filter box, status, column headings and the table of letters."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # in the filter box: back to the rows (escape also clears the filter)
        Binding("down", "to_rows", show=False, id="filter.to_rows"),
        Binding("escape", "clear_filter", show=False, id="filter.clear"),
    ]

    class Loaded(Message):
        """The library is listed (`entries`: every letter, broken files included)."""

        def __init__(self, entries: Sequence[Entry]) -> None:
            super().__init__()
            self.entries = entries

    class Opened(Message):
        """The user opened the letter with this entry."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self._query = ""
        self._known: int | None = None  # how many letters, while the last known rows show

    def compose(self) -> ComposeResult:
        """Filter box, loading bar, status, rows."""
        yield Input(
            placeholder="f: filter by title, number, dossier, kind, year, file name", id="filter"
        )
        yield ProgressBar(id="loading", show_eta=False)
        yield Static("loading letters…", id="list-status", markup=False)
        yield LetterTable(id="letters")

    @property
    def table(self) -> LetterTable:
        """The table of rows."""
        return self.query_one(LetterTable)

    def on_mount(self) -> None:
        """Show the rows the last scan found (in the first frame), then list the library."""
        known = self.library.last_known()  # 500 rows from one table: a few milliseconds
        if known is not None:  # the first frame need not wait for a scan of every file
            self.show_known(*known)
        self.scan()

    @work(thread=True, exclusive=True, group="scan")
    def scan(self) -> None:
        """Read the library (parsing what the cache lacks) and show its letters."""
        bar = self.query_one(ProgressBar)
        status = self.query_one("#list-status", Static)
        since = time.monotonic()

        def progress(done: int, total: int) -> None:
            checkpoint()
            self.app.call_from_thread(bar.update, total=total, progress=done)
            line = counted("parsing letters", done, total, since)
            self.app.call_from_thread(status.update, line)

        try:
            entries = self.library.scan(progress=progress)
        except Stopped:
            return
        except (UserError, OSError) as exc:  # e.g. a folder that cannot be read
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            entries = []
        self.app.call_from_thread(self.set_entries, entries)

    def show_known(self, count: int, entries: Sequence[Entry]) -> None:
        """Show the first rows of the list as the last scan found them, while this one
        checks (the filter looks in these until it ends)."""
        if self.has_class("-loaded"):
            return  # the scan was quicker
        self.entries = list(entries)
        self._known = count
        self._fill(self._query)

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Replace the letters in the list (loading is done) and say so; files that could
        not be read are reported (and marked ⚠ in the list)."""
        self.entries = list(entries)
        self._known = None
        self.add_class("-loaded")
        self._fill(self._query)
        broken = [e for e in entries if e.error]
        if broken:
            lines = [f"{e.path.name}: {e.error}" for e in broken[:5]]
            more = f"\n… and {len(broken) - 5} more (marked ⚠ in the list)" * (len(broken) > 5)
            self.notify(
                "\n".join(lines) + more,
                title=f"{len(broken)} file(s) could not be read",
                severity="error",
                timeout=10,
            )
        self.post_message(self.Loaded(self.entries))

    def _fill(self, query: str) -> None:
        self._query = query
        words = query.lower().split()
        current = self.current
        self.shown = [e for e in self.entries if matches(e, words)] if words else self.entries
        self.table.set_rows(self.shown, self.entries)
        if current is not None:
            self.select(current.id)
        total = len(self.entries) if self._known is None else self._known
        if words and self._known is not None:  # only the rows shown so far were looked at
            status = f"{len(self.shown)} of the newest {len(self.entries)} letters match"
            status += f" {query.strip()!r} (listing all {total}…)"
        elif not words:
            status = f"{total} letter{'s' if total != 1 else ''}"
        elif self.shown:
            status = f"{len(self.shown)} of {total} letters match {query.strip()!r}"
        else:
            status = f"no letter matches {query.strip()!r} (esc clears the filter)"
        if self._known is not None:
            status += " (checking for changes…)"
        self.query_one("#list-status", Static).update(status)

    @property
    def current(self) -> Entry | None:
        """The entry under the cursor."""
        row = self.table.cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def select(self, letter_id: str) -> None:
        """Move the cursor to the row of this letter, if it is shown."""
        for row, entry in enumerate(self.shown):
            if entry.id == letter_id:
                self.table.move_cursor(row)
                return

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.set_focus(self.table)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The filter box's keys work in the filter box only (elsewhere they move or go back)."""
        if action in ("to_rows", "clear_filter"):
            return self.query_one(Input).has_focus
        return True

    def action_to_rows(self) -> None:
        """Back to the rows."""
        self.screen.set_focus(self.table)

    def action_clear_filter(self) -> None:
        """Clear the filter and go back to the rows."""
        self.query_one(Input).value = ""
        self.screen.set_focus(self.table)

    @on(LetterTable.Chosen)
    def _chosen(self, event: LetterTable.Chosen) -> None:
        event.stop()
        if 0 <= event.row < len(self.shown):
            self.post_message(self.Opened(self.shown[event.row]))
