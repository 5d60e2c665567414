"""The reader's side of annotations: marks in the letter, the note dialog, the notes view.

The reading screen owns one `ReaderNotes` and hands it its actions (`a`, `c`, `m`). When a
letter opens, its annotations are re-anchored in a thread (`notes.reanchor_letter`) and their
passages marked in the letter view. `a` quotes the text selected with the mouse when it lies
in one paragraph, else the paragraph under the cursor. The dialog returns a draft and this
class saves it in a thread worker; a save that fails (a read-only or full data dir) is
reported and the dialog comes back with the user's text, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefreader.errors import UserError
from briefreader.model import Letter
from briefreader.notes import Annotation, Store, anchor_for
from briefreader.notes import reanchor_letter as reanchor
from briefreader.ui.notework import NoteDraft, in_thread, quote_span, where
from briefreader.ui.screens.annotate import AnnotateScreen
from briefreader.ui.screens.notes import Here, Jump, NotesScreen
from briefreader.ui.widgets.letter_view import LetterView

# Footnote markers are drawn as superscript digits; they are not in the paragraph's text.
NO_MARKERS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")

if TYPE_CHECKING:
    from briefreader.ui.screens.reading import ReadingScreen


class ReaderNotes:
    """Annotations of the letter open in a reading screen, and the actions on them."""

    def __init__(self, screen: ReadingScreen) -> None:
        self.screen = screen
        self.notes: list[Annotation] = []  # the open letter's, detached ones included
        self._told_read_only = False

    @property
    def store(self) -> Store | None:
        """The annotation store (None when the reader runs without one)."""
        return self.screen.state.store

    @property
    def view(self) -> LetterView:
        """The screen's letter view."""
        return self.screen.query_one(LetterView)

    # -- marks ---------------------------------------------------------------------------

    def letter_opened(self, letter: Letter) -> None:
        """Re-anchor the new letter's annotations (in a thread), then mark their passages."""
        self.notes = []
        self.view.mark_notes(())
        store = self.store
        if store is None:
            return
        library = self.screen.library

        def job() -> tuple[list[Annotation], str | None]:
            known = {e.id for e in library.entries() if not e.error}
            try:
                return reanchor(store, letter, known), None
            except UserError as exc:  # read-only: show them where they were stored
                return store.annotations(letter.id), str(exc)

        in_thread(self.screen, job, lambda r: self._marked(letter, *r), "Notes not loaded")

    def _marked(self, letter: Letter, rows: Sequence[Annotation], problem: str | None) -> None:
        if self.screen.letter is not letter:
            return  # another letter was opened meanwhile
        self.notes = [a for a in rows if a.anchor.letter_id == letter.id]
        self.view.mark_notes(where(a) for a in self.notes if not a.detached)
        if problem and not self._told_read_only:
            self._told_read_only = True
            self.screen.notify(f"Notes not re-anchored: {problem}", severity="warning")

    def refresh(self) -> None:
        """Read the open letter's annotations again and redraw the marks."""
        letter, store = self.screen.letter, self.store
        if letter is None or store is None:
            return
        in_thread(
            self.screen,
            lambda: store.annotations(letter.id),
            lambda rows: self._marked(letter, rows, None),
            "Notes not loaded",
        )

    # -- the dialog ----------------------------------------------------------------------

    def _here(self) -> Here | None:
        letter, place = self.screen.letter, self.view.place
        if letter is None or place is None or place.paragraph < 0:
            return None
        return Here(letter, place.section, place.paragraph)

    def _writable(self) -> Store | None:
        store = self.store
        if store is None or store.read_only:
            why = store.warning if store is not None else "no notes database"
            self.screen.notify(f"Notes cannot be saved: {why}", severity="error", timeout=12)
            return None
        return store

    def annotate(self) -> None:
        """Open the dialog for a new note: on the text selected with the mouse when it lies
        in one paragraph, else on the paragraph under the cursor."""
        here, quote, near = self._selected()
        here = here or self._here()
        if here is None:
            self.screen.notify(
                "Move the cursor to a paragraph to annotate it (a heading has no text)."
            )
            return
        if self._writable() is not None:
            self._annotate(here, quote, "", (), None, near)

    def _selected(self) -> tuple[Here | None, str | None, int]:
        """The paragraph where the mouse selection starts (the cursor goes there), the
        selected text if it lies within that paragraph, and where in it the selection starts."""
        view, letter = self.view, self.screen.letter
        selection = self.screen.selections.get(view)
        layout = view.layout_
        if selection is None or letter is None or layout is None or selection.start is None:
            return None, None, 0
        got = view.get_selection(selection)
        y = selection.start.y
        owner = layout.owners[y] if y < len(layout.owners) else -1
        if got is None or owner < 0 or layout.passages[owner].paragraph < 0:
            return None, None, 0
        p = layout.passages[owner]
        here = Here(letter, p.section, p.paragraph)
        quote = " ".join(got[0].translate(NO_MARKERS).split())
        lines = [line.plain for line in layout.lines[p.start : y]]
        before = " ".join([*lines, layout.lines[y].plain[: selection.start.x]])
        near = len(before.translate(NO_MARKERS))
        view.go_to(p.section, p.paragraph)
        if quote_span(here.text, quote, near) is None:
            self.screen.notify("The selection reaches past this paragraph: quoting all of it.")
            return here, None, 0
        return here, quote, near

    def _annotate(
        self,
        here: Here,
        quote: str | None,
        note: str,
        tags: Sequence[str],
        error: str | None,
        near: int = 0,
    ) -> None:
        store = self.store
        assert store is not None
        section = here.letter.sections[here.section].title

        def done(draft: NoteDraft | None) -> None:
            self.screen.clear_selection()
            if draft is None:
                return
            anchor = anchor_for(here.letter, here.section, here.paragraph, draft.start, draft.end)
            in_thread(
                self.screen,
                lambda: store.add(anchor, draft.note, draft.tags, here.letter.title, section),
                lambda a: self._saved("Note saved"),
                "Not saved",
                lambda why: self._annotate(
                    here, anchor.quote, draft.note, draft.tags, f"Not saved: {why}", anchor.start
                ),
            )

        where_text = f"{here.letter.title} · § {section or 'Opening'}"
        dialog = AnnotateScreen(
            where_text, here.text, quote=quote, note=note, tags=tags, error=error, near=near
        )
        self.screen.app.push_screen(dialog, done)

    def _saved(self, message: str) -> None:
        self.screen.notify(message)
        self.refresh()

    def edit(self) -> None:
        """Edit (or delete) the note on the passage under the cursor."""
        here = self._here()
        mine = [
            a
            for a in self.notes
            if not a.detached and here and where(a) == (here.section, here.paragraph)
        ]
        if here is None or not mine:
            self.screen.notify("No note on this passage: a adds one, m lists them all.")
            return
        if self._writable() is None:
            return
        if len(mine) > 1:
            self.screen.notify(
                f"{len(mine)} notes on this passage; editing the first (m lists all)."
            )
        self._edit(mine[0], mine[0].note, mine[0].tags, None)

    def _edit(self, a: Annotation, note: str, tags: Sequence[str], error: str | None) -> None:
        store = self.store
        assert store is not None

        def done(draft: NoteDraft | None) -> None:
            if draft is None:
                return
            if draft.delete:
                in_thread(
                    self.screen,
                    lambda: store.delete(a.id),
                    lambda _: self._saved("Note deleted"),
                    "Not deleted",
                )
                return
            in_thread(
                self.screen,
                lambda: store.update(a.id, draft.note, draft.tags),
                lambda _: self._saved("Note saved"),
                "Not saved",
                lambda why: self._edit(a, draft.note, draft.tags, f"Not saved: {why}"),
            )

        dialog = AnnotateScreen.for_note(a, note, tags, error)
        self.screen.app.push_screen(dialog, done)

    # -- the notes view ------------------------------------------------------------------

    def open_view(self) -> None:
        """Show the notes view; on `enter` go to the chosen passage."""
        store = self.store
        if store is None:
            self.screen.notify("There is no notes database.", severity="error")
            return
        self.screen.app.push_screen(NotesScreen(store, self._here()), self._back)

    def _back(self, jump: Jump | None) -> None:
        self.refresh()
        if jump is not None:
            self.go(jump)

    def go(self, jump: Jump) -> None:
        """Open the jump's letter (unless it is open) with the cursor on its passage."""
        if jump.detached:
            self.screen.notify(
                "This note's passage is not in the letter's current text; showing where it was.",
                severity="warning",
            )
        letter = self.screen.letter
        if letter is not None and letter.id == jump.letter_id:
            self.view.go_to(jump.section, jump.paragraph)
            self.view.focus()
            return
        entry = self.screen.library.entry(jump.letter_id)
        if entry is None or entry.error:
            self.screen.notify("This note's letter is not in the library now.", severity="warning")
            return
        self.screen.open_at(jump.letter_id, (jump.section, jump.paragraph))
