"""The columns of the letter list: which to show and how wide, for the rows and the width.

A document is known by its number (`21 501-20, nr. 512`) and its kind as much as by its title,
so those come first after the date; the title takes what is left. A column that no row fills
(no letter has a sender) is left out, and the sender goes first when the width runs short.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefreader.library import Entry
from briefreader.textsafe import shown_name
from briefreader.ui.kinds import kind_label, short_number

DATE_CELLS = 10
NUMBER_CELLS = 20  # `II 2023/24, nr. 1314`; longer numbers are cut
KIND_CELLS = 12  # `Kamervragen`; `Besluitenlijst` is cut
SENDER_CELLS = 30
MIN_TITLE = 24


def fit(text: str, cells: int) -> str:
    """`text` cut or padded to exactly `cells` characters (an ellipsis when cut)."""
    if len(text) > cells:
        return text[: max(cells - 1, 0)] + "…"
    return text.ljust(cells)


def _number(entry: Entry) -> str:
    return "" if entry.error else short_number(entry)


def _kind(entry: Entry) -> str:
    return kind_label(entry.kind)


def _sender(entry: Entry) -> str:
    return shown_name(entry.error) if entry.error else entry.sender or ""


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its heading, width and how a row's cell is read."""

    heading: str
    cells: int
    cell: Callable[[Entry], str]


@dataclass(frozen=True, slots=True)
class Columns:
    """The columns after date and title (`before` the title, `after` it) and the title's
    width, for one set of rows and one width."""

    title: int
    before: tuple[Column, ...] = ()
    after: tuple[Column, ...] = ()

    def row(self, entry: Entry) -> str:
        """One row as plain text."""
        date = entry.date.isoformat() if entry.date else "—"
        # a file's own name may hold escapes, newlines, bidi marks: shown made safe
        title = f"⚠ {shown_name(entry.path.name)}" if entry.error else entry.title
        parts = [" " + fit(date, DATE_CELLS)]
        parts += [fit(c.cell(entry), c.cells) for c in self.before]
        parts.append(fit(title, self.title))
        parts += [fit(c.cell(entry), c.cells) for c in self.after]
        return " ".join(parts)

    def header(self) -> str:
        """The column headings."""
        parts = [" " + fit("Date", DATE_CELLS)]
        parts += [fit(c.heading, c.cells) for c in self.before]
        parts.append(fit("Title", self.title))
        parts += [fit(c.heading, c.cells) for c in self.after]
        return " ".join(parts)


def filled(rows: Sequence[Entry]) -> frozenset[str]:
    """Which optional columns (`number`, `kind`, `sender`) any of `rows` fills."""
    out = set()
    for entry in rows:
        if _number(entry):
            out.add("number")
        if entry.sender or entry.error:
            out.add("sender")
        if len(out) == 2:
            break
    if rows:
        out.add("kind")
    return frozenset(out)


def layout_columns(width: int, present: frozenset[str], widest_number: int = 0) -> Columns:
    """The columns that fit `width` cells, of those `present`; the title gets the rest.

    Number and kind stay while the title keeps `MIN_TITLE` cells; the sender is the first to go.
    """
    rest = width - DATE_CELLS - 1
    before: list[Column] = []
    number_cells = min(max(widest_number, len("Number")), NUMBER_CELLS)
    for name, column in (
        ("number", Column("Number", number_cells, _number)),
        ("kind", Column("Kind", KIND_CELLS, _kind)),
    ):
        if name in present and rest - column.cells - 1 >= MIN_TITLE:
            before.append(column)
            rest -= column.cells + 1
    after: list[Column] = []
    if "sender" in present and rest - SENDER_CELLS - 2 >= MIN_TITLE:
        after.append(Column("Sender", SENDER_CELLS, _sender))
        rest -= SENDER_CELLS + 1
    return Columns(max(rest - 1, 8), tuple(before), tuple(after))


def widest_number(rows: Sequence[Entry]) -> int:
    """The longest number among `rows` (the number column is no wider than it needs)."""
    return max((len(_number(e)) for e in rows), default=0)
