"""A dialog to choose one document of a few: what a passage cites, what cites a letter, a dossier.

Each row is one document with a line saying what choosing it does (open it, or show its
official address). `enter` or a click chooses, `1`–`9` choose a row at once, `escape`
closes without a choice. The dialog returns the row's index; the caller acts on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

# for the help dialog: the keys as a user thinks of them (nine bindings, one line)
HELP_BINDINGS = [
    Binding("enter", "select", "Open the document (or show its address)"),
    Binding("1…9", "pick", "Choose that row at once"),
    Binding("escape", "dismiss_none", "Close"),
]

Choice = tuple[str, str]  # the document as cited, and a second line (its title, or where)


def choice_prompt(n: int, label: str, detail: str) -> Text:
    """A row: its number key, the document in bold, the detail muted under it."""
    text = Text()
    text.append(f"{n}  " if n <= 9 else "   ", "bold")
    text.append(label, "bold")
    if detail:
        text.append(f"\n   {detail}", "dim")
    return text


class ChooseScreen(ModalScreen[int | None]):
    """Choose one of `choices`; dismissed with its index, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Close", id="choose.close"),
        *[
            Binding(str(n), f"pick({n - 1})", f"Choose row {n}", show=False, id=f"choose.{n}")
            for n in range(1, 10)
        ],
    ]

    def __init__(self, title: str, choices: Sequence[Choice], selected: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.selected = selected

    def compose(self) -> ComposeResult:
        """The title, the rows, a hint."""
        with Vertical(id="choose-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = "enter opens · esc closes"
            options = [
                Option(choice_prompt(n, label, detail), id=str(n - 1))
                for n, (label, detail) in enumerate(self.choices, 1)
            ]
            yield OptionList(*options, id="choices")
            if not self.choices:
                yield Static("(none)", id="choose-empty")

    def on_mount(self) -> None:
        """The first row (or the selected one) is highlighted."""
        options = self.query_one(OptionList)
        if self.choices:
            options.highlighted = min(self.selected, len(self.choices) - 1)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_pick(self, index: int) -> None:
        """Choose row `index` (the digit keys), when there is one."""
        if 0 <= index < len(self.choices):
            self.dismiss(index)

    def action_dismiss_none(self) -> None:
        """Close without a choice."""
        self.dismiss(None)
