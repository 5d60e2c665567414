"""The note dialogs as flows a worker awaits: write a note, edit or delete one, ask first.

Dialogs return, callers persist: each flow pushes a dialog with `push_screen_wait`, saves what
it returned off the main thread, and says how it went. A save that fails (a read-only or full
data dir) is reported and the dialog comes back with the user's text, so nothing typed is
lost. The reader and the notes view both use these flows, so `c` behaves the same in both.
Call them from a worker (`@work`): `push_screen_wait` must not block a handler.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from textual.app import App

from briefreader.model import Letter
from briefreader.notes import Annotation, Store, anchor_for
from briefreader.ui.notework import where
from briefreader.ui.screens.annotate import AnnotateScreen
from briefreader.ui.screens.confirm import ConfirmScreen
from briefreader.ui.state import STORE_ERRORS
from briefreader.ui.writes import in_writer

Edited = Literal["saved", "deleted"]


@dataclass(frozen=True, slots=True)
class Here:
    """A paragraph of a letter: the one a new note quotes, or where `r` re-attaches one."""

    letter: Letter
    section: int
    paragraph: int

    @property
    def text(self) -> str:
        """The paragraph's text."""
        return self.letter.sections[self.section].paragraphs[self.paragraph].text

    @property
    def where(self) -> str:
        """Letter and section, as the dialogs name them."""
        section = self.letter.sections[self.section].title
        return f"{self.letter.title} · § {section or 'Opening'}"


def notes_at(notes: Sequence[Annotation], here: Here | None) -> list[Annotation]:
    """The attached notes on passage `here`."""
    if here is None:
        return []
    return [a for a in notes if not a.detached and where(a) == (here.section, here.paragraph)]


async def confirm(app: App[Any], question: str, detail: str) -> bool:
    """Ask a yes/no question; True for yes."""
    yes: bool = await app.push_screen_wait(ConfirmScreen(question, detail))
    return yes


async def write_note(
    app: App[Any], store: Store, here: Here, quote: str | None, near: int = 0
) -> bool:
    """The dialog for a new note on `here` (on `quote`, else the whole paragraph), until it
    is saved (True) or cancelled (False)."""
    section = here.letter.sections[here.section].title
    note, error = "", None
    tags: Sequence[str] = ()
    while True:
        dialog = AnnotateScreen(
            here.where, here.text, quote=quote, note=note, tags=tags, error=error, near=near
        )
        draft = await app.push_screen_wait(dialog)
        if draft is None:
            return False
        anchor = anchor_for(here.letter, here.section, here.paragraph, draft.start, draft.end)
        try:
            await in_writer(store.add, anchor, draft.note, draft.tags, here.letter.title, section)
        except STORE_ERRORS as exc:
            app.notify(f"Not saved: {exc}", severity="error", timeout=12)
            quote, note, tags, near = anchor.quote, draft.note, draft.tags, anchor.start
            error = f"Not saved: {exc}"
            continue
        app.notify("Note saved")
        return True


async def edit_note(app: App[Any], store: Store, a: Annotation) -> Edited | None:
    """The dialog that edits (or, after asking, deletes) note `a`, until it is saved or
    deleted (which of the two) or cancelled (None)."""
    note, tags, error = a.note, a.tags, None
    while True:
        draft = await app.push_screen_wait(AnnotateScreen.for_note(a, note, tags, error))
        if draft is None:
            return None
        if draft.delete:
            return "deleted" if await delete_note(app, store, a) else None
        try:
            await in_writer(store.update, a.id, draft.note, draft.tags)
        except STORE_ERRORS as exc:
            app.notify(f"Not saved: {exc}", severity="error", timeout=12)
            note, tags, error = draft.note, draft.tags, f"Not saved: {exc}"
            continue
        app.notify("Note saved")
        return "saved"


async def delete_note(app: App[Any], store: Store, a: Annotation) -> bool:
    """Delete note `a` (the user has confirmed); whether it went."""
    try:
        await in_writer(store.delete, a.id)
    except STORE_ERRORS as exc:
        app.notify(f"Not deleted: {exc}", severity="error", timeout=12)
        return False
    app.notify("Note deleted")
    return True
