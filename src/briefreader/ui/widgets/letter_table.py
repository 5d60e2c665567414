"""The rows of the letter list, drawn line by line: 10,000 letters cost no more than five.

A `DataTable` measures every cell of every row it is given; for a large library that is most
of the startup time. This table picks its columns once per set of rows (`list_columns`: date,
number, kind, title, sender, leaving out what no row fills), gives the title whatever width
is left, and renders only the rows on screen (the Line API).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefreader.library import Entry
from briefreader.ui.widgets.list_columns import Columns, filled, layout_columns, widest_number


class LetterTable(ScrollView, can_focus=True):
    """Letters one per row, with a row cursor; `enter` or a click posts `Chosen`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Open letter", id="list.open"),
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list.pgdn"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="list.pgup"),
        Binding("g,home", "first", "First letter", show=False, id="list.top"),
        Binding("G,end", "last", "Last letter", show=False, id="list.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "letter-table--cursor",
        "letter-table--error",
        "letter-table--header",
    }

    class Chosen(Message):
        """The user chose the row `row`."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[Entry] = ()
        self.cursor_row = 0
        self._present: frozenset[str] = frozenset()
        self._widest = 0
        self._columns: tuple[int, Columns] | None = None
        self._basis: Sequence[Entry] | None = None  # the rows the columns were chosen for

    @property
    def row_count(self) -> int:
        """How many rows the table has."""
        return len(self.rows)

    def set_rows(self, rows: Sequence[Entry], library: Sequence[Entry] | None = None) -> None:
        """Show these entries (the cursor goes to the first row); the columns are those of
        `library` when given (the whole list: columns stay put while a filter narrows it)."""
        self.rows = rows
        self.cursor_row = 0
        basis = rows if library is None else library
        if basis is not self._basis:
            self._basis = basis
            self._present, self._widest = filled(basis), widest_number(basis)
            self._columns = None
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows) + 1)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def move_cursor(self, row: int, animate: bool = False) -> None:
        """Put the cursor on `row`, scrolled into view."""
        if not self.rows:
            return
        self.cursor_row = max(0, min(row, len(self.rows) - 1))
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height - 1  # under the column headings
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + height:
            self.scroll_to(y=self.cursor_row - height + 1, animate=False, immediate=True)
        self.refresh()

    @property
    def columns(self) -> Columns:
        """The columns shown at the table's present width."""
        width = self.scrollable_content_region.width
        if self._columns is None or self._columns[0] != width:
            self._columns = (width, layout_columns(width, self._present, self._widest))
        return self._columns[1]

    def on_resize(self, event: events.Resize) -> None:
        """Columns follow the width."""
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows) + 1)

    def render_line(self, y: int) -> Strip:
        """The column headings on top, then one row each, the cursor's highlighted."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:  # the headings stay put while the rows scroll under them
            style = base + self.get_component_rich_style("letter-table--header")
            return Strip([Segment(self.columns.header(), style)]).crop_extend(0, width, style)
        n = round(self.scroll_y) + y - 1
        if n >= len(self.rows):
            return Strip.blank(width, base)
        entry = self.rows[n]
        style = base
        if entry.error:
            style = style + self.get_component_rich_style("letter-table--error")
        if n == self.cursor_row:
            style = style + self._cursor_style()
        text = self.columns.row(entry)
        return Strip([Segment(text, style)]).crop_extend(0, width, style)

    def _cursor_style(self) -> Style:
        style = self.get_component_rich_style("letter-table--cursor")
        return style if self.has_focus else Style(bgcolor=style.bgcolor, dim=True)

    def on_focus(self) -> None:
        """Show the cursor as active."""
        self.refresh()

    def on_blur(self) -> None:
        """Show the cursor as inactive."""
        self.refresh()

    def action_cursor_down(self) -> None:
        """Next row."""
        self.move_cursor(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.move_cursor(self.cursor_row - 1)

    def action_page_down(self) -> None:
        """A page of rows down."""
        self.move_cursor(self.cursor_row + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        """A page of rows up."""
        self.move_cursor(self.cursor_row - max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        """The first row."""
        self.move_cursor(0)

    def action_last(self) -> None:
        """The last row."""
        self.move_cursor(len(self.rows) - 1)

    def action_choose(self) -> None:
        """Open the letter under the cursor."""
        if self.rows:
            self.post_message(self.Chosen(self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on a row; a second click (or a double click) opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = round(self.scroll_y) + offset.y - 1
        if not 0 <= row < len(self.rows):
            return
        if row == self.cursor_row or event.chain > 1:
            self.post_message(self.Chosen(row))
        self.move_cursor(row)
