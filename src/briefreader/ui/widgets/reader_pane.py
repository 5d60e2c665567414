"""The reader pane: the open letter under its progress line, and what is done at the cursor.

The screen opens a letter here (`show`) and hands down the last search (`find_matches`,
`matches`); the pane marks the matches and the letter's notes (read and re-anchored in a
thread worker) and does what the keys ask of the passage under the cursor: step to the next
match or section, copy it, annotate it, edit its note (the dialogs awaited in workers). The
letter view's `Moved` messages pass through on their way to the screen; the pane only
updates the progress line from them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from briefreader.citing import letter_pages, quote_with_citation
from briefreader.errors import UserError
from briefreader.library import Entry, Library
from briefreader.links import passage_cites
from briefreader.model import Cite, Letter
from briefreader.notes import Annotation, Store, passage_now
from briefreader.notes import reanchor_letter as reanchor
from briefreader.search import Hit, search_letter
from briefreader.ui.clipboard import save_clip
from briefreader.ui.layout import Aside, Place
from briefreader.ui.link_flows import dossier_flow, follow_cites, letter_cited_by, related_flow
from briefreader.ui.matches import Matches
from briefreader.ui.note_dialogs import Here, edit_note, notes_at, write_note
from briefreader.ui.notework import quote_span, where
from briefreader.ui.state import STORE_ERRORS
from briefreader.ui.widgets.letter_view import LetterView
from briefreader.ui.widgets.toc import section_label


def where_line(letter: Letter, place: Place) -> str:
    """The progress line: section n of m with its name, percent through, letter title."""
    count = len(letter.sections)
    title = section_label(letter.sections[place.section].title) if count else ""
    return f"§ {place.section + 1}/{count} {title} │ {place.percent}% │ {letter.title}"


class ReaderPane(Vertical):
    """Progress line over the letter view; the open letter's notes and search matches."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "follow", "Follow reference", id="reader.follow"),
        Binding("i", "related('cited_by')", "Cited by", show=False, id="reader.cited_by"),
        Binding("D", "related('dossier')", "Dossier", show=False, id="reader.dossier"),
    ]

    matches: reactive[Matches] = reactive(Matches, init=False, always_update=True)
    """The last search's matches in the open letter: marked in the text, visited by n / N."""
    notes: reactive[tuple[Annotation, ...]] = reactive((), init=False)
    """The open letter's notes (detached ones too): the attached ones are marked ✎."""

    def __init__(
        self, store: Store | None, library: Library, cache_dir: Path, *, id: str | None = None
    ) -> None:
        """`store` holds the notes (None: no notes); `library` says which letters exist (for
        re-anchoring); `cache_dir` is where `y` also saves what it copies."""
        super().__init__(id=id)
        self.store = store
        self.library = library
        self.cache_dir = cache_dir
        self.letter: Letter | None = None
        self._told_read_only = False

    def compose(self) -> ComposeResult:
        """The progress line over the letter."""
        yield Static("", id="where", markup=False)
        yield LetterView(id="reader")

    @property
    def view(self) -> LetterView:
        """The letter view."""
        return self.query_one(LetterView)

    class Follow(Message):
        """The user followed a link to this library document: the screen opens it."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    def show(self, letter: Letter, at: tuple[int, int], centred: bool = False) -> None:
        """Show `letter` with the cursor on passage `at` (`centred`: mid-pane, as for a search
        hit or a note); the last query's matches and the letter's notes get marked, and the
        documents that cite it are named in its header."""
        self.letter = letter
        self.view.aside = Aside()
        self.view.show(letter, *at)
        self.find_citing(letter)
        if centred:
            self.view.go_to(*at)
        self.matches = Matches(self.matches.query)
        self.notes = ()
        if self.matches.query:
            self.find_matches(self.matches.query)
        self.load_notes(reanchoring=True)

    @work(thread=True, exclusive=True, group="citing")
    def find_citing(self, letter: Letter) -> None:
        """Find the library's documents that cite `letter` (every entry is looked at: off the
        main thread) and name them in its header."""
        citing = letter_cited_by(self.library, letter)
        cites = tuple(Cite(e.citation or e.title, e.identifier) for e in citing)
        if cites:
            self.app.call_from_thread(self._citing_found, letter, cites)

    def _citing_found(self, letter: Letter, cites: tuple[Cite, ...]) -> None:
        if self.letter is letter:
            self.view.set_aside(replace(self.view.aside, cited_by=cites))

    @on(LetterView.Moved)
    def _moved(self, event: LetterView.Moved) -> None:
        self.query_one("#where", Static).update(where_line(event.letter, event.place))

    # -- links: what the passage cites, what cites the letter, its dossier -----------------

    def action_follow(self) -> None:
        """Follow what the passage under the cursor cites (`o`)."""
        place = self.view.place
        if self.letter is not None and place is not None:
            self._links("cites", passage_cites(self.letter, place.section, place.paragraph))

    def action_related(self, what: str) -> None:
        """List the documents that cite the letter (`cited_by`) or its dossier (`dossier`)."""
        self._links(what, ())

    def show_dossier(self, dossier: str) -> None:
        """List a dossier's documents, oldest first, to open one (the palette's `Dossier:`)."""
        self._dossier(dossier)

    @work(group="dialog")
    async def _dossier(self, dossier: str) -> None:
        current = self.letter.id if self.letter else None
        entry = await dossier_flow(self.app, self.library, dossier, current)
        if entry is not None:
            self.post_message(self.Follow(entry))

    def on_click(self, event: events.Click) -> None:
        """A click on a reference (a link in the letter view) follows it."""
        meta = event.style.meta
        if meta.get("cite"):
            self._links("cites", (Cite(str(meta["cite"]), meta.get("identifier")),))

    @work(group="dialog")
    async def _links(self, what: str, cites: Sequence[Cite]) -> None:
        """A chooser if need be, then the document opens (the screen opens it) or, when it is
        not in the library, its official address is shown and copied."""
        letter = self.letter
        if letter is None:
            return
        if what == "cites":
            entry = await follow_cites(self.app, self.library, self.cache_dir, cites)
        else:
            entry = await related_flow(self.app, self.library, letter, what)
        if entry is not None:
            self.post_message(self.Follow(entry))

    def watch_matches(self, matches: Matches) -> None:
        """Mark the matches in the text."""
        self.view.mark(matches.marks)

    def watch_notes(self, notes: tuple[Annotation, ...]) -> None:
        """Mark the annotated passages, and under a corrected one the quote its note keeps."""
        letter = self.letter
        changed = {where(a): a.anchor.quote for a in notes if passage_now(a, letter)}
        self.view.set_aside(replace(self.view.aside, changed=changed))
        self.view.mark_notes(where(a) for a in notes if not a.detached)

    # -- search matches ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="mark")
    def find_matches(self, query: str) -> None:
        """Find and mark `query`'s matches in the open letter (for `n` / `N`)."""
        letter = self.letter
        if letter is not None:
            hits = search_letter(letter, query)
            self.app.call_from_thread(self.matched, letter, query, hits)

    def matched(self, letter: Letter, query: str, hits: Sequence[Hit]) -> None:
        """Take `query`'s `hits` in `letter` as the matches (unless another letter is open)."""
        if self.letter is letter:
            self.matches = Matches.found(letter, query, hits)

    def step_match(self, delta: int) -> None:
        """Go to the next (`delta` > 0) or previous match, and say which it is."""
        place, matches = self.view.place, self.matches
        if place is None:
            return
        if not matches.query:
            self.notify("No search yet: press / to search", timeout=3)
            return
        step = matches.step((place.section, place.paragraph), delta)
        if step is None:
            self.notify(f"No matches for {matches.query!r} in this letter", timeout=3)
            return
        self.view.go_to(*step.passage)
        note = " (wrapped)" if step.wrapped else ""
        self.notify(f"{step.label} for {matches.query!r}{note}", timeout=2)

    # -- the passage under the cursor ------------------------------------------------------

    def here(self) -> Here | None:
        """The paragraph under the cursor (None on a heading or without a letter)."""
        letter, place = self.letter, self.view.place
        if letter is None or place is None or place.paragraph < 0:
            return None
        return Here(letter, place.section, place.paragraph)

    def copy(self) -> None:
        """Copy the passage under the cursor with its citation in the Dutch convention,
        `(Kamerstuk 36 045, nr. 151, p. 3)` (the page read from the source, in a thread)."""
        place = self.view.place
        if self.letter is not None and place is not None:
            self._copy(self.letter, place.section, place.paragraph)

    @work(thread=True, group="copy")
    def _copy(self, letter: Letter, section: int, paragraph: int) -> None:
        text = quote_with_citation(letter, section, paragraph, letter_pages(letter))
        path = save_clip(self.cache_dir, text)
        self.app.call_from_thread(self._copied, text, path)

    def _copied(self, text: str, path: Path | None) -> None:
        self.app.copy_to_clipboard(text)
        preview = text.strip().splitlines()[0][:120]
        saved = f"\nAlso saved to {path}" if path else ""
        cited = text.strip().splitlines()[-1]
        self.notify(f"{preview}…\n{cited}{saved}", title="Copied passage with citation")

    # -- notes -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="notes")
    def load_notes(self, reanchoring: bool = False) -> None:
        """Read the open letter's notes (`reanchoring`: found again in its text first)."""
        store, letter = self.store, self.letter
        if store is None or letter is None:
            return
        problem, rows = None, None
        try:
            if reanchoring:
                known = {e.id for e in self.library.entries() if not e.error}
                try:
                    rows = reanchor(store, letter, known)
                except UserError as exc:  # read-only: show them where they were stored
                    problem = str(exc)
            if rows is None:
                rows = store.annotations(letter.id)
        except STORE_ERRORS as exc:
            message = f"Notes not loaded: {exc}"
            self.app.call_from_thread(self.notify, message, severity="error", timeout=12)
            return
        self.app.call_from_thread(self._notes_loaded, letter, rows, problem)

    def _notes_loaded(self, letter: Letter, rows: list[Annotation], problem: str | None) -> None:
        if self.letter is not letter:
            return  # another letter was opened meanwhile
        self.notes = tuple(a for a in rows if a.anchor.letter_id == letter.id)
        if problem and not self._told_read_only:
            self._told_read_only = True
            self.notify(f"Notes not re-anchored: {problem}", severity="warning")

    def _writable(self) -> Store | None:
        store = self.store
        if store is None or store.read_only:
            why = store.warning if store is not None else "no notes database"
            self.notify(f"Notes cannot be saved: {why}", severity="error", timeout=12)
            return None
        return store

    def _quoted(self) -> tuple[Here | None, str | None, int]:
        """What `a` annotates: the text selected with the mouse when it lies in one paragraph
        (the paragraph where it starts, whole, when it reaches past it), else the paragraph
        under the cursor; and where in the paragraph the quote starts."""
        selected = self.view.take_selection()
        if selected is None or self.letter is None:
            return self.here(), None, 0
        here = Here(self.letter, selected.section, selected.paragraph)
        if quote_span(here.text, selected.text, selected.near) is None:
            self.notify("The selection reaches past this paragraph: quoting all of it.")
            return here, None, 0
        return here, selected.text, selected.near

    @work(group="dialog")
    async def annotate(self) -> None:
        """Annotate the passage under the cursor (or the text selected with the mouse)."""
        here, quote, near = self._quoted()
        if here is None:
            self.notify("Move the cursor to a paragraph to annotate it (a heading has no text).")
            return
        store = self._writable()
        if store is None:
            return
        saved = await write_note(self.app, store, here, quote, near)
        self.screen.clear_selection()
        if saved:
            self.load_notes()

    @work(group="dialog")
    async def edit_note(self) -> None:
        """Edit or delete the note on the passage under the cursor."""
        mine = notes_at(self.notes, self.here())
        if not mine:
            self.notify("No note on this passage: a adds one, m lists them all.")
            return
        store = self._writable()
        if store is None:
            return
        if len(mine) > 1:
            self.notify(f"{len(mine)} notes on this passage; editing the first (m lists all).")
        if await edit_note(self.app, store, mine[0]):
            self.load_notes()
