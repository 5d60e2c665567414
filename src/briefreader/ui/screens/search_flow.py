"""Search on the reading screen: `/` across all letters, `n` / `N` through the open letter.

The index is brought up to date in a thread worker after the library is listed; queries run
in an exclusive thread worker, so a stale query never overwrites a newer one. Choosing a hit
opens its letter at the hit's passage and marks the query's matches there; `n` / `N` then walk
those matches in reading order from the cursor.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

from textual import events
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import get_current_worker

from briefreader.library import Library
from briefreader.model import Letter
from briefreader.search import Hit, SearchIndex, search_letter
from briefreader.ui.layout import Marks
from briefreader.ui.widgets.letter_view import LetterView
from briefreader.ui.widgets.search_bar import SearchBar

DEBOUNCE = 0.12  # seconds: typing faster than this searches only once
LIMIT = 50
# keys that move the focus (also bound, for the footer and help): handled as they arrive
FOCUS_KEYS = {"slash": "search", "f": "filter", "l": "letters", "t": "contents"}


def marks_of(hits: Sequence[Hit]) -> Marks:
    """The spans to highlight in the reader, per paragraph or heading."""
    marks: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for hit in hits:
        if hit.kind == "paragraph":
            marks.setdefault((hit.section_index, hit.paragraph_index), []).extend(hit.spans)
        elif hit.kind == "heading":
            marks.setdefault((hit.section_index, -1), []).extend(hit.spans)
    return marks


class Stopped(Exception):
    """Raised in a worker's progress callback to end a long scan when the app closes."""


def stop_of(letter: Letter, hit: Hit) -> tuple[int, int]:
    """The passage a hit puts the cursor on: a heading's hit lands on its first paragraph."""
    section, paragraph = hit.section_index, hit.paragraph_index
    if (
        paragraph < 0
        and 0 <= section < len(letter.sections)
        and letter.sections[section].paragraphs
    ):
        return (section, 0)
    return (section, paragraph)


class SearchFlow(Screen[None]):
    """The search half of the reading screen (a base class, to keep each module small)."""

    library: Library
    cache_dir: Path
    letter: Letter | None

    def init_search(self) -> None:
        """State of the search: the index, the last query and its hits in the open letter."""
        # a thread worker cannot be killed, and Python waits for it at exit: a long scan or
        # index update checks this between batches so that `q` quits at once
        self.stopping = threading.Event()
        self.index: SearchIndex | None = None
        self.indexing = True
        self.index_status = ""
        self.last_query = ""
        self.letter_hits: list[Hit] = []
        self.hit_stops: list[tuple[int, int]] = []  # their passages, in reading order

    def check_stop(self) -> None:
        """In a worker: end the work when the app is closing."""
        if self.stopping.is_set():
            raise Stopped

    def start_index(self) -> None:
        """Bring the search index up to date, off the main thread."""
        self.run_worker(self._index, thread=True, exclusive=True, group="index")

    def search_bar(self) -> SearchBar:
        """The search bar, made on first use (it would only slow the first frame)."""
        found = self.query(SearchBar)
        if found:
            return found.first(SearchBar)
        bar = SearchBar(id="search")
        bar.status_text = self.index_status
        self.mount(bar)
        return bar

    def _show_index_status(self, text: str) -> None:
        self.index_status = text
        found = self.query(SearchBar)
        if found:
            found.first(SearchBar).status(text)

    def _index(self) -> None:
        def progress(done: int, total: int) -> None:
            self.check_stop()
            status = f"indexing letters for search: {done}/{total}"
            self.app.call_from_thread(self._show_index_status, status)

        index = SearchIndex.open(self.cache_dir)
        try:
            index.update(self.library, progress=progress)
        except Stopped:
            index.close()
            return
        self.app.call_from_thread(self._indexed, index)

    def _indexed(self, index: SearchIndex) -> None:
        self.index = index
        self.indexing = False
        self._show_index_status("")
        found = self.query(SearchBar)
        if found and found.first(SearchBar).query_text:
            self._search(found.first(SearchBar).query_text)

    def on_unmount(self) -> None:
        """Close the index."""
        if self.index is not None:
            self.index.close()

    # -- the bar ---------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search bar: on the open letter first, when there is one."""
        bar = self.search_bar()
        bar.set_scope(self.letter.title if self.letter is not None else None)
        bar.open()

    def on_key(self, event: events.Key) -> None:
        """Keys that move the focus act at once, and keys typed right after `/` are the query.

        Keys are routed to the widget focused when they arrive, and a binding's action runs
        after the keys queued behind it: a fast typist's `/hoekstra`, `fq` or `tjj` would
        otherwise scroll, jump or quit.
        """
        action = FOCUS_KEYS.get(event.key)
        focused = self.focused
        if isinstance(focused, Input):
            # an Input keeps the keys it types; one that reaches us was sent on before the
            # focus moved here: it belongs in the box all the same
            if not (event.is_printable and event.character):
                return
            focused.insert_text_at_cursor(event.character)
        elif action:
            if not self.check_action(action, ()):
                return
            getattr(self, f"action_{action}")()
        elif not (self.query(SearchBar) and self.search_bar().take_key(event)):
            return
        event.stop()
        event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        """A burst of keys right after `/` may arrive as a paste: it is the query too."""
        if self.query(SearchBar) and self.search_bar().take_text(event.text):
            event.stop()

    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        """Search as the user types."""
        if self.indexing and self.search_bar().scope_all:
            return  # searched when the index is ready
        self._search(event.query)

    def _search(self, query: str) -> None:
        bar = self.search_bar()
        letter = None if bar.scope_all else self.letter
        self.run_worker(
            lambda: self._run_query(bar, query, letter), thread=True, exclusive=True, group="query"
        )

    def _run_query(self, bar: SearchBar, query: str, letter: Letter | None) -> None:
        time.sleep(DEBOUNCE)
        if get_current_worker().is_cancelled:
            return
        if letter is not None:
            # in the open letter: every match, in reading order, highlighted as you type
            hits = search_letter(letter, query) if query else []
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._live_marks, letter, query, hits)
        elif self.index is None:
            return
        else:
            hits = self.index.search(query, limit=LIMIT) if query else []
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(bar.show_hits, query, hits)

    def _live_marks(self, letter: Letter, query: str, hits: list[Hit]) -> None:
        self.last_query = query
        self._marked(letter, hits)

    def on_search_bar_chosen(self, event: SearchBar.Chosen) -> None:
        """Go to the chosen hit; its letter's matches become the `n` / `N` hits."""
        hit = event.hit
        self.last_query = event.query
        self.search_bar().remove_class("-open")
        view = self.query_one(LetterView)
        if view.letter is not None and view.letter.id == hit.letter_id:
            self.mark_hits(view.letter)
            view.go_to(hit.section_index, hit.paragraph_index)
            self.set_focus(view)
        else:
            entry = self.library.entry(hit.letter_id)
            if entry is None:
                self.notify("That letter is no longer in the library", severity="warning")
                return
            self.open_at(entry.id, (hit.section_index, hit.paragraph_index))

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        """Back to reading (or to the list); closed with an empty box, the marks go too."""
        if not self.search_bar().query_text and self.last_query:
            self.last_query = ""
            self.letter_hits, self.hit_stops = [], []
            self.query_one(LetterView).mark({})
        self.focus_main()

    def open_at(self, letter_id: str, target: tuple[int, int]) -> None:
        """Open a letter at a passage (the reading screen implements this)."""
        raise NotImplementedError

    def focus_main(self) -> None:
        """Focus the reader, or the list when no letter is open (implemented by the screen)."""
        raise NotImplementedError

    # -- n / N -----------------------------------------------------------------------------

    def mark_hits(self, letter: Letter) -> None:
        """Find and highlight the last query's matches in `letter` (a thread worker)."""
        if not self.last_query:
            return
        query = self.last_query

        def find() -> None:
            hits = search_letter(letter, query)
            self.app.call_from_thread(self._marked, letter, hits)

        self.run_worker(find, thread=True, exclusive=True, group="mark")

    def _marked(self, letter: Letter, hits: list[Hit]) -> None:
        view = self.query_one(LetterView)
        if view.letter is not letter:
            return
        stops: dict[tuple[int, int], Hit] = {}
        for hit in hits:  # one stop per passage the cursor can stand on
            if hit.kind in ("paragraph", "heading", "footnote"):
                stops.setdefault(stop_of(letter, hit), hit)
        self.letter_hits = [stops[at] for at in sorted(stops)]
        self.hit_stops = sorted(stops)
        view.mark(marks_of(hits))

    def _step_hit(self, delta: int) -> None:
        view = self.query_one(LetterView)
        place = view.place
        if place is None:
            return
        if not self.last_query:
            self.notify("No search yet: press / to search", timeout=3)
            return
        hits = self.letter_hits
        order = self.hit_stops
        if not hits:
            self.notify(f"No matches for {self.last_query!r} in this letter", timeout=3)
            return
        here = (place.section, place.paragraph)
        if delta > 0:
            later = [i for i, at in enumerate(order) if at > here]
            index, wrapped = (later[0], False) if later else (0, True)
        else:
            earlier = [i for i, at in enumerate(order) if at < here]
            index, wrapped = (earlier[-1], False) if earlier else (len(order) - 1, True)
        view.go_to(*order[index])
        note = " (wrapped)" if wrapped else ""
        self.notify(f"Match {index + 1} of {len(hits)} for {self.last_query!r}{note}", timeout=2)

    def action_next_hit(self) -> None:
        """Go to the next match of the last search in this letter."""
        self._step_hit(+1)

    def action_previous_hit(self) -> None:
        """Go to the previous match of the last search in this letter."""
        self._step_hit(-1)
