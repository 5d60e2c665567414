"""The reader's keys: the main screen's bindings, which of them act on the open letter or move
the focus, and the help dialog's groups of every key by where it works.

The groups import every part of the reader for its bindings: only when `?` is pressed.
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Input

if TYPE_CHECKING:
    from briefreader.ui.screens.help import HelpGroup

READING_KEYS: list[BindingType] = [
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
"""The main screen's bindings."""

LETTER_ACTIONS = set(
    "next_section previous_section copy contents next_hit previous_hit annotate edit_note".split()
)
# Keys that move the focus act as soon as they arrive (priority bindings): a key is sent to
# the widget focused when it arrives, so a fast typist's `/hoekstra`, `fq` or `tjj` would
# otherwise scroll, jump or quit. In a text box they are text.
FOCUS_ACTIONS = {"search", "letters", "filter", "contents"}


def types_text(widget: Widget | None) -> bool:
    """Whether `widget` is a text box, where keys type."""
    if isinstance(widget, Input):
        return True
    # a TextArea is one too; none exists before Textual's module for it is loaded
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea)


def reader_help(
    app_keys: Sequence[BindingType], screen_keys: Sequence[BindingType], on_letter: Collection[str]
) -> list[HelpGroup]:
    """The groups of the help dialog: the app's and the main screen's keys (those whose action
    is in `on_letter` are listed with the reader, not as "Everywhere"), then each part's."""
    from briefreader.ui.screens.annotate import AnnotateScreen
    from briefreader.ui.screens.choose import HELP_BINDINGS
    from briefreader.ui.screens.notes import NotesScreen
    from briefreader.ui.widgets.letter_table import LetterTable
    from briefreader.ui.widgets.letter_view import LetterView
    from briefreader.ui.widgets.reader_pane import ReaderPane
    from briefreader.ui.widgets.search_bar import HitList, SearchBar
    from briefreader.ui.widgets.toc import Toc

    anywhere = [b for b in screen_keys if getattr(b, "action", "") not in on_letter]
    letter_keys = [b for b in screen_keys if getattr(b, "action", "") in on_letter]
    return [
        ("Everywhere", [*app_keys, *anywhere]),
        ("Letter list", LetterTable.BINDINGS),
        ("Contents", Toc.BINDINGS),
        ("Reader (a letter open)", [*letter_keys, *ReaderPane.BINDINGS, *LetterView.BINDINGS]),
        ("Document lists (o, i, D)", HELP_BINDINGS),
        ("Search bar", [*SearchBar.BINDINGS, *HitList.BINDINGS]),
        ("Notes view", NotesScreen.BINDINGS),
        ("Note dialog", AnnotateScreen.BINDINGS),
    ]
