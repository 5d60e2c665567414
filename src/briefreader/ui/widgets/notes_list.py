"""The notes view's list: one entry per annotation, fitted to the width, and its filter.

An entry shows where (letter, section), the quote, the note and the tags. Detached notes
(their passage is not in the letter's current text) follow under a heading of their own. A
long list stops at `AT_MOST` per group with a line saying how many more: rebuilding thousands
of entries costs a second a key, and the filter narrows better than scrolling.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefreader.notes import Annotation

DETACHED = "detached"
MORE = "more"
AT_MOST = 100

FilterKeys = tuple[str, list[str]]


def cut(text: str, chars: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def filter_keys(a: Annotation) -> FilterKeys:
    """What the filter looks at, casefolded once: all the text, and the tags."""
    parts = (a.anchor.quote, a.note, *a.tags, a.letter_title, a.section_title or "")
    return (" ".join(parts).casefold(), [t.casefold() for t in a.tags])


def fits(keys: FilterKeys, words: list[str]) -> bool:
    """Whether an annotation with these keys fits the (casefolded) filter words."""
    hay, tags = keys
    for word in words:
        if word.startswith("#") and len(word) > 1:
            if not any(t.startswith(word[1:]) for t in tags):
                return False
        elif word.lstrip("#") not in hay:
            return False
    return True


def prompt(a: Annotation, width: int = 78, now: str | None = None) -> Text:
    """One annotation as a list entry, fitted to `width` cells: where (letter and section),
    the quote on one line, the note on at most three, the tags. `now`: what the passage says
    since the letter was corrected, shown under the quote the note keeps."""
    width = max(width, 30)
    section = f" · § {cut(a.section_title or 'Opening', width // 3)}"
    text = Text()
    text.append(cut(a.letter_title, width - len(section)), "bold")
    text.append(section, "dim")
    text.append(f"\n  “{cut(a.anchor.quote, width - 4)}”", "italic")
    if now is not None:
        text.append("\n  changed, now: ", "bold yellow")
        text.append(f"“{cut(now, width - 19)}”", "italic yellow")
    if a.note.strip():
        text.append(f"\n  {cut(a.note, 3 * (width - 2) - 2)}")
    if a.tags:
        text.append("\n  " + cut(" ".join(f"#{t}" for t in a.tags), width - 2), "bold")
    return text


class NotesList(OptionList):
    """The notes, those whose passage is lost after a heading of their own."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Go to passage", id="notes.select"),
    ]

    def fill(
        self,
        found: list[Annotation],
        empty: str,
        keep: int | None,
        changed: Mapping[int, str] | None = None,
    ) -> list[Annotation]:
        """List `found` (at most AT_MOST of each group), the cursor on `keep` if listed, else
        on the first; `empty` says why when nothing is; `changed` gives, per annotation id,
        what a corrected passage says now. Returns the annotations listed."""
        changed = changed or {}
        placed = [a for a in found if not a.detached]
        apart = [a for a in found if a.detached]
        shown = placed[:AT_MOST] + apart[:AT_MOST]
        width = (self.size.width or self.app.size.width) - 2
        options: list[Option | None] = [
            Option(prompt(a, width, changed.get(a.id)), id=str(a.id)) for a in placed[:AT_MOST]
        ]
        if len(placed) > AT_MOST:
            more = f"… and {len(placed) - AT_MOST} more: type in the filter to narrow"
            options.append(Option(Text(more, "dim"), id=MORE, disabled=True))
        if apart:
            head = Text("Detached (passage not found)", "bold")
            head.append(" · r re-attaches to the reader's passage", "dim")
            options.append(Option(head, id=DETACHED, disabled=True))
            options += [Option(prompt(a, width), id=str(a.id)) for a in apart[:AT_MOST]]
        if not shown:
            options = [Option(Text(empty, "dim"), disabled=True)]
        self.set_options(_spaced(options))
        ids = [str(a.id) for a in shown]
        if keep is not None and str(keep) in ids:
            self.highlighted = self.get_option_index(str(keep))
        elif shown:
            self.highlighted = self.get_option_index(ids[0])
        return shown


def _spaced(options: list[Option | None]) -> list[Option | None]:
    """A blank line (separator) between entries, for reading."""
    out: list[Option | None] = []
    for option in options:
        if out:
            out.append(None)
        out.append(option)
    return out
