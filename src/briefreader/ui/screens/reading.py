"""The main screen: letter list and table of contents beside the reader pane.

The screen goes from letter to letter; its children own their parts. The letter list scans
the library; the search bar runs the queries; the reader pane shows the open letter with its
notes and matches and acts on the passage under the cursor. They report with messages
(`LetterList.Loaded` / `Opened`, `LetterView.Moved`, `SearchBar.Found` / `Chosen` / `Closed`)
and the screen answers by telling each child what to show (the open letter, the last query;
when to index). It opens letters and keeps the reading position in thread workers and awaits
the notes view in a worker. On a narrow terminal the sidebar folds away while
reading; `l` (or `escape`) brings it back.

The first frame shows the list alone: the table of contents, the reader pane and the search
bar (hidden until a letter opens, or `/`) and all they import are mounted just after it
(`parts()`), or at once when a key needs them sooner. Dialogs load when they are shown.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, OptionList

from briefreader.errors import UserError
from briefreader.library import Entry, Library
from briefreader.ui.screens.keys import (
    FOCUS_ACTIONS,
    LETTER_ACTIONS,
    READING_KEYS,
    reader_help,
    types_text,
)
from briefreader.ui.state import STORE_ERRORS, PositionWriter, ReadingState
from briefreader.ui.widgets.footer import ReaderFooter
from briefreader.ui.widgets.letter_list import LetterList
from briefreader.ui.widgets.letter_table import LetterTable
from briefreader.ui.widgets.toc import Toc

if TYPE_CHECKING:
    from briefreader.model import Letter
    from briefreader.ui.screens.help import HelpGroup
    from briefreader.ui.screens.notes import Jump
    from briefreader.ui.widgets.letter_view import LetterView
    from briefreader.ui.widgets.reader_pane import ReaderPane
    from briefreader.ui.widgets.search_bar import SearchBar

NARROW = 100  # below this many columns the sidebar folds away while reading
INDEX_DELAY = 0.25  # seconds after the list shows before indexing competes for the CPU
PARTS_DELAY = 0.05  # seconds after the listed rows are drawn before the reader's parts load


class ReadingScreen(Screen[None]):
    """Letter list, table of contents and reader."""

    BINDINGS: ClassVar[list[BindingType]] = READING_KEYS
    # the list has the focus from the start (Textual's default, the first focusable widget,
    # would focus the filter box and then `on_mount` the list: a restyle and a footer more)
    AUTO_FOCUS = "LetterTable"

    letter: reactive[Letter | None] = reactive(None, init=False)
    """The open letter (None until one is opened): letter actions are dimmed without one."""

    def __init__(self, library: Library, state: ReadingState, cache_dir: Path) -> None:
        # set here: each class change restyles all (the list has the focus at first: `-sidebar`)
        super().__init__(classes="-no-letter -sidebar")
        self.library = library
        self.state = state
        self.cache_dir = cache_dir
        self.positions = PositionWriter(self, state)
        self._parts_lock = asyncio.Lock()
        self._pane: ReaderPane | None = None  # mounted by `parts()`
        self._bar: SearchBar | None = None

    def compose(self) -> ComposeResult:
        """Sidebar (the list) and footer; `parts()` adds the table of contents under the list,
        the reader pane (progress line over the letter) beside it and the search bar (hidden
        until `/`)."""
        with Horizontal(id="body"), Vertical(id="sidebar"):
            yield LetterList(self.library, id="letter-list")
        yield ReaderFooter()

    async def parts(self) -> tuple[ReaderPane, SearchBar]:
        """The reader pane and the search bar (and the table of contents): mounted, with what
        they import, on first need (the first frame shows the list without them)."""
        async with self._parts_lock:  # two callers at once: one mount
            if self._pane is None or self._bar is None:
                from briefreader.ui.widgets.reader_pane import ReaderPane
                from briefreader.ui.widgets.search_bar import SearchBar

                toc = Toc(id="toc")
                toc.border_title = "Contents"
                pane = ReaderPane(self.state.store, self.library, self.cache_dir, id="reader-pane")
                bar = SearchBar(id="search")
                await self.query_one("#sidebar").mount(toc)
                await self.query_one("#body").mount(pane)
                await self.mount(bar)
                self._pane, self._bar = pane, bar
        return self._pane, self._bar

    @property
    def pane(self) -> ReaderPane:
        """The reader pane (there is one once a letter has been shown)."""
        if self._pane is None:
            raise RuntimeError("the reader pane is not mounted yet")
        return self._pane

    @property
    def view(self) -> LetterView:
        """The letter view, in the reader pane."""
        return self.pane.view

    def on_mount(self) -> None:
        """The list has the focus (it loads itself)."""
        self.set_focus(self.query_one(LetterTable))

    def on_resize(self) -> None:
        """Fold the sidebar on narrow terminals."""
        self.set_class(self.size.width < NARROW, "-narrow")

    def on_unmount(self) -> None:
        """Keep the last position when the app closes."""
        self.positions.flush()

    # -- what the children show ----------------------------------------------------------

    def watch_letter(self, letter: Letter | None) -> None:
        """Letter actions light up; the search covers the open letter first."""
        self.set_class(letter is None, "-no-letter")
        if self._bar is not None:
            self._bar.letter = letter
        self.refresh_bindings()

    # -- loading -------------------------------------------------------------------------

    @on(LetterList.Loaded)
    def _listed(self) -> None:
        self._after_listing()

    @work(group="parts")
    async def _after_listing(self) -> None:
        """Once every row is listed and drawn: reopen the letter read last and mount the
        reader's parts; later (it competes for the CPU) bring the search index up to date."""
        painted = asyncio.Event()
        self.call_after_refresh(painted.set)
        await painted.wait()
        await asyncio.sleep(PARTS_DELAY)
        self._reopen()
        _, bar = await self.parts()
        self.set_timer(INDEX_DELAY, lambda: bar.index_library(self.library, self.cache_dir))

    @work(thread=True, exclusive=True, group="reopen")
    def _reopen(self) -> None:
        """Reopen the letter read last (after finding notes whose letter file changed)."""
        store = self.state.store
        if store is not None and not store.read_only:
            from briefreader.notes import place_orphans  # rapidfuzz: loaded in this thread

            # notes on a letter whose file was corrected find it before anyone opens it
            with suppress(*STORE_ERRORS):
                place_orphans(store, self.library)
        entry = self.state.last_read(self.library)  # by id, else identifier, else path
        if entry is not None and not entry.error:
            self.app.call_from_thread(self._reopened, entry)

    def _reopened(self, entry: Entry) -> None:
        self.query_one(LetterList).select(entry.id)
        self._open(entry, focus=False)

    @work(thread=True, exclusive=True, group="open")
    def _open(
        self, entry: Entry, focus: bool = True, target: tuple[int, int] | None = None
    ) -> None:
        try:
            letter = self.library.letter(entry.id)
        except (UserError, KeyError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"{entry.path}: {exc}", severity="error")
            return
        # waits for the reader pane, if need be (mypy cannot solve an awaited callback's type)
        self.app.call_from_thread(self.parts)  # type: ignore[arg-type]
        self.app.call_from_thread(self._show, letter, focus, target)

    def _show(self, letter: Letter, focus: bool, target: tuple[int, int] | None = None) -> None:
        self.positions.flush()
        self.letter = letter
        self.query_one(Toc).show_letter(letter)
        at = target or self.state.position(letter)
        self.pane.show(letter, at, centred=target is not None)
        self.query_one(LetterList).select(letter.id)
        if focus:
            self.set_focus(self.view)

    def open_at(self, letter_id: str, target: tuple[int, int]) -> None:
        """Open a letter with the cursor on passage `target` (a search hit, a note)."""
        entry = self.library.entry(letter_id)
        if entry is not None:
            self._open(entry, True, target)

    def focus_main(self) -> None:
        """Focus the reader, or the list when no letter is open."""
        if self.letter is not None:
            self.set_focus(self.view)
        else:
            self.set_focus(self.query_one(LetterTable))

    # -- messages from the widgets (the reader's parts' messages by their handler names:
    #    their classes load after the first frame) ------------------------------------------

    @on(LetterList.Opened)
    def _opened(self, event: LetterList.Opened) -> None:
        if event.entry.error:
            self.notify(f"{event.entry.path}: {event.entry.error}", severity="error")
            return
        self._open(event.entry)

    def on_letter_view_moved(self, event: LetterView.Moved) -> None:
        """Follow the cursor in the contents; write the reading position once it rests."""
        self.query_one(Toc).follow(event.place.section)
        self.positions.moved(event.letter, event.place.section, event.place.paragraph)

    def on_reader_pane_follow(self, event: ReaderPane.Follow) -> None:
        """Open the document a link leads to."""
        self._open(event.entry)

    @on(OptionList.OptionSelected, "#toc")
    def _toc_selected(self, event: OptionList.OptionSelected) -> None:
        view = self.view
        view.go_to_section(event.option_index)
        self.set_focus(view)

    @on(DescendantFocus)
    def _focus_moved(self) -> None:
        """On a narrow terminal, show the sidebar exactly while it has the focus."""
        focused = self.focused
        in_sidebar = focused is not None and any(
            node.id == "sidebar" for node in focused.ancestors_with_self
        )
        self.set_class(in_sidebar, "-sidebar")

    # -- search ----------------------------------------------------------------------------

    def on_search_bar_found(self, event: SearchBar.Found) -> None:
        """Mark the open letter's matches as the query is typed."""
        self.pane.matched(event.letter, event.query, event.hits)

    def on_search_bar_chosen(self, event: SearchBar.Chosen) -> None:
        """Go to the chosen hit; its letter's matches become the `n` / `N` stops."""
        from briefreader.ui.matches import Matches  # loaded with the search bar

        hit, letter, pane = event.hit, self.letter, self.pane
        if letter is not None and letter.id == hit.letter_id:
            pane.find_matches(event.query)
            view = self.view
            view.go_to(hit.section_index, hit.paragraph_index)
            self.set_focus(view)
            return
        entry = self.library.entry(hit.letter_id)
        if entry is None:
            self.notify("That letter is no longer in the library", severity="warning")
            return
        pane.matches = Matches(event.query)
        self._open(entry, True, (hit.section_index, hit.paragraph_index))

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        """Back to reading (or to the list); closed with an empty box, the marks go too."""
        from briefreader.ui.matches import Matches  # loaded with the search bar

        pane = self.pane
        if not event.query and pane.matches.query:
            pane.matches = Matches()
        self.focus_main()

    # -- notes ---------------------------------------------------------------------------

    @work(group="dialog")
    async def action_notes(self) -> None:
        """Show the notes view; on `enter` go to the chosen passage."""
        from briefreader.ui.screens.notes import NotesScreen

        store = self.state.store
        if store is None:
            self.notify("There is no notes database.", severity="error")
            return
        pane, _ = await self.parts()
        jump = await self.app.push_screen_wait(NotesScreen(store, pane.here(), self.library))
        pane.load_notes()
        if jump is not None:
            self._go(jump)

    def _go(self, jump: Jump) -> None:
        """Open the jump's letter (unless it is open) with the cursor on its passage."""
        if jump.detached:
            self.notify(
                "This note's passage is not in the letter's current text; showing where it was.",
                severity="warning",
            )
        if self.letter is not None and self.letter.id == jump.letter_id:
            view = self.view
            view.go_to(jump.section, jump.paragraph)
            self.set_focus(view)
            return
        entry = self.library.entry(jump.letter_id)
        if entry is None or entry.error:
            self.notify("This note's letter is not in the library now.", severity="warning")
            return
        self._open(entry, True, (jump.section, jump.paragraph))

    # -- the other actions -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Letter actions wait for a letter to be open; the focus keys are dimmed while typing
        (they type). The screen refreshes the bindings when the letter changes."""
        focused = self.focused
        if action in FOCUS_ACTIONS and types_text(focused):
            return None
        bar = self._bar
        if action == "search" and focused and bar is not None and bar in focused.ancestors:
            return None  # from the hits, `/` goes back to the query as it is
        if action in LETTER_ACTIONS:  # hidden, not dimmed: at 80 columns `q` and `?` stay in view
            return self.letter is not None
        return True

    def _step_section(self, delta: int) -> None:
        view = self.view
        place = view.place
        if place is not None:
            view.go_to_section(place.section + delta)
            if not self.query_one(Toc).has_focus:
                self.set_focus(view)

    def action_next_section(self) -> None:
        """Jump to the next section."""
        self._step_section(+1)

    def action_previous_section(self) -> None:
        """Jump to the previous section (or the start of this one)."""
        self._step_section(-1)

    def action_next_hit(self) -> None:
        """Go to the next match of the last search in this letter."""
        self.pane.step_match(+1)

    def action_previous_hit(self) -> None:
        """Go to the previous match of the last search in this letter."""
        self.pane.step_match(-1)

    def action_copy(self) -> None:
        """Copy the current passage with a citation line."""
        self.pane.copy()

    def action_annotate(self) -> None:
        """Annotate the passage under the cursor (or the text selected with the mouse)."""
        self.pane.annotate()

    def action_edit_note(self) -> None:
        """Edit or delete the note on the passage under the cursor."""
        self.pane.edit_note()

    # set_focus, not widget.focus(): the keys queued behind this one must reach the new focus

    async def action_search(self) -> None:
        """Open the search bar: on the open letter first, when there is one. (Pressed before
        the bar is mounted, the keys behind `/` wait for it: they are the query.)"""
        _, bar = await self.parts()
        bar.open()

    def action_letters(self) -> None:
        """Focus the letter list (showing it on a narrow terminal)."""
        self.set_focus(self.query_one(LetterTable))

    def action_contents(self) -> None:
        """Focus the table of contents."""
        self.set_focus(self.query_one(Toc))

    def action_filter(self) -> None:
        """Type to filter the letter list."""
        self.set_focus(self.query_one("#filter", Input))

    def help_groups(self) -> list[HelpGroup]:
        """The bindings the help dialog lists, by where they work."""
        return reader_help(self.app.BINDINGS, self.BINDINGS, LETTER_ACTIONS)

    def action_help(self) -> None:
        """Show every binding."""
        from briefreader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_groups()))
