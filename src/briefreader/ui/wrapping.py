"""Wrapping text to a width in linear time, and the lines of a layout made only when drawn.

A letter may be one 50 MB paragraph or a 2 MB word. Laying it out must cost time in
proportion to its length (`wrap_offsets`), and what the reader does at once (count the lines,
place the passages) must be far less than drawing all of them: a `Wrapped` block knows where
its lines break and makes them when first asked; `Lines` holds the blocks of a layout and
keeps the lines of recently drawn blocks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text

MADE_BLOCKS = 64  # blocks whose lines are kept once made (a screen shows a few)
# Characters that may take other than one cell (wide East Asian, combining, emoji): text
# without them wraps by counting characters, in C.
_NOT_SINGLE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0e31-\u0e3a"
    "\u1100-\u115f\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u20d0-\u20ff\u2e80-\ua4cf"
    "\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe0f\ufe20-\ufe6f\uff00-\uff60"
    "\uffe0-\uffe6\U0001f000-\U0001faff\U00020000-\U0003fffd\U000e0000-\U000e01ef]"
)


def wrap_offsets(text: str, width: int) -> list[int]:
    """Offsets where `text` breaks into lines of at most `width` cells (greedy, on spaces).

    Linear in the length of `text`: a word longer than a line (a 2 MB run without spaces) is
    cut by walking it once, never by re-slicing and re-measuring what is left of it; plain
    single-spaced text of one-cell characters is broken line by line, not word by word.
    """
    width = max(width, 8)
    if _plain_prose(text):
        return _prose_offsets(text, width)
    breaks: list[int] = []
    line_cells, pos = 0, 0
    for word in text.split(" "):
        cells = cell_len(word)
        single = cells == len(word)  # one cell per character: cut by counting
        start = 0  # where the part of the word still to place begins
        if line_cells and line_cells + 1 + cells > width:
            room = width - line_cells - 1
            if cells > width and room >= 4:  # a URL: start it here rather than alone below
                start = _fit(word, 0, room, single)
                pos += start
                cells -= start if single else cell_len(word[:start])
            breaks.append(pos)
            line_cells = 0
        while cells > width:  # a word longer than a line: cut it
            end = _fit(word, start, width, single)
            pos += end - start
            breaks.append(pos)
            cells -= end - start if single else cell_len(word[start:end])
            start = end
        line_cells += cells + (1 if line_cells else 0)
        pos += len(word) - start + 1
    return [b for b in breaks if 0 < b < len(text)]


def _plain_prose(text: str) -> bool:
    """Whether `text` is single-spaced, on one line, of one-cell characters only."""
    return bool(
        text
        and text[0] != " "
        and text[-1] != " "
        and "  " not in text
        and "\n" not in text
        and not _NOT_SINGLE.search(text)
    )


def _prose_offsets(text: str, width: int) -> list[int]:
    """`wrap_offsets` for plain prose, a line at a time (the same breaks, found in C)."""
    breaks: list[int] = []
    end, pos = len(text), 0
    while end - pos > width:
        space = text.rfind(" ", pos, pos + width + 1)  # the last break that fits
        if space < 0:  # a word longer than a line: cut it
            pos += width
        else:
            after = text.find(" ", space + 1)
            room = width - (space - pos) - 1
            if (end if after < 0 else after) - space - 1 > width and room >= 4:
                pos += width  # a URL: start it on this line rather than alone below
            else:
                pos = space + 1
        breaks.append(pos)
    return breaks


def _fit(word: str, start: int, cells: int, single: bool) -> int:
    """The end of the longest piece of `word` from `start` that fits in `cells` (at least one
    character, so that a double-width one in a narrow column still moves on)."""
    if single:
        return min(start + cells, len(word))
    used, end = 0, start
    while end < len(word):
        size = get_character_cell_size(word[end])
        if used + size > cells:
            break
        used += size
        end += 1
    return max(end, start + 1)


@dataclass(frozen=True, slots=True)
class Wrapped:
    """A text wrapped to a width: where its lines break is known, the text and its lines are
    made when first drawn (`make` gives the styled text whose plain text was wrapped). The
    first line is indented `indent` cells, the others `hang`."""

    make: Callable[[], Text]
    offsets: list[int]
    indent: int = 0
    hang: int = 0
    empty: bool = False  # the text is empty

    def __len__(self) -> int:
        return len(self.offsets) + 1

    @property
    def blank(self) -> bool:
        """Whether this is one empty line."""
        return self.empty and not self.indent

    def lines(self) -> list[Text]:
        """The lines, each trimmed and indented."""
        out = []
        for n, piece in enumerate(self.make().divide(self.offsets)):
            piece.rstrip()
            lead = self.indent if n == 0 else self.hang
            if piece.plain.startswith(" "):
                piece = piece[1:]
            out.append(Text(" " * lead) + piece if lead else piece)
        return out


class Lines(Sequence[Text]):
    """The lines of a layout, block by block, each block's lines made when first asked for;
    with the passage that owns each line (`owner`)."""

    def __init__(self) -> None:
        self._blocks: list[Wrapped | list[Text]] = []
        self._starts: list[int] = []
        self._owners: list[int] = []
        self._count = 0
        self._made: dict[int, list[Text]] = {}
        self.last_blank = False  # whether the last line is empty

    def add(self, block: Wrapped | list[Text], owner: int) -> None:
        """Append a block of lines, all owned by passage `owner` (-1: none)."""
        if not len(block):
            return
        self._starts.append(self._count)
        self._blocks.append(block)
        self._owners.append(owner)
        self._count += len(block)
        self.last_blank = block.blank if isinstance(block, Wrapped) else not block[-1].plain

    def __len__(self) -> int:
        return self._count

    def _index(self, n: int) -> int:
        if n < 0:
            n += self._count
        if not 0 <= n < self._count:
            raise IndexError(n)
        return n

    def owner(self, n: int) -> int:
        """The passage that line `n` belongs to (-1: none)."""
        return self._owners[bisect_right(self._starts, self._index(n)) - 1]

    def _block_lines(self, b: int) -> list[Text]:
        block = self._blocks[b]
        if isinstance(block, list):
            return block
        made = self._made.get(b)
        if made is None:
            if len(self._made) >= MADE_BLOCKS:
                self._made.pop(next(iter(self._made)))
            made = self._made[b] = block.lines()
        return made

    @overload
    def __getitem__(self, n: int) -> Text: ...
    @overload
    def __getitem__(self, n: slice) -> list[Text]: ...
    def __getitem__(self, n: int | slice) -> Text | list[Text]:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(self._count))]
        n = self._index(n)
        b = bisect_right(self._starts, n) - 1
        return self._block_lines(b)[n - self._starts[b]]

    def __iter__(self) -> Iterator[Text]:
        for b in range(len(self._blocks)):
            yield from self._block_lines(b)


class Owners(Sequence[int]):
    """The owning passage of each line of a `Lines` (-1: none), as a sequence."""

    def __init__(self, lines: Lines) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, n: int) -> int: ...
    @overload
    def __getitem__(self, n: slice) -> Sequence[int]: ...
    def __getitem__(self, n: int | slice) -> int | Sequence[int]:
        if isinstance(n, slice):
            return [self._lines.owner(i) for i in range(*n.indices(len(self._lines)))]
        return self._lines.owner(n)
