"""The notes view: every annotation (letter, section, quote, note, tags), filterable.

Type in the filter to narrow by words (quote, note, tags, titles) and `#tag`; `enter` closes
the view with a `Jump` to the passage, which the reader opens. Annotations whose passage is
not in the current letter text are listed apart, below the others; `r` re-attaches one to
the passage under the reader's cursor. `c` edits a note and `d` deletes one (after asking);
these are the reader's own dialog flows (`note_dialogs`), awaited in workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static

from briefreader.errors import UserError
from briefreader.library import Library
from briefreader.model import Letter
from briefreader.notes import Annotation, Store, anchor_for, passage_now
from briefreader.ui.note_dialogs import Here, confirm, delete_note, edit_note
from briefreader.ui.notework import quote_span
from briefreader.ui.screens.annotate import AnnotateScreen
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.state import STORE_ERRORS
from briefreader.ui.widgets.notes_list import FilterKeys, NotesList, cut, filter_keys, fits
from briefreader.ui.writes import in_writer


@dataclass(frozen=True, slots=True)
class Jump:
    """Where the reader should go: a passage of a letter (`detached`: only near it)."""

    letter_id: str
    section: int
    paragraph: int
    detached: bool = False


def changed_passages(library: Library, notes: Sequence[Annotation]) -> dict[int, str]:
    """Per note whose letter was corrected at its passage: what the passage says now (the
    note keeps the quote it was made on). Reads each letter with notes once."""
    out: dict[int, str] = {}
    letters: dict[str, Letter | None] = {}
    for a in notes:
        x = a.anchor.letter_id
        if x not in letters:
            try:
                letters[x] = library.letter(x) if library.entry(x) else None
            except (UserError, KeyError, OSError):
                letters[x] = None
        now = passage_now(a, letters[x])
        if now is not None:
            out[a.id] = now
    return out


class NotesScreen(Screen[Jump | None]):
    """Every annotation; `enter` jumps to one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "jump", "Go to passage", show=False, id="notes.jump"),
        Binding("c", "edit", "Edit", id="notes.edit"),
        Binding("d", "delete", "Delete", id="notes.delete"),
        Binding("r", "reattach", "Re-attach", id="notes.reattach"),
        Binding("f,slash", "filter", "Filter", id="notes.filter"),
        Binding("j", "move(1)", "Down", show=False, id="notes.down"),
        Binding("k", "move(-1)", "Up", show=False, id="notes.up"),
        Binding("escape,m", "close", "Back", id="notes.close"),
    ]

    def __init__(self, store: Store, here: Here | None, library: Library | None = None) -> None:
        super().__init__()
        self.store = store
        self.here = here
        self.library = library  # to tell which notes' passages were corrected since
        self.changed: dict[int, str] = {}  # annotation id -> what its passage says now
        self.all: list[Annotation] = []
        self.shown: list[Annotation] = []  # what the list holds, in its order
        self._keys: dict[int, FilterKeys] = {}

    def compose(self) -> ComposeResult:
        """Filter, tags in use, the list."""
        yield Static("Notes", id="notes-title")
        yield Input(placeholder="Filter: words, #tag", id="notes-filter")
        yield Static("", id="notes-tags", markup=False)
        yield NotesList(id="notes-list")
        yield Footer()

    def on_mount(self) -> None:
        """Load the notes (in a thread: it reads the database)."""
        self.query_one(OptionList).focus()
        self.reload()

    @work(thread=True, exclusive=True, group="load")
    def reload(self, keep: int | None = None) -> None:
        """Read every annotation again and show them, keeping the cursor on `keep`."""
        try:
            rows = self.store.annotations()
        except STORE_ERRORS as exc:
            self.app.call_from_thread(self.notify, f"Notes: {exc}", severity="error", timeout=12)
            return
        changed = changed_passages(self.library, rows) if self.library else {}
        self.app.call_from_thread(self._loaded, rows, keep, changed)

    def _loaded(self, rows: list[Annotation], keep: int | None, changed: dict[int, str]) -> None:
        self.all = rows
        self.changed = changed
        self._keys = {a.id: filter_keys(a) for a in rows}
        tags = sorted({t for a in rows for t in a.tags}, key=str.casefold)
        self.query_one("#notes-tags", Static).update(
            "Tags: " + " ".join(f"#{t}" for t in tags) if tags else "No tags yet"
        )
        self._show(keep)

    def _show(self, keep: int | None = None) -> None:
        query = self.query_one("#notes-filter", Input).value
        words = query.casefold().split()
        found = [a for a in self.all if fits(self._keys[a.id], words)]
        apart = sum(a.detached for a in found)
        empty = "No notes match the filter." if self.all else self._no_notes()
        self.shown = self.query_one(NotesList).fill(found, empty, keep, self.changed)
        counted = f"Notes: {len(found)} of {len(self.all)}" if query else "Notes"
        moved = sum(a.id in self.changed for a in found)
        odd = [f"{apart} detached" if apart else "", f"{moved} changed" if moved else ""]
        odd_text = ", ".join(x for x in odd if x)
        self.query_one("#notes-title", Static).update(
            f"{counted}  ({odd_text})" if odd_text else counted
        )

    def _no_notes(self) -> str:
        return "No notes yet. In the reader, a annotates the passage under the cursor."

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self) -> None:
        self._show()

    @on(Input.Submitted, "#notes-filter")
    def _filter_done(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    @property
    def current(self) -> Annotation | None:
        """The highlighted annotation."""
        notes = self.query_one(OptionList)
        if notes.highlighted is None:
            return None
        option_id = notes.get_option_at_index(notes.highlighted).id
        return next((a for a in self.shown if str(a.id) == option_id), None)

    # -- actions -------------------------------------------------------------------------

    def action_jump(self) -> None:
        """Close the view and go to the highlighted note's passage."""
        a = self.current
        if a is not None:
            x = a.anchor
            self.dismiss(Jump(x.letter_id, x.section_index, x.paragraph_index, a.detached))

    def action_move(self, delta: int) -> None:
        """Move the list cursor."""
        notes = self.query_one(OptionList)
        if delta > 0:
            notes.action_cursor_down()
        else:
            notes.action_cursor_up()

    def action_filter(self) -> None:
        """Type to filter."""
        self.query_one("#notes-filter", Input).focus()

    def action_close(self) -> None:
        """Leave the filter, else go back to the reader."""
        if isinstance(self.focused, Input):
            self.query_one(OptionList).focus()
        else:
            self.dismiss(None)

    def action_help(self) -> None:
        """Show the keys of this view and of the note dialog."""
        groups = [
            ("Notes view", [*NotesList.BINDINGS, *self.BINDINGS]),
            ("Note dialog", AnnotateScreen.BINDINGS),
            ("Everywhere", self.app.BINDINGS),
        ]
        self.app.push_screen(HelpScreen(groups))

    def _writable(self) -> bool:
        if self.store.read_only:
            why = self.store.warning or "the notes database is read-only"
            self.notify(f"Notes cannot be changed: {why}", severity="error", timeout=12)
            return False
        return True

    @work(group="dialog")
    async def action_edit(self) -> None:
        """Edit the highlighted note (its quote stays)."""
        a = self.current
        if a is None or not self._writable():
            return
        edited = await edit_note(self.app, self.store, a)
        if edited is not None:
            self.reload(a.id if edited == "saved" else None)

    @work(group="dialog")
    async def action_delete(self) -> None:
        """Delete the highlighted note, after asking."""
        a = self.current
        if a is None or not self._writable():
            return
        detail = cut(a.note, 200) or f"“{cut(a.anchor.quote, 200)}”"
        if await confirm(self.app, "Delete this note?", detail) and await delete_note(
            self.app, self.store, a
        ):
            self.reload()

    @work(group="dialog")
    async def action_reattach(self) -> None:
        """Re-attach the highlighted detached note to the reader's passage, after asking."""
        a, here = self.current, self.here
        if a is None:
            return
        if not a.detached:
            self.notify("Only a detached note is re-attached; this one has its passage.")
            return
        if here is None:
            self.notify(
                "Put the reader's cursor on a paragraph first, then come back with m.",
                severity="warning",
            )
            return
        if not self._writable():
            return
        detail = f"{here.where}\n“{cut(here.text, 200)}”"
        if not await confirm(self.app, "Re-attach this note to:", detail):
            return
        # Keep the old quote where the paragraph still holds it; else quote the paragraph.
        span = quote_span(here.text, a.anchor.quote)
        start, end = span if span is not None else (None, None)
        anchor = anchor_for(here.letter, here.section, here.paragraph, start, end)
        title = here.letter.sections[here.section].title
        try:
            await in_writer(
                self.store.reattach, a.id, anchor, letter_title=here.letter.title,
                section_title=title,
            )  # fmt: skip
        except STORE_ERRORS as exc:
            self.notify(f"Not re-attached: {exc}", severity="error", timeout=12)
            return
        self.notify("Note re-attached")
        self.reload(a.id)
