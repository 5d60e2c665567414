"""The main screen: letter list and table of contents beside the reader pane.

The screen owns the flow: it loads the library in a thread worker, opens letters, and passes
what each widget needs down as attributes; widgets tell it what happened with messages. On a
narrow terminal the sidebar folds away while reading and `l` (or `escape`) brings it back.
"""

from __future__ import annotations

from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from briefreader.errors import UserError
from briefreader.library import Entry, Library
from briefreader.model import Cite, Letter
from briefreader.notes import place_orphans
from briefreader.ui.annotations import ReaderNotes
from briefreader.ui.clipboard import citation, save_clip
from briefreader.ui.link_flows import follow_cites, letter_cited_by, related_flow
from briefreader.ui.screens.annotate import AnnotateScreen
from briefreader.ui.screens.choose import HELP_BINDINGS
from briefreader.ui.screens.help import HelpGroup, HelpScreen
from briefreader.ui.screens.notes import NotesScreen
from briefreader.ui.screens.search_flow import SearchFlow, Stopped
from briefreader.ui.state import LAST_LETTER, ReadingState
from briefreader.ui.widgets.footer import ReaderFooter
from briefreader.ui.widgets.letter_list import LetterList
from briefreader.ui.widgets.letter_table import LetterTable
from briefreader.ui.widgets.letter_view import LetterView, Place
from briefreader.ui.widgets.search_bar import HitList, SearchBar
from briefreader.ui.widgets.toc import Toc, section_label

NARROW = 100  # below this many columns the sidebar folds away while reading
LETTER_ACTIONS = {
    "next_section",
    "previous_section",
    "copy",
    "contents",
    "next_hit",
    "previous_hit",
    "annotate",
    "edit_note",
}
SAVE_DELAY = 0.5  # seconds of stillness before the reading position is written
INDEX_DELAY = 0.25  # seconds after the list shows before indexing competes for the CPU


def where_line(letter: Letter, place: Place) -> str:
    """The progress line: section n of m with its name, percent through, letter title."""
    count = len(letter.sections)
    title = section_label(letter.sections[place.section].title) if count else ""
    return f"§ {place.section + 1}/{count} {title} │ {place.percent}% │ {letter.title}"


class ReadingScreen(SearchFlow):
    """Letter list, table of contents and reader."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "next_section", "Next section", id="read.next"),
        Binding("left_square_bracket", "previous_section", "Prev section", id="read.prev"),
        Binding("slash", "search", "Search", id="read.search"),
        Binding("a", "annotate", "Annotate", id="read.annotate"),
        Binding("m", "notes", "Notes", id="read.notes"),
        Binding("n", "next_hit", "Next match", show=False, id="read.next_hit"),
        Binding("N", "previous_hit", "Previous match", show=False, id="read.prev_hit"),
        Binding("y", "copy", "Copy passage", id="read.copy"),
        Binding("l,escape", "letters", "Letters", id="read.letters"),
        Binding("t", "contents", "Contents", show=False, id="read.contents"),
        Binding("f", "filter", "Filter", show=False, id="read.filter"),
        Binding("c", "edit_note", "Edit note here", show=False, id="read.edit_note"),
    ]

    def __init__(self, library: Library, state: ReadingState, cache_dir: Path) -> None:
        super().__init__(classes="-no-letter")  # set here: each class change restyles all
        self.library = library
        self.state = state
        self.cache_dir = cache_dir
        self.init_search()
        self.letter: Letter | None = None
        self._pending: tuple[Letter, Place] | None = None
        self._save_timer: Timer | None = None
        self.notes = ReaderNotes(self)

    def compose(self) -> ComposeResult:
        """Sidebar (list over contents) and reader pane (progress line over the letter)."""
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield LetterList(id="letter-list")
                yield Toc(id="toc")
            with Vertical(id="reader-pane"):
                yield Static("", id="where", markup=False)
                yield LetterView(id="reader")
        yield ReaderFooter()

    def on_mount(self) -> None:
        """Start loading the library; the list has the focus."""
        self.query_one("#toc", Toc).border_title = "Contents"
        self.set_focus(self.query_one(LetterTable))
        self._scan()

    def on_resize(self) -> None:
        """Fold the sidebar on narrow terminals."""
        self.set_class(self.size.width < NARROW, "-narrow")

    # -- loading -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="scan")
    def _scan(self) -> None:
        letter_list = self.query_one(LetterList)

        def progress(done: int, total: int) -> None:
            self.check_stop()
            self.app.call_from_thread(letter_list.progress, done, total)

        try:
            entries = self.library.scan(progress=progress)
        except Stopped:
            return
        except (UserError, OSError) as exc:  # e.g. a folder that cannot be read
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            entries = []
        store = self.state.store
        if store is not None and not store.read_only:
            # notes on a letter whose file was corrected find it before anyone opens it
            with suppress(UserError, KeyError):
                place_orphans(store, self.library)
        self.app.call_from_thread(self._loaded, entries)

    def _loaded(self, entries: list[Entry]) -> None:
        self.query_one(LetterList).set_entries(entries)
        broken = [e for e in entries if e.error]
        if broken:
            lines = [f"{e.path.name}: {e.error}" for e in broken[:5]]
            more = (
                f"\n… and {len(broken) - 5} more (marked ⚠ in the list)" if len(broken) > 5 else ""
            )
            self.notify(
                "\n".join(lines) + more,
                title=f"{len(broken)} file(s) could not be read",
                severity="error",
                timeout=10,
            )
        self.set_timer(INDEX_DELAY, self.start_index)  # after the list is on screen
        last = self.state.setting(LAST_LETTER)
        entry = self.library.entry(last) if last else None
        if entry is not None and not entry.error:
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
        self.letter_hits = []
        self.hit_stops = []
        self.remove_class("-no-letter")
        self.query_one(Toc).show_letter(letter)
        section, paragraph = target or self.state.position(letter)
        view = self.query_one(LetterView)
        citing = letter_cited_by(self.library, letter)
        view.cited_by = tuple(Cite(e.citation or e.title, e.identifier) for e in citing)
        view.show(letter, section, paragraph)
        if target is not None:
            view.go_to(section, paragraph)  # a search hit: in the middle of the pane
        self.query_one(LetterList).select(letter.id)
        self.mark_hits(letter)
        self.notes.letter_opened(letter)
        if focus:
            self.set_focus(view)

    def current_passage(self) -> tuple[Letter, int, int] | None:
        """The open letter and the `(section, paragraph)` under the cursor (what to annotate)."""
        place = self.query_one(LetterView).place
        if self.letter is None or place is None:
            return None
        return (self.letter, place.section, place.paragraph)

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
        self.query_one("#where", Static).update(where_line(event.letter, event.place))
        self._pending = (event.letter, event.place)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, partial(self._flush, True))

    @on(LetterView.Follow)
    @work(group="links")
    async def _follow(self, event: LetterView.Follow) -> None:
        if event.what == "cites":
            entry = await follow_cites(self.app, self.library, self.cache_dir, event.cites)
        else:
            entry = await related_flow(self.app, self.library, event.letter, event.what)
        if entry is not None:
            self._open(entry)

    @on(OptionList.OptionSelected, "#toc")
    def _toc_selected(self, event: OptionList.OptionSelected) -> None:
        view = self.query_one(LetterView)
        view.go_to_section(event.option_index)
        self.set_focus(view)

    def on_descendant_focus(self, event: object) -> None:
        """On a narrow terminal, show the sidebar exactly while it has the focus."""
        focused = self.focused
        self.set_class(focused is not None and self._in_sidebar(focused), "-sidebar")

    def _in_sidebar(self, widget: Widget) -> bool:
        return any(node.id == "sidebar" for node in widget.ancestors_with_self)

    def _flush(self, in_thread: bool = False) -> None:
        """Write the pending reading position (on a timer, on switching letters, on exit)."""
        if self._pending is None:
            return
        letter, place = self._pending
        self._pending = None
        if in_thread:  # another briefreader may hold the database for a moment
            self.run_worker(
                partial(self.state.save, letter, place.section, place.paragraph),
                thread=True,
                group="save",
            )
        else:
            self.state.save(letter, place.section, place.paragraph)
        self._report_problem()

    def _report_problem(self) -> None:
        problem = self.state.take_problem()
        if problem:
            self.notify(f"{problem}; reading positions are not saved", severity="warning")

    def on_unmount(self) -> None:
        """Keep the last position when the app closes; stop loading and indexing."""
        self.stopping.set()
        self._flush()

    # -- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Letter actions are dimmed until a letter is open."""
        if action in LETTER_ACTIONS:
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

    def action_copy(self) -> None:
        """Copy the current passage with a citation line."""
        passage = self.current_passage()
        if passage is None:
            return
        text = citation(*passage)
        self.app.copy_to_clipboard(text)
        path = save_clip(self.cache_dir, text)
        preview = text.strip().splitlines()[0][:120]
        saved = f"\nAlso saved to {path}" if path else ""
        self.notify(f"{preview}…{saved}", title="Copied passage with citation")

    # set_focus, not widget.focus(): the keys queued behind this one must reach the new focus

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
            ("Reader (a letter open)", [*on_letter, *LetterView.BINDINGS]),
            ("Document lists (o, i, D)", HELP_BINDINGS),
            ("Search bar", [*SearchBar.BINDINGS, *HitList.BINDINGS]),
            ("Notes view", NotesScreen.BINDINGS),
            ("Note dialog", AnnotateScreen.BINDINGS),
        ]

    def action_annotate(self) -> None:
        """Annotate the passage under the cursor."""
        self.notes.annotate()

    def action_edit_note(self) -> None:
        """Edit or delete the note on the passage under the cursor."""
        self.notes.edit()

    def action_notes(self) -> None:
        """Show the notes view."""
        self.notes.open_view()

    def action_help(self) -> None:
        """Show every binding."""
        self.app.push_screen(HelpScreen(self.help_groups()))
