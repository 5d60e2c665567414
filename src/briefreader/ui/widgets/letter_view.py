"""The reader pane: one letter drawn line by line, with a passage cursor.

Only the lines on screen are rendered (Textual's Line API), so a 200-page letter opens as fast
as a short one. The cursor stands on a passage (a paragraph, or the heading of an empty
section); every move posts `LetterView.Moved` so the screen can update the table of contents,
the progress line and the reading state. The screen sets the letter; this widget never reaches
into its siblings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from briefreader.model import Letter
from briefreader.ui.layout import (
    GUTTER,
    STYLE_NAMES,
    Aside,
    LetterLayout,
    Marks,
    Passage,
    Place,
    build_layout,
)

# Footnote markers are drawn as superscript digits; they are not in the paragraph's text.
NO_MARKERS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, slots=True)
class Selected:
    """Text selected with the mouse, from the paragraph where the selection starts: its words
    as the letter has them, and the offset in the paragraph's text where it starts."""

    section: int
    paragraph: int
    text: str
    near: int


class LetterView(ScrollView, can_focus=True):
    """A scrollable letter with a highlighted current passage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next passage", show=False, id="reader.down"),
        Binding("k,up", "cursor_up", "Previous passage", show=False, id="reader.up"),
        Binding("space,pagedown,ctrl+f", "page_down", "Page down", show=False, id="reader.pgdn"),
        Binding("b,pageup,ctrl+b", "page_up", "Page up", show=False, id="reader.pgup"),
        Binding("d,ctrl+d", "half_down", "Half a page down", show=False, id="reader.half_down"),
        Binding("u,ctrl+u", "half_up", "Half a page up", show=False, id="reader.half_up"),
        Binding("g,home", "first", "Top of letter", show=False, id="reader.top"),
        Binding("G,end", "last", "End of letter", show=False, id="reader.bottom"),
    ]

    COMPONENT_CLASSES = {f"letter-view--{name}" for name in (*STYLE_NAMES, "cursor", "bar", "note")}

    class Moved(Message):
        """The cursor moved to another passage (or the letter changed)."""

        def __init__(self, view: LetterView, letter: Letter, place: Place) -> None:
            super().__init__()
            self.view = view
            self.letter = letter
            self.place = place

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.letter: Letter | None = None
        self.layout_: LetterLayout | None = None
        self.cursor = 0  # index into layout_.passages
        self.marks: Marks = {}  # search matches to highlight
        self._laid_styles: dict[str, Style] = {}
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self.noted: frozenset[tuple[int, int]] = frozenset()  # annotated (section, paragraph)
        self.aside = Aside()  # documents citing it, changed notes: from the pane, not the letter

    # -- what the screen calls -------------------------------------------------------------

    def show(self, letter: Letter, section: int = 0, paragraph: int = 0) -> None:
        """Show `letter` with the cursor on `(section, paragraph)` (or the nearest passage)."""
        self.letter = letter
        self.marks = {}
        self.layout_ = None
        self._relayout()
        layout = self._layout()
        found = layout.passage_index(section, paragraph)
        self.cursor = found if found is not None else layout.first_passage_of(section)
        first = layout.passages[self.cursor]
        self._scroll(0 if self.cursor == 0 else max(first.start - 2, 0))
        self._moved()

    def go_to_section(self, section: int) -> None:
        """Put the cursor on the first passage of `section` and its heading at the top."""
        layout = self._layout()
        if not layout.section_starts:
            return
        section = max(0, min(section, len(layout.section_starts) - 1))
        self.cursor = layout.first_passage_of(section)
        self._scroll(layout.section_starts[section])
        self._moved()

    def go_to(self, section: int, paragraph: int) -> None:
        """Put the cursor on passage `(section, paragraph)`, scrolled into view."""
        layout = self._layout()
        found = layout.passage_index(section, paragraph)
        self.cursor = found if found is not None else layout.first_passage_of(section)
        self._reveal(center=True)
        self._moved()

    def mark(self, marks: Marks) -> None:
        """Highlight these search matches (an empty mapping clears them)."""
        if self.letter is None or (not marks and not self.marks):
            return
        self.marks = marks
        self._relayout(force=True)

    def set_aside(self, aside: Aside) -> None:
        """Show what the pane found about the letter (documents citing it, changed notes)."""
        if aside != self.aside:
            self.aside = aside
            self._relayout(force=True)

    def mark_notes(self, passages: Iterable[tuple[int, int]]) -> None:
        """Mark the passages `(section, paragraph)` that have notes (a ✎ in the margin)."""
        marked = frozenset(passages)
        if marked != self.noted:
            self.noted = marked
            self._cache.clear()
            self.refresh()

    @property
    def place(self) -> Place | None:
        """The cursor's passage, in letter terms; None when no letter is shown."""
        if self.letter is None or self.layout_ is None:
            return None
        return self.layout_.place(self.cursor)

    def take_selection(self) -> Selected | None:
        """The mouse selection, when it starts in a paragraph (the cursor goes there)."""
        selection, layout = self.text_selection, self.layout_
        if selection is None or layout is None or selection.start is None:
            return None
        got = self.get_selection(selection)
        y = selection.start.y
        owner = layout.owners[y] if y < len(layout.owners) else -1
        if got is None or owner < 0 or layout.passages[owner].paragraph < 0:
            return None
        p = layout.passages[owner]
        quote = " ".join(got[0].translate(NO_MARKERS).split())
        lines = [line.plain for line in layout.lines[p.start : y]]
        before = " ".join([*lines, layout.lines[y].plain[: selection.start.x]])
        self.go_to(p.section, p.paragraph)
        return Selected(p.section, p.paragraph, quote, len(before.translate(NO_MARKERS)))

    @property
    def passage(self) -> Passage | None:
        """The passage under the cursor."""
        return None if self.layout_ is None else self.layout_.passages[self.cursor]

    # -- layout and drawing ------------------------------------------------------------------

    def _layout(self) -> LetterLayout:
        if self.layout_ is None:
            self._relayout()
        assert self.layout_ is not None
        return self.layout_

    def _styles(self) -> dict[str, Style]:
        return {n: self.get_component_rich_style(f"letter-view--{n}") for n in STYLE_NAMES}

    def _relayout(self, force: bool = False) -> None:
        if self.letter is None:
            return
        width = max(self.scrollable_content_region.width, 20)
        if self.layout_ is not None and self.layout_.width == width and not force:
            return
        anchor = self.layout_.passages[self.cursor] if self.layout_ else None
        offset = anchor.start - round(self.scroll_y) if anchor else 0
        self._laid_styles = self._styles()
        self.layout_ = build_layout(self.letter, width, self._laid_styles, self.marks, self.aside)
        self._cache.clear()
        self.virtual_size = Size(width, len(self.layout_.lines))
        if anchor is not None:  # keep the cursor's passage where it was on screen
            found = self.layout_.passage_index(anchor.section, anchor.paragraph)
            self.cursor = found if found is not None else 0
            start = self.layout_.passages[self.cursor].start
            self._scroll(max(start - offset, 0))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap the letter when the pane's width changes."""
        self._relayout()

    def notify_style_update(self) -> None:
        """A theme change: lay out again with the new styles."""
        super().notify_style_update()
        # focus changes also land here: re-wrap only when the letter's styles really changed
        if self.layout_ is not None and self._styles() != self._laid_styles:
            self._relayout(force=True)

    def render_line(self, y: int) -> Strip:
        """One screen row: the layout line under it, highlighted when it is the cursor's."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self.layout_
        n = round(self.scroll_y) + y
        if layout is None or n >= len(layout.lines):
            return Strip.blank(width, base)
        # 0: a plain line; 1: the cursor's, pane not focused (bar only); 2: bar and band
        look = 0 if layout.owners[n] != self.cursor else 2 if self.has_focus_within else 1
        key = (n, look)
        strip = self._cache.get(key)
        if strip is None or strip.cell_length != width:
            strip = self._draw(layout, n, look, width)
            self._cache[key] = strip
        return strip

    def _draw(self, layout: LetterLayout, n: int, look: int, width: int) -> Strip:
        base = self.rich_style
        if look:
            bar = Segment("▌ ", base + self.get_component_rich_style("letter-view--bar"))
            if look == 2:
                base = base + self.get_component_rich_style("letter-view--cursor")
        else:
            bar = Segment(" " * GUTTER, base)
        bar = self._note_mark(layout, n, bar, base)
        segments = [bar, *self._text_of(layout, n)]
        return Strip(segments).crop_extend(0, width, base).apply_style(base)

    def _text_of(self, layout: LetterLayout, n: int) -> Strip:
        """Line `n`'s text, with the mouse selection shown and the offsets Textual needs to
        select text (the margin carries none, so it is never part of a selection)."""
        line = layout.lines[n]
        selection = self.text_selection
        span = selection.get_span(n) if selection is not None else None
        if span is not None:
            start, end = span
            line = line.copy()
            style = self.screen.get_component_rich_style("screen--selection")
            line.stylize(style, start, len(line.plain) if end == -1 else end)
        return Strip(line.render(self.app.console)).apply_offsets(0, n)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, as it stands in the lines on screen."""
        if self.layout_ is None:
            return None
        return selection.extract("\n".join(line.plain for line in self.layout_.lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        """Redraw with the new selection."""
        self._cache.clear()
        self.refresh()

    def _note_mark(self, layout: LetterLayout, n: int, bar: Segment, base: Style) -> Segment:
        """The margin of an annotated passage: ✎ beside its first line, a rule beside the rest."""
        owner = layout.owners[n]
        if owner < 0 or not self.noted:
            return bar
        p = layout.passages[owner]
        if (p.section, p.paragraph) not in self.noted:
            return bar
        style = base + self.get_component_rich_style("letter-view--note")
        if n == p.start:
            return Segment("✎ ", style)
        return bar if owner == self.cursor else Segment("│ ", style)

    @on(events.Focus)
    @on(events.Blur)
    def _focus_changed(self) -> None:
        """Show the cursor band when focused, dim it when not."""
        self._cache.clear()
        self.refresh()

    # -- moving --------------------------------------------------------------------------

    def _moved(self) -> None:
        self.refresh()
        place = self.place
        if place is not None and self.letter is not None:
            self.post_message(self.Moved(self, self.letter, place))

    def _scroll(self, y: int) -> None:
        self.scroll_to(y=y, animate=False, immediate=True)

    def _visible(self, p: Passage) -> bool:
        top = round(self.scroll_y)
        return p.end > top and p.start < top + self.scrollable_content_region.height

    def _reveal(self, center: bool = False) -> None:
        p = self._layout().passages[self.cursor]
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if center and not self._visible(p):
            self._scroll(max(p.start - height // 3, 0))
        elif p.start < top:
            self._scroll(max(p.start - 1, 0))
        elif p.end > top + height:
            self._scroll(min(p.start - 1, p.end + 1 - height))

    def _step(self, delta: int) -> None:
        layout = self._layout()
        p = layout.passages[self.cursor]
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if not self._visible(p):  # scrolled away with the mouse: start from what is shown
            self.cursor = layout.passage_at(top)
        elif delta > 0 and p.end > top + height:  # a paragraph taller than the pane: read on
            self._scroll(top + height - 2)
            return
        elif delta < 0 and p.start < top:
            self._scroll(max(top - height + 2, p.start - 1, 0))
            return
        else:
            self.cursor = max(0, min(self.cursor + delta, len(layout.passages) - 1))
        self._reveal()
        self._moved()

    def action_cursor_down(self) -> None:
        """Move the cursor to the next passage (or read on in a long one)."""
        if self.letter is not None:
            self._step(+1)

    def action_cursor_up(self) -> None:
        """Move the cursor to the previous passage."""
        if self.letter is not None:
            self._step(-1)

    def _page(self, delta: int, half: bool = False) -> None:
        if self.letter is None:
            return
        height = self.scrollable_content_region.height
        step = max(height // 2, 1) if half else max(height - 2, 1)
        top = max(0, min(round(self.scroll_y) + delta * step, round(self.max_scroll_y)))
        self._scroll(top)
        layout = self._layout()
        at = layout.passage_at(top)
        # on the last page the cursor goes to the end, so `space` always reaches it
        if top >= self.max_scroll_y and delta > 0:
            at = len(layout.passages) - 1
        self.cursor = at
        self._moved()

    def action_page_down(self) -> None:
        """Scroll a page down; the cursor goes to the first passage shown."""
        self._page(+1)

    def action_page_up(self) -> None:
        """Scroll a page up; the cursor goes to the first passage shown."""
        self._page(-1)

    def action_half_down(self) -> None:
        """Scroll half a page down (as in less)."""
        self._page(+1, half=True)

    def action_half_up(self) -> None:
        """Scroll half a page up."""
        self._page(-1, half=True)

    def action_first(self) -> None:
        """Go to the top of the letter."""
        if self.letter is not None:
            self.cursor = 0
            self._scroll(0)
            self._moved()

    def action_last(self) -> None:
        """Go to the end of the letter."""
        if self.letter is not None:
            self.cursor = len(self._layout().passages) - 1
            self._scroll(self.max_scroll_y)
            self._reveal()
            self._moved()

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the clicked passage (the click goes on up: a link is followed)."""
        if self.layout_ is None:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        n = round(self.scroll_y) + offset.y
        if 0 <= n < len(self.layout_.owners) and self.layout_.owners[n] >= 0:
            self.cursor = self.layout_.owners[n]
            self._moved()
