"""The footer, with quit and help first: a narrow terminal cuts the footer's end, not them.

Textual orders the footer by where a binding lives (focused widget, then screen, then app),
which puts the app's `q` and `?` last, past the edge of an 80-column terminal.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FIRST_KEYS = ("q", "question_mark")


class ReaderFooter(Footer):
    """Textual's footer with `q` and `?` moved to the front."""

    def compose(self) -> ComposeResult:
        """The footer's keys, quit and help first."""
        items = list(super().compose())
        first = [i for i in items if isinstance(i, FooterKey) and i.key in FIRST_KEYS]
        first.sort(key=lambda i: FIRST_KEYS.index(i.key) if isinstance(i, FooterKey) else 0)
        yield from first
        yield from (i for i in items if i not in first)
