"""The search bar: a query box over the hits in the open letter or across all letters.

The bar only shows things and reports what the user did: `SearchBar.Changed` when the query
changes (the screen runs the search in a worker and hands the hits back with `show_hits`),
`SearchBar.Chosen` when a hit is picked, `SearchBar.Closed` on `escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefreader.search import Hit
from briefreader.ui.widgets.toc import section_label

KIND_LABELS = {"title": "title", "signatory": "signed", "heading": "heading"}


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
    ]

    class Changed(Message):
        """The query text changed."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Chosen(Message):
        """The user picked a hit."""

        def __init__(self, hit: Hit, query: str) -> None:
            super().__init__()
            self.hit = hit
            self.query = query

    class Closed(Message):
        """The user closed the bar."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[Hit] = []
        self.opening = False  # opened, but the query box has not got the focus yet
        self.pending = ""  # typed before the bar's own widgets existed
        self.status_text = ""
        self.ready = False
        # with a letter open the search covers that letter first; tab widens it to all
        self.letter_title: str | None = None
        self.scope_all = True

    def on_mount(self) -> None:
        """The bar is made on the first `/`: open it with whatever was typed meanwhile."""
        self.ready = True
        self.status(self.status_text)
        self.open()
        if self.pending:
            self.take_text(self.pending)
            self.pending = ""

    def take_key(self, event: events.Key) -> bool:
        """Type a key pressed before the query box got the focus into it (fast typists)."""
        if not event.is_printable or not event.character:
            return False
        return self.take_text(event.character)

    def take_text(self, text: str) -> bool:
        """Put text typed or pasted before the query box got the focus into it."""
        if not self.opening:
            return False
        if not self.ready:
            self.pending += text
            return True
        box = self.query_one(Input)
        if box.selected_text and box.selected_text == box.value:
            box.value = ""  # the old query was selected: typing replaces it
        box.insert_text_at_cursor(text)
        return True

    def on_descendant_focus(self) -> None:
        """The query box has the focus: keys go there by themselves now."""
        self.opening = False

    def compose(self) -> ComposeResult:
        """Query box, status, hits."""
        yield Input(placeholder=self._placeholder())
        yield Static("", id="search-status", markup=False)
        yield HitList(id="hits")

    @property
    def query_text(self) -> str:
        """What the user typed."""
        return self.query_one(Input).value.strip() if self.ready else self.pending.strip()

    def open(self) -> None:
        """Show the bar with the query selected for retyping."""
        self.add_class("-open")
        self.opening = True
        if not self.ready:
            return  # on_mount opens it
        box = self.query_one(Input)
        box.select_all()
        self.screen.set_focus(box)  # at once: the keys queued behind `/` are the query

    def status(self, text: str) -> None:
        """Set the status line (counts, indexing progress)."""
        self.status_text = text
        if self.ready:
            self.query_one("#search-status", Static).update(text)

    def show_hits(self, query: str, hits: Sequence[Hit]) -> None:
        """List the hits of `query` (ignored when the query has moved on)."""
        if query != self.query_text:
            return
        self.hits = list(hits)
        options = self.query_one(HitList)
        options.clear_options()
        options.add_options(Option(hit_prompt(h)) for h in self.hits)
        if self.hits:
            options.highlighted = 0
        count = len(self.hits)
        if self.scope_all:
            where = "all letters" + (" · tab: this letter" if self.letter_title else "")
        else:
            title = self.letter_title or ""
            short = title if len(title) <= 40 else title[:39].rstrip() + "…"
            where = f"in this letter ({short}) · tab: all letters"
        if not query:
            self.status(where)
        elif count:
            self.status(f"{count} hit{'s' if count != 1 else ''} {where} · enter: go · esc: close")
        else:
            self.status(f"nothing matches {query!r} {where}")

    def set_scope(self, letter_title: str | None) -> None:
        """Search the open letter (`letter_title`) first, or all letters when none is open."""
        self.letter_title = letter_title
        self.scope_all = letter_title is None
        if self.ready:
            self.query_one(Input).placeholder = self._placeholder()

    def _placeholder(self) -> str:
        where = "all letters" if self.scope_all else "this letter"
        return f'search {where} (typos are fine; "quote" a phrase)'

    def action_toggle_scope(self) -> None:
        """Switch between the open letter and all letters, and search again."""
        if self.letter_title is None:
            return
        self.scope_all = not self.scope_all
        self.query_one(Input).placeholder = self._placeholder()
        self.post_message(self.Changed(self.query_text))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value.strip()))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(HitList)
        if self.hits:
            self._choose(options.highlighted or 0)

    @on(OptionList.OptionSelected, "#hits")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.hits):
            self.post_message(self.Chosen(self.hits[index], self.query_text))

    def on_key(self, event: events.Key) -> None:
        """`down` from the box goes to the hits; `/` from the hits back to the box."""
        box = self.query_one(Input)
        if event.key == "down" and box.has_focus and self.hits:
            self.screen.set_focus(self.query_one(HitList))
            event.stop()
        elif event.key == "slash" and not box.has_focus:
            self.screen.set_focus(box)
            event.stop()

    def action_close(self) -> None:
        """Hide the bar."""
        self.remove_class("-open")
        self.post_message(self.Closed())
