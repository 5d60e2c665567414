"""The annotation dialog: the quoted passage, the note (several lines) and its tags.

`ctrl+s` returns a `NoteDraft`, `escape` returns None (after asking, when something was
typed); the caller saves (dialogs return,
callers persist). The quote is the text the user selected with the mouse in the reader, or
else the whole paragraph under the cursor; either way it can be narrowed here from the
keyboard: `ctrl+u` cuts everything before the cursor, `ctrl+k` everything after, or edit it
freely; on saving, the quote must still be a part of the paragraph as written (the occurrence
nearest where it was taken from, when a phrase occurs twice). When editing an existing note
the quote is fixed, and `ctrl+d` deletes the note after asking.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from briefreader.notes import Annotation
from briefreader.ui.notework import NoteDraft, parse_tags, quote_span, tags_text
from briefreader.ui.screens.confirm import ConfirmScreen


class QuoteArea(TextArea):
    """The quote being narrowed: cut keys that work on the whole text, not the screen line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+u", "cut_before", "Cut before cursor", show=False, id="quote.before"),
        Binding("ctrl+k", "cut_after", "Cut after cursor", show=False, id="quote.after"),
    ]

    def action_cut_before(self) -> None:
        """Delete the quote's text before the cursor."""
        if not self.read_only:
            self.delete((0, 0), self.cursor_location)

    def action_cut_after(self) -> None:
        """Delete the quote's text after the cursor."""
        if not self.read_only:
            self.delete(self.cursor_location, self.document.end)


class AnnotateScreen(ModalScreen[NoteDraft | None]):
    """Write or edit the note on one passage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
        Binding("ctrl+d", "delete", "Delete note", priority=True, id="note.delete"),
        # as soon as they arrive: the keys typed right behind them belong to the next field
        Binding("tab", "app.focus_next", show=False, priority=True, id="note.next"),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True, id="note.prev"),
    ]

    error: reactive[str] = reactive("", init=False)
    """The problem shown under the form: a save that failed, a quote not in the paragraph."""

    @classmethod
    def for_note(
        cls, a: Annotation, note: str, tags: Sequence[str], error: str | None
    ) -> AnnotateScreen:
        """The dialog that edits annotation `a` (its quote fixed), with this note and tags."""
        where = f"{a.letter_title} · § {a.section_title or 'Opening'}"
        return cls(
            where, a.anchor.quote, quote=a.anchor.quote, note=note, tags=tags, editing=True,
            error=error,
        )  # fmt: skip

    def __init__(
        self,
        where: str,
        paragraph: str,
        *,
        quote: str | None = None,
        note: str = "",
        tags: Sequence[str] = (),
        editing: bool = False,
        error: str | None = None,
        near: int = 0,
    ) -> None:
        """`where` names letter and section; `paragraph` is the passage's text. With
        `editing`, `quote` is the annotation's fixed quote; otherwise it pre-fills the
        quote to narrow (default: the whole paragraph). `error` is shown on opening (a
        save that failed: the user's text is back, to try again or copy). `near` is where in
        the paragraph the quote was taken from (a word may occur more than once)."""
        super().__init__()
        self.where = where
        self.paragraph = paragraph
        self.quote = paragraph if quote is None else quote
        self.note = note
        self.tags = tuple(tags)
        self.editing = editing
        self.set_reactive(AnnotateScreen.error, error or "")
        self.near = near

    def compose(self) -> ComposeResult:
        """Where, quote, note, tags, and a line for problems."""
        with Vertical(id="note-box") as box:
            box.border_title = "Edit note" if self.editing else "Annotate"
            keys = "ctrl+s save · ctrl+d delete · esc cancel"
            box.border_subtitle = keys if self.editing else "ctrl+s save · esc cancel"
            yield Static(self.where, id="note-where", markup=False)
            hint = (
                "" if self.editing else "  (narrow it: ctrl+u cuts before the cursor, ctrl+k after)"
            )
            yield Label(f"Quote{hint}", classes="note-label")
            yield QuoteArea(self.quote, id="note-quote", read_only=self.editing, soft_wrap=True)
            yield Label("Note", classes="note-label")
            yield TextArea(self.note, id="note-text", soft_wrap=True)
            yield Label("Tags, separated by commas", classes="note-label")
            yield Input(tags_text(self.tags), id="note-tags", placeholder="e.g. defensie, NAVO")
            yield Static(self.error, id="note-error", markup=False)

    def on_mount(self) -> None:
        """Start in the note, its cursor at the end."""
        self.set_class(bool(self.error), "-error")
        text = self.query_one("#note-text", TextArea)
        text.focus()
        text.move_cursor(text.document.end)

    def watch_error(self, error: str) -> None:
        """Show the problem (the line is hidden while there is none)."""
        self.query_one("#note-error", Static).update(error)
        self.set_class(bool(error), "-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """`enter` in the tags field saves, as people expect of a form's last field."""
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Check the quote and return the draft."""
        note = self.query_one("#note-text", TextArea).text.strip("\n")
        tags = parse_tags(self.query_one("#note-tags", Input).value)
        if self.editing:
            self.dismiss(NoteDraft(note, tags))
            return
        quote = self.query_one("#note-quote", QuoteArea).text
        span = quote_span(self.paragraph, quote, self.near)
        if span is None:
            self.error = "The quote must be a part of the paragraph as written (ctrl+z undoes)."
            self.query_one("#note-quote", QuoteArea).focus()
            return
        self.dismiss(NoteDraft(note, tags, span[0], span[1]))

    def typed(self) -> bool:
        """Whether the user changed anything since the dialog opened (note, tags, quote)."""
        note = self.query_one("#note-text", TextArea).text.strip("\n")
        tags = parse_tags(self.query_one("#note-tags", Input).value)
        quote = self.query_one("#note-quote", QuoteArea).text
        return note != self.note.strip("\n") or tuple(tags) != self.tags or quote != self.quote

    @work(group="dialog")
    async def action_cancel(self) -> None:
        """Close without saving; when something was typed, only after asking."""
        if self.typed():
            note = self.query_one("#note-text", TextArea).text.strip()
            question = ConfirmScreen("Discard what you typed?", note[:200] or "(your changes)")
            if not await self.app.push_screen_wait(question):
                return
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Deleting is for existing notes only."""
        if action == "delete":
            return self.editing
        return True

    @work(group="dialog")
    async def action_delete(self) -> None:
        """Ask, then return a deletion."""
        question = ConfirmScreen("Delete this note?", self.note[:200] or self.quote[:200])
        if await self.app.push_screen_wait(question):
            self.dismiss(NoteDraft("", (), delete=True))
