"""A PDF page's lines laid out as text: pieces rejoined, blank lines from the geometry, and
running heads, footers and sidebars that repeat on every page taken out.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

__all__ = ["Row", "drop_running", "lay_out"]

_NOTE_START = re.compile(r"^\d{1,3}\s+(?:[^\W\d_]|https?:|www\.)")
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class Row:
    """One line of a page with its box in PDF units (y grows upward)."""

    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float = 0.0  # the type size where the line starts (a merged superscript aside)
    bold: bool = False  # a short line set in bold: a heading, whatever space follows it

    def __post_init__(self) -> None:
        if not self.size:
            self.size = self.top - self.bottom


def _place(row: Row) -> tuple[int, int]:
    return round(row.left / 3), round(row.bottom / 3)


def _counter(row: Row) -> bool:
    """Short and numbered, as a page counter is (`Pagina 2 van 7`, `- 3 -`, `12`)."""
    return len(row.text) <= 25 and len(row.text.split()) <= 4 and any(c.isdigit() for c in row.text)


def drop_running(pages: list[list[Row]]) -> None:
    """Take out pieces that recur at the same place on most pages (running heads and
    footers, a letterhead sidebar's `Kenmerk`) from every page but the first: page 1's
    letterhead is read as the letter's header, later copies are furniture.

    A piece recurs when its text does, or, for a page counter (`Pagina 2 van 7`, `3`),
    when its text with the numbers left out does on most pages: `Vraag 8` at the top of
    two pages is no running head.
    """
    if len(pages) < 2:
        return
    exact: Counter[tuple[str, int, int]] = Counter()
    counters: Counter[tuple[str, int, int]] = Counter()
    for rows in pages:
        short = [r for r in rows if len(r.text) <= 80 and r.right > r.left]
        exact.update({(r.text, *_place(r)) for r in short})
        counters.update({(_DIGITS.sub("#", r.text), *_place(r)) for r in short if _counter(r)})
    # on most pages: a date in a list column or a repeated table cell is no furniture
    most = max(2, (len(pages) * 3 + 4) // 5)
    _count_tails(pages, exact)
    tails: dict[str, float] = {}  # running text -> its right edge
    for rows in pages[1:]:
        kept = []
        for row in rows:
            key = (row.text, *_place(row))
            counter = (_DIGITS.sub("#", row.text), *_place(row)) if _counter(row) else key
            running = exact[key] >= most or counters[counter] >= max(3, most)
            if not (running and len(row.text) <= 80):
                kept.append(row)
            elif exact[key] >= most and " " in row.text:
                tails[row.text] = row.right
        rows[:] = kept
    if tails:
        _cut_tails(pages[1:], tails)


def _count_tails(pages: list[list[Row]], exact: Counter[tuple[str, int, int]]) -> None:
    """Count, for a piece seen whole on two pages or more, the pages where it is run onto
    the end of a body line instead (same text, same right edge)."""
    by_edge: dict[int, list[tuple[str, int, int]]] = {}
    for rows in pages:
        for r in rows:
            key = (r.text, *_place(r))
            if exact[key] >= 2 and " " in r.text and key not in by_edge.get(round(r.right), ()):
                by_edge.setdefault(round(r.right), []).append(key)
    if not by_edge:
        return
    for rows in pages:
        found = set()
        for r in rows:
            edge = round(r.right)
            for near in (edge - 1, edge, edge + 1):
                for key in by_edge.get(near, ()):
                    if r.text.endswith(" " + key[0]) and r.text != key[0]:
                        found.add(key)
        exact.update(found)


def _cut_tails(pages: list[list[Row]], tails: dict[str, float]) -> None:
    """A running piece run onto the end of a body line (a sidebar line level with it, no
    gap between) is cut off that line: same text, same right edge."""
    for rows in pages:
        for row in rows:
            for tail, right in tails.items():
                if abs(row.right - right) < 2 and row.text.endswith(" " + tail):
                    row.text = row.text[: -len(tail) - 1].rstrip()
                    break


def _boxes_in_place(rows: list[Row]) -> list[Row]:
    """`rows` with a text box put where it stands on the page.

    Word draws a text box after the page's text and footnotes: a run of rows in the text
    column that starts higher up than the row before it and lies between two rows of the
    text is moved to just below the last text row above it (a few boxes a page at most).
    """
    for _ in range(8):
        moved = _move_one_box(rows)
        if moved is None:
            break
        rows = moved
    return rows


def _move_one_box(rows: list[Row]) -> list[Row] | None:
    """`rows` with the last misplaced text box moved into place, or None when there is none."""
    if len(rows) < 3:
        return None
    margin = Counter(round(r.left) for r in rows).most_common(1)[0][0]

    def in_column(row: Row) -> bool:
        return abs(row.left - margin) < 15

    k = len(rows) - 1
    while k > 0:
        start = k
        while start > 0 and rows[start - 1].bottom > rows[start].bottom:
            start -= 1  # rows[start:k+1] run down the page
        run = rows[start : k + 1]
        before = rows[:start]
        if (
            start > 0
            and run[0].bottom > rows[start - 1].top  # the run starts higher up the page
            and all(in_column(r) for r in run)
        ):
            above = [i for i, r in enumerate(before) if in_column(r) and r.bottom > run[0].top]
            below = [r for r in before if in_column(r) and r.top < run[-1].bottom]
            if above and below and above[-1] + 1 < start:
                at = above[-1] + 1
                return before[:at] + run + before[at:] + rows[k + 1 :]
        k = start - 1
    return None


def lay_out(rows: list[Row]) -> list[str]:
    """Rows as text lines: a piece on the previous row's line rejoins it; wide gaps blank."""
    rows = _boxes_in_place(rows)
    merged: list[Row] = []
    for row in rows:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            # footnotes set side by side stay apart; a marker glued to its word does not
            and not (_NOTE_START.match(row.text) and row.left - prev.right > row.size)
            and prev.right <= row.left + 1
            and row.bottom < prev.top
            and row.top > prev.bottom
            and min(prev.top, row.top) - max(prev.bottom, row.bottom)
            >= 0.5 * min(prev.top - prev.bottom, row.top - row.bottom)
        ):
            space = "" if row.left - prev.right < 1.5 else " "
            prev.text += space + row.text
            prev.right = row.right
            prev.bottom = min(prev.bottom, row.bottom)
            prev.top = max(prev.top, row.top)
            continue
        merged.append(row)
    pitches = [
        a.bottom - b.bottom for a, b in zip(merged, merged[1:], strict=False) if a.bottom > b.bottom
    ]
    pitch = statistics.median(pitches) if pitches else 0.0
    if merged:
        # a page of spaced-out lines has no usual pitch: the type size bounds it
        height = statistics.median(r.top - r.bottom for r in merged)
        pitch = min(pitch, 1.3 * height) if pitch else 0.0
    body = statistics.median(r.size for r in merged) if merged else 0.0
    lefts = Counter(round(r.left) for r in merged)
    margin = lefts.most_common(1)[0][0] if lefts else 0.0

    def in_body(row: Row) -> bool:
        return body > 0 and 0.87 < row.size / body < 1.15

    lines: list[str] = []
    for k, row in enumerate(merged):
        if k and pitch:
            prev = merged[k - 1]
            drop = prev.bottom - row.bottom
            # a wide gap, a jump up the page, or leaving the text's type size (footnotes)
            resized = in_body(prev) != in_body(row)
            # Word's headings need no space below them (the sidebar's bold labels are no
            # headings: only in the text column)
            boxed = prev.bold and not row.bold and abs(prev.left - margin) < 15
            if drop > 1.45 * pitch or drop < -pitch or resized or boxed:
                lines.append("")
        lines.append(row.text)
    return lines
