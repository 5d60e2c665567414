"""The notes view: every annotation (letter, section, quote, note, tags), filterable.

Type in the filter to narrow by words (quote, note, tags, titles) and `#tag`; `enter` closes
the view with a `Jump` to the passage, which the reader opens. Annotations whose passage is
not in the current letter text are listed apart, below the others; `r` re-attaches one to
the passage under the reader's cursor. `c` edits a note and `d` deletes one (after asking);
these save in thread workers like the reader's own dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static

from briefreader.model import Letter
from briefreader.notes import Annotation, Store, anchor_for
from briefreader.ui.notework import NoteDraft, in_thread, quote_span
from briefreader.ui.screens.annotate import AnnotateScreen
from briefreader.ui.screens.confirm import ConfirmScreen
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.widgets.notes_list import FilterKeys, NotesList, cut, filter_keys, fits


@dataclass(frozen=True, slots=True)
class Jump:
    """Where the reader should go: a passage of a letter (`detached`: only near it)."""

    letter_id: str
    section: int
    paragraph: int
    detached: bool = False


@dataclass(frozen=True, slots=True)
class Here:
    """The passage under the reader's cursor, where `r` re-attaches a note."""

    letter: Letter
    section: int
    paragraph: int

    @property
    def text(self) -> str:
        """The paragraph's text."""
        return self.letter.sections[self.section].paragraphs[self.paragraph].text


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

    def __init__(self, store: Store, here: Here | None) -> None:
        super().__init__()
        self.store = store
        self.here = here
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

    def reload(self, keep: int | None = None) -> None:
        """Read every annotation again and show them, keeping the cursor on `keep`."""
        in_thread(self, self.store.annotations, lambda rows: self._loaded(rows, keep), "Notes")

    def _loaded(self, rows: list[Annotation], keep: int | None) -> None:
        self.all = rows
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
        self.shown = self.query_one(NotesList).fill(found, empty, keep)
        counted = f"Notes: {len(found)} of {len(self.all)}" if query else "Notes"
        self.query_one("#notes-title", Static).update(
            f"{counted}  ({apart} detached)" if apart else counted
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

    def action_edit(self) -> None:
        """Edit the highlighted note (its quote stays)."""
        a = self.current
        if a is not None and self._writable():
            self._edit(a, a.note, a.tags, None)

    def _edit(self, a: Annotation, note: str, tags: Sequence[str], error: str | None) -> None:
        dialog = AnnotateScreen.for_note(a, note, tags, error)

        def done(draft: NoteDraft | None) -> None:
            if draft is None:
                return
            if draft.delete:
                self._delete_now(a)
                return
            in_thread(
                self,
                lambda: self.store.update(a.id, draft.note, draft.tags),
                lambda new: self._saved(new.id, "Note saved"),
                "Not saved",
                lambda why: self._edit(a, draft.note, draft.tags, f"Not saved: {why}"),
            )

        self.app.push_screen(dialog, done)

    def _saved(self, keep: int | None, message: str) -> None:
        self.notify(message)
        self.reload(keep)

    def action_delete(self) -> None:
        """Delete the highlighted note, after asking."""
        a = self.current
        if a is None or not self._writable():
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete_now(a)

        detail = cut(a.note, 200) or f"“{cut(a.anchor.quote, 200)}”"
        self.app.push_screen(ConfirmScreen("Delete this note?", detail), answered)

    def _delete_now(self, a: Annotation) -> None:
        in_thread(
            self,
            lambda: self.store.delete(a.id),
            lambda _: self._saved(None, "Note deleted"),
            "Not deleted",
        )

    def action_reattach(self) -> None:
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
        section = here.letter.sections[here.section].title
        detail = f"{here.letter.title} · § {section or 'Opening'}\n“{cut(here.text, 200)}”"

        def answered(yes: bool | None) -> None:
            if yes:
                self._reattach_now(a, here)

        self.app.push_screen(ConfirmScreen("Re-attach this note to:", detail), answered)

    def _reattach_now(self, a: Annotation, here: Here) -> None:
        # Keep the old quote where the paragraph still holds it; else quote the paragraph.
        span = quote_span(here.text, a.anchor.quote)
        start, end = span if span is not None else (None, None)
        anchor = anchor_for(here.letter, here.section, here.paragraph, start, end)
        title = here.letter.sections[here.section].title
        in_thread(
            self,
            lambda: self.store.reattach(
                a.id, anchor, letter_title=here.letter.title, section_title=title
            ),
            lambda new: self._saved(new.id, "Note re-attached"),
            "Not re-attached",
        )
