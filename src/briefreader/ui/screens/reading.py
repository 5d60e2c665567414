"""The main screen: letter list and table of contents beside the reader pane.

The screen goes from letter to letter; its children own their parts. The letter list scans
the library; the search bar runs the queries; the reader pane shows the open letter with its
notes and matches and acts on the passage under the cursor. They report with messages
(`LetterList.Loaded` / `Opened`, `LetterView.Moved`, `SearchBar.Found` / `Chosen` / `Closed`)
and the screen answers by telling each child what to show (the open letter, the last query;
when to index). It opens letters and keeps the reading position in thread workers and awaits
the notes view in a worker. On a narrow terminal the sidebar folds away while
reading; `l` (or `escape`) brings it back.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, TextArea

from briefreader.errors import UserError
from briefreader.library import Entry, Library
from briefreader.model import Letter
from briefreader.notes import place_orphans
from briefreader.ui.layout import Place
from briefreader.ui.matches import Matches
from briefreader.ui.note_dialogs import STORE_ERRORS
from briefreader.ui.screens.annotate import AnnotateScreen
from briefreader.ui.screens.choose import HELP_BINDINGS
from briefreader.ui.screens.help import HelpGroup, HelpScreen
from briefreader.ui.screens.notes import Jump, NotesScreen
from briefreader.ui.state import ReadingState
from briefreader.ui.widgets.footer import ReaderFooter
from briefreader.ui.widgets.letter_list import LetterList
from briefreader.ui.widgets.letter_table import LetterTable
from briefreader.ui.widgets.letter_view import LetterView
from briefreader.ui.widgets.reader_pane import ReaderPane
from briefreader.ui.widgets.search_bar import HitList, SearchBar
from briefreader.ui.widgets.toc import Toc

NARROW = 100  # below this many columns the sidebar folds away while reading
LETTER_ACTIONS = set(
    "next_section previous_section copy contents next_hit previous_hit annotate edit_note".split()
)
# Keys that move the focus act as soon as they arrive (priority bindings): a key is sent to
# the widget focused when it arrives, so a fast typist's `/hoekstra`, `fq` or `tjj` would
# otherwise scroll, jump or quit. In a text box they are text.
FOCUS_ACTIONS = {"search", "letters", "filter", "contents"}
SAVE_DELAY = 0.5  # seconds of stillness before the reading position is written
INDEX_DELAY = 0.25  # seconds after the list shows before indexing competes for the CPU


class ReadingScreen(Screen[None]):
    """Letter list, table of contents and reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "next_section", "Next section", id="read.next"),
        Binding("left_square_bracket", "previous_section", "Prev section", id="read.prev"),
        Binding("slash", "search", "Search", priority=True, id="read.search"),
        Binding("a", "annotate", "Annotate", id="read.annotate"),
        Binding("m", "notes", "Notes", id="read.notes"),
        Binding("n", "next_hit", "Next match", show=False, id="read.next_hit"),
        Binding("N", "previous_hit", "Previous match", show=False, id="read.prev_hit"),
        Binding("y", "copy", "Copy passage", id="read.copy"),
        Binding("l", "letters", "Letters", priority=True, id="read.letters"),
        Binding("escape", "letters", "Letters", show=False, id="read.letters_escape"),
        Binding("t", "contents", "Contents", show=False, priority=True, id="read.contents"),
        Binding("f", "filter", "Filter", show=False, priority=True, id="read.filter"),
        Binding("c", "edit_note", "Edit note here", show=False, id="read.edit_note"),
    ]

    letter: reactive[Letter | None] = reactive(None, init=False)
    """The open letter (None until one is opened): letter actions are dimmed without one."""

    def __init__(self, library: Library, state: ReadingState, cache_dir: Path) -> None:
        super().__init__(classes="-no-letter")  # set here: each class change restyles all
        self.library = library
        self.state = state
        self.cache_dir = cache_dir
        self._pending: tuple[Letter, Place] | None = None  # a reading position to write
        self._save_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Sidebar (list over contents), reader pane (progress line over the letter), and the
        search bar (hidden until `/`)."""
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield LetterList(self.library, id="letter-list")
                toc = Toc(id="toc")
                toc.border_title = "Contents"
                yield toc
            yield ReaderPane(self.state.store, self.library, self.cache_dir, id="reader-pane")
        yield ReaderFooter()
        yield SearchBar(id="search")

    def on_mount(self) -> None:
        """The list has the focus (it loads itself)."""
        self.set_focus(self.query_one(LetterTable))

    def on_resize(self) -> None:
        """Fold the sidebar on narrow terminals."""
        self.set_class(self.size.width < NARROW, "-narrow")

    def on_unmount(self) -> None:
        """Keep the last position when the app closes."""
        self._flush()

    # -- what the children show ----------------------------------------------------------

    def watch_letter(self, letter: Letter | None) -> None:
        """Letter actions light up; the search covers the open letter first."""
        self.set_class(letter is None, "-no-letter")
        self.query_one(SearchBar).letter = letter
        self.refresh_bindings()

    # -- loading -------------------------------------------------------------------------

    @on(LetterList.Loaded)
    def _listed(self) -> None:
        bar = self.query_one(SearchBar)
        # after the list is on screen: indexing competes for the CPU
        self.set_timer(INDEX_DELAY, lambda: bar.index_library(self.library, self.cache_dir))
        self._reopen()

    @work(thread=True, exclusive=True, group="reopen")
    def _reopen(self) -> None:
        """Reopen the letter read last (after finding notes whose letter file changed)."""
        store = self.state.store
        if store is not None and not store.read_only:
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
        self.app.call_from_thread(self._show, letter, focus, target)

    def _show(self, letter: Letter, focus: bool, target: tuple[int, int] | None = None) -> None:
        self._flush()
        self.letter = letter
        self.query_one(Toc).show_letter(letter)
        at = target or self.state.position(letter)
        self.query_one(ReaderPane).show(letter, at, centred=target is not None)
        self.query_one(LetterList).select(letter.id)
        if focus:
            self.set_focus(self.query_one(LetterView))

    def open_at(self, letter_id: str, target: tuple[int, int]) -> None:
        """Open a letter with the cursor on passage `target` (a search hit, a note)."""
        entry = self.library.entry(letter_id)
        if entry is not None:
            self._open(entry, True, target)

    def focus_main(self) -> None:
        """Focus the reader, or the list when no letter is open."""
        if self.letter is not None:
            self.set_focus(self.query_one(LetterView))
        else:
            self.set_focus(self.query_one(LetterTable))

    # -- messages from the widgets --------------------------------------------------------

    @on(LetterList.Opened)
    def _opened(self, event: LetterList.Opened) -> None:
        if event.entry.error:
            self.notify(f"{event.entry.path}: {event.entry.error}", severity="error")
            return
        self._open(event.entry)

    @on(LetterView.Moved)
    def _moved(self, event: LetterView.Moved) -> None:
        self.query_one(Toc).follow(event.place.section)
        self._pending = (event.letter, event.place)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, lambda: self._flush(in_thread=True))

    @on(ReaderPane.Follow)
    def _follow(self, event: ReaderPane.Follow) -> None:
        self._open(event.entry)

    @on(OptionList.OptionSelected, "#toc")
    def _toc_selected(self, event: OptionList.OptionSelected) -> None:
        view = self.query_one(LetterView)
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

    # -- the reading position --------------------------------------------------------------

    def _flush(self, in_thread: bool = False) -> None:
        """Write the pending reading position (on a timer, on switching letters, on exit)."""
        if self._pending is None:
            return
        letter, place = self._pending
        self._pending = None
        if in_thread:  # another briefreader may hold the database for a moment
            self._save(letter, place)
        else:
            self.state.save(letter, place.section, place.paragraph)
        problem = self.state.take_problem()
        if problem:
            self.notify(f"{problem}; reading positions are not saved", severity="warning")

    @work(thread=True, group="save")
    def _save(self, letter: Letter, place: Place) -> None:
        self.state.save(letter, place.section, place.paragraph)

    # -- search ----------------------------------------------------------------------------

    @on(SearchBar.Found)
    def _found(self, event: SearchBar.Found) -> None:
        self.query_one(ReaderPane).matched(event.letter, event.query, event.hits)

    @on(SearchBar.Chosen)
    def _chosen(self, event: SearchBar.Chosen) -> None:
        """Go to the chosen hit; its letter's matches become the `n` / `N` stops."""
        hit, letter, pane = event.hit, self.letter, self.query_one(ReaderPane)
        if letter is not None and letter.id == hit.letter_id:
            pane.find_matches(event.query)
            view = self.query_one(LetterView)
            view.go_to(hit.section_index, hit.paragraph_index)
            self.set_focus(view)
            return
        entry = self.library.entry(hit.letter_id)
        if entry is None:
            self.notify("That letter is no longer in the library", severity="warning")
            return
        pane.matches = Matches(event.query)
        self._open(entry, True, (hit.section_index, hit.paragraph_index))

    @on(SearchBar.Closed)
    def _search_closed(self, event: SearchBar.Closed) -> None:
        """Back to reading (or to the list); closed with an empty box, the marks go too."""
        pane = self.query_one(ReaderPane)
        if not event.query and pane.matches.query:
            pane.matches = Matches()
        self.focus_main()

    # -- notes ---------------------------------------------------------------------------

    @work(group="dialog")
    async def action_notes(self) -> None:
        """Show the notes view; on `enter` go to the chosen passage."""
        store = self.state.store
        if store is None:
            self.notify("There is no notes database.", severity="error")
            return
        pane = self.query_one(ReaderPane)
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
            view = self.query_one(LetterView)
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
        if action in FOCUS_ACTIONS and isinstance(focused, Input | TextArea):
            return None
        if action == "search" and focused and self.query_one(SearchBar) in focused.ancestors:
            return None  # from the hits, `/` goes back to the query as it is
        if action in LETTER_ACTIONS:  # hidden, not dimmed: at 80 columns `q` and `?` stay in view
            return self.letter is not None
        return True

    def _step_section(self, delta: int) -> None:
        view = self.query_one(LetterView)
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
        self.query_one(ReaderPane).step_match(+1)

    def action_previous_hit(self) -> None:
        """Go to the previous match of the last search in this letter."""
        self.query_one(ReaderPane).step_match(-1)

    def action_copy(self) -> None:
        """Copy the current passage with a citation line."""
        self.query_one(ReaderPane).copy()

    def action_annotate(self) -> None:
        """Annotate the passage under the cursor (or the text selected with the mouse)."""
        self.query_one(ReaderPane).annotate()

    def action_edit_note(self) -> None:
        """Edit or delete the note on the passage under the cursor."""
        self.query_one(ReaderPane).edit_note()

    # set_focus, not widget.focus(): the keys queued behind this one must reach the new focus

    def action_search(self) -> None:
        """Open the search bar: on the open letter first, when there is one."""
        self.query_one(SearchBar).open()

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
        # keys that act on the open letter are listed with the reader, not as "Everywhere"
        anywhere = [b for b in self.BINDINGS if getattr(b, "action", "") not in LETTER_ACTIONS]
        on_letter = [b for b in self.BINDINGS if getattr(b, "action", "") in LETTER_ACTIONS]
        return [
            ("Everywhere", [*self.app.BINDINGS, *anywhere]),
            ("Letter list", LetterTable.BINDINGS),
            ("Contents", Toc.BINDINGS),
            ("Reader (a letter open)", [*on_letter, *ReaderPane.BINDINGS, *LetterView.BINDINGS]),
            ("Document lists (o, i, D)", HELP_BINDINGS),
            ("Search bar", [*SearchBar.BINDINGS, *HitList.BINDINGS]),
            ("Notes view", NotesScreen.BINDINGS),
            ("Note dialog", AnnotateScreen.BINDINGS),
        ]

    def action_help(self) -> None:
        """Show every binding."""
        self.app.push_screen(HelpScreen(self.help_groups()))
