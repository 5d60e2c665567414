"""The search bar: search as you type, in the open letter or across all letters.

The screen sets what the bar searches (`letter`, the open one) and has it bring the index of
all letters up to date (`index_library`, a thread worker whose progress shows in the status
line); the bar runs each query in an exclusive worker, so a key typed meanwhile drops the
stale query, and lists the hits. It reports what the user did:
`SearchBar.Found` (the open letter's matches, as they are typed), `SearchBar.Chosen` (a hit
picked) and `SearchBar.Closed` (`escape`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefreader.library import Library
from briefreader.model import Letter
from briefreader.search import Hit, SearchIndex, search_letter
from briefreader.ui.widgets.toc import section_label
from briefreader.ui.workers import Stopped, checkpoint, counted

KIND_LABELS = {"title": "title", "signatory": "signed", "heading": "heading"}
LIMIT = 50  # hits listed across all letters
# a query waits this long for the next key: a fast typist's word is searched once, not per
# letter (a search in a thread cannot be stopped, only its answer dropped)
SETTLE = 0.12


def hit_prompt(hit: Hit) -> Text:
    """Two lines for a hit: date, title and where; then the snippet with the match marked."""
    date = hit.date.isoformat() if hit.date else "—"
    where = KIND_LABELS.get(hit.kind) or section_label(hit.section_title)
    if hit.kind == "footnote":
        where += f" · footnote {hit.footnote}"
    head = Text.assemble((f"{date}  ", "dim"), (hit.title, "bold"), (f"  · {where}", "italic"))
    head.truncate(160, overflow="ellipsis")
    snippet = Text(" ".join(hit.snippet.split()) if not hit.snippet_spans else hit.snippet)
    for start, end in hit.snippet_spans:
        snippet.stylize("bold reverse", start, end)
    return Text.assemble(head, "\n  ", snippet)


class HitList(OptionList):
    """The hits, with reader keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next hit", show=False, id="search.down"),
        Binding("k", "cursor_up", "Previous hit", show=False, id="search.up"),
        Binding("enter", "select", "Go to hit", id="search.go"),
    ]


class SearchBar(Vertical):
    """Query box, status line and hit list; hidden until `/`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="search.close"),
        Binding("tab", "toggle_scope", "This letter / all", priority=True, id="search.scope"),
        Binding("down", "to_hits", show=False, id="search.to_hits"),
        Binding("slash", "to_query", show=False, id="search.to_query"),
    ]

    letter: reactive[Letter | None] = reactive(None, init=False)
    """The open letter: a search covers it first (None: all letters)."""
    scope_all: reactive[bool] = reactive(True, init=False)
    """Whether the search covers all letters rather than the open one."""
    index: reactive[SearchIndex | None] = reactive(None, init=False)
    """The index of all letters, once it is up to date (the bar closes it on unmount)."""
    index_status: reactive[str] = reactive("", init=False)
    """How far indexing has come ("" when it is done)."""

    class Found(Message):
        """The open letter's matches of the query as typed (no hits: the query was cleared)."""

        def __init__(self, letter: Letter, query: str, hits: Sequence[Hit]) -> None:
            super().__init__()
            self.letter = letter
            self.query = query
            self.hits = hits

    class Chosen(Message):
        """The user picked a hit."""

        def __init__(self, hit: Hit, query: str) -> None:
            super().__init__()
            self.hit = hit
            self.query = query

    class Closed(Message):
        """The user closed the bar; `query` is what was left in the box."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[Hit] = []
        self.limit = LIMIT  # how many hits across all letters are listed; "more" adds LIMIT
        self.total = 0  # how many there are in all
        self.answered: tuple[str, bool] | None = None  # the query (and scope) hits are listed for
        self.status_text = ""

    def compose(self) -> ComposeResult:
        """Query box, status, hits."""
        yield Input(placeholder=self._placeholder())
        yield Static("", id="search-status", markup=False)
        yield HitList(id="hits")

    @property
    def query_text(self) -> str:
        """What the user typed."""
        return self.query_one(Input).value.strip()

    def open(self) -> None:
        """Show the bar on the open letter (all letters when none is), the query selected
        for retyping; the box has the focus at once: the keys queued behind `/` are the query."""
        self.scope_all = self.letter is None
        self.add_class("-open")
        box = self.query_one(Input)
        box.select_all()
        self.screen.set_focus(box)

    def _status(self, text: str) -> None:
        self.status_text = text
        self.query_one("#search-status", Static).update(text)

    def _placeholder(self) -> str:
        where = "all letters" if self.scope_all else "this letter"
        return f'search {where} (typos are fine; "quote" a phrase)'

    # -- the index -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def index_library(self, library: Library, cache_dir: Path) -> None:
        """Bring the index of `library` (kept in `cache_dir`) up to date, then search with it."""

        since = time.monotonic()

        def progress(done: int, total: int) -> None:
            checkpoint()
            status = counted("indexing letters for search", done, total, since)
            self.app.call_from_thread(setattr, self, "index_status", status)

        index = SearchIndex.open(cache_dir)
        try:
            index.update(library, progress=progress)
        except Stopped:
            index.close()
            return
        self.app.call_from_thread(self._indexed, index)

    def _indexed(self, index: SearchIndex) -> None:
        self.index_status = ""
        self.index = index

    def on_unmount(self) -> None:
        """Close the index."""
        if self.index is not None:
            self.index.close()

    # -- what the screen sets --------------------------------------------------------------

    def watch_scope_all(self) -> None:
        """The placeholder says where the search looks."""
        self.query_one(Input).placeholder = self._placeholder()

    def watch_index_status(self, text: str) -> None:
        """Show indexing progress (cleared when it is done)."""
        self._status(text)

    def watch_index(self, index: SearchIndex | None) -> None:
        """A query typed while indexing is answered as soon as the index is ready."""
        if index is not None and self.query_text:
            self.search(self.query_text)

    # -- searching -------------------------------------------------------------------------

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.limit = LIMIT
        self.search(event.value.strip())

    @work(exclusive=True, group="search")
    async def search(self, query: str) -> None:
        """Search for `query` and list the hits; a newer query cancels this one."""
        letter, index = (None, self.index) if self.scope_all else (self.letter, None)
        if letter is None and index is None:
            return  # all letters, but the index is not ready: searched when it is
        if query:
            await asyncio.sleep(SETTLE)  # the next key cancels the worker here
        total = None
        if letter is not None:
            # in the open letter: every match, in reading order, highlighted as you type
            hits = await asyncio.to_thread(search_letter, letter, query) if query else []
            self.post_message(self.Found(letter, query, hits))
        else:
            assert index is not None
            limit = self.limit
            hits = await asyncio.to_thread(index.search, query, limit) if query else []
            if len(hits) >= limit:  # there may be more: say how many (`50 of 86`)
                total = await asyncio.to_thread(index.count, query)
        self.show_hits(query, hits, total)

    def show_hits(self, query: str, hits: Sequence[Hit], total: int | None = None) -> None:
        """List the hits of `query` (ignored when the query has moved on); `total` is how
        many there are beyond those listed (a row at the end lists more)."""
        if query != self.query_text:
            return
        shown_before = len(self.hits) if self.answered == (query, self.scope_all) else 0
        self.hits = list(hits)
        self.total = max(total or 0, len(self.hits))
        self.answered = (query, self.scope_all)
        options = self.query_one(HitList)
        options.clear_options()
        options.add_options(Option(hit_prompt(h)) for h in self.hits)
        rest = self.total - len(self.hits)
        if rest > 0:
            more = f"▼ {rest} more: enter lists {min(rest, LIMIT)} more"
            options.add_option(Option(Text(more, "italic"), id="more"))
        if self.hits:  # after "more", on the first of the new hits
            options.highlighted = shown_before if 0 < shown_before < len(self.hits) else 0
        count = len(self.hits)
        if self.scope_all:
            where = "all letters" + (" · tab: this letter" if self.letter else "")
        else:
            title = self.letter.title if self.letter else ""
            short = title if len(title) <= 40 else title[:39].rstrip() + "…"
            where = f"in this letter ({short}) · tab: all letters"
        if not query:
            self._status(where)
        elif count and not self.scope_all:
            found = sum(max(len(h.spans), 1) for h in self.hits)  # occurrences, not passages
            self._status(f"{found} match{'es' * (found != 1)} {where} · enter: go · esc: close")
        elif count:
            counted = f"{count} of {self.total}" if self.total > count else f"{count}"
            plural = "s" * (self.total != 1)
            self._status(f"{counted} hit{plural} in {where} · enter: go · esc: close")
        else:
            self._status(f"nothing matches {query!r} {where}")

    # -- the user's choices ----------------------------------------------------------------

    def action_toggle_scope(self) -> None:
        """Switch between the open letter and all letters, and search again."""
        if self.letter is None:
            return
        self.scope_all = not self.scope_all
        self.search(self.query_text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`down` goes from the box to the hits when there are some; `/` from the hits back."""
        if action == "to_hits":
            return bool(self.hits) and self.query_one(Input).has_focus
        if action == "to_query":
            return not self.query_one(Input).has_focus
        return True

    def action_to_hits(self) -> None:
        """Walk the hits."""
        self.screen.set_focus(self.query_one(HitList))

    def action_to_query(self) -> None:
        """Back to the query box."""
        self.screen.set_focus(self.query_one(Input))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.hits:
            self._choose(self.query_one(HitList).highlighted or 0)

    @on(OptionList.OptionSelected, "#hits")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        if index == len(self.hits) and self.total > len(self.hits):  # the "more" row
            self.limit = len(self.hits) + LIMIT
            self.search(self.query_text)
        elif 0 <= index < len(self.hits):
            self.remove_class("-open")
            self.post_message(self.Chosen(self.hits[index], self.query_text))

    def action_close(self) -> None:
        """Hide the bar."""
        self.remove_class("-open")
        self.post_message(self.Closed(self.query_text))
