"""The table of contents: one row per section of the open letter.

The screen keeps the highlight on the section the reader is in; choosing a row posts
`OptionList.OptionSelected`, which the screen turns into a jump.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from briefreader.model import Letter


def section_label(title: str | None) -> str:
    """How a section is named in the table of contents and the status line."""
    return title or "Opening"


class Toc(OptionList):
    """Section headings of the open letter, indented by level."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="toc.down"),
        Binding("k", "cursor_up", "Up", show=False, id="toc.up"),
        Binding("enter", "select", "Go to section", id="toc.jump"),
    ]

    def show_letter(self, letter: Letter) -> None:
        """List the sections of `letter`."""
        self.clear_options()
        options = []
        for n, section in enumerate(letter.sections):
            indent = "  " * max(section.level - 1, 0)
            label = Text(f"{indent}{section_label(section.title)}")
            if section.title is None:
                label.stylize("italic")
            options.append(Option(label, id=f"section-{n}"))
        self.add_options(options)

    def follow(self, section: int) -> None:
        """Highlight `section` (the one the reader is in)."""
        if 0 <= section < self.option_count and self.highlighted != section:
            self.highlighted = section
