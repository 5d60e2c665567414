"""The help dialog: every key binding of the reader, grouped by where it works.

The groups come from the bindings themselves (bindings are data), so a new screen or widget
shows up here by adding its class to the list the main screen hands over.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HelpGroup = tuple[str, Sequence[BindingType]]

KEY_NAMES = {
    "question_mark": "?",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "slash": "/",
    "space": "space",
    "escape": "esc",
}


def key_label(keys: str) -> str:
    """How a binding's keys are written for people: `j, down`."""
    return ", ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def help_text(groups: Sequence[HelpGroup]) -> Text:
    """All bindings, keys right-aligned beside their descriptions, under a heading per group."""
    rows: list[tuple[str, str] | str] = []
    for title, bindings in groups:
        # one row per action: `l` and `escape` may be bound apart (one of them a priority key)
        keys: dict[tuple[str, str], list[str]] = {}
        for b in bindings:
            if isinstance(b, Binding) and b.description:
                keys.setdefault((b.action, b.description), []).append(b.key)
        if keys:
            rows.append(title)
            rows += [(key_label(",".join(k)), about) for (_, about), k in keys.items()]
    width = max((len(r[0]) for r in rows if isinstance(r, tuple)), default=0)
    text = Text()
    for row in rows:
        if isinstance(row, str):
            text.append(f"{'' if not text else chr(10)}{row}\n", "bold underline")
        else:
            text.append(f"{row[0]:>{width}}", "bold")
            text.append(f"  {row[1]}\n")
    text.rstrip()
    return text


class HelpScreen(ModalScreen[None]):
    """A dialog listing every binding; any of `escape`, `q`, `?` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j", "scroll(1)", "Scroll down", show=False, id="help.down"),
        Binding("k", "scroll(-1)", "Scroll up", show=False, id="help.up"),
    ]

    def __init__(self, groups: Sequence[HelpGroup]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        """The table of bindings in a scrolling box."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "esc to close"
            yield Static(help_text(self.groups), id="help-table")

    def on_mount(self) -> None:
        """Arrows and page keys scroll the list."""
        self.query_one("#help-box").focus()

    def action_scroll(self, lines: int) -> None:
        """Scroll the list by `lines`."""
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_relative(y=lines, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        """Close the dialog."""
        self.dismiss(result)
