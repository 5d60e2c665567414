"""Small pieces the annotation screens share: the dialog's result, tags as typed, quote spans,
and the Markdown export (which the app runs in a thread worker).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefreader.errors import UserError
from briefreader.export import default_export_path, render_markdown, write_export
from briefreader.library import Library
from briefreader.model import Letter
from briefreader.store import Annotation, Store

_TAG_SPLIT = re.compile(r"[,;]")


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What the annotation dialog returns: the note, its tags and the quoted span.

    `start`/`end` are offsets in the paragraph (the whole paragraph unless the user narrowed
    the quote); `delete` says the user asked to delete the annotation and confirmed it."""

    note: str
    tags: tuple[str, ...]
    start: int = 0
    end: int = 0
    delete: bool = False


def parse_tags(typed: str) -> tuple[str, ...]:
    """Tags as typed in the dialog: separated by commas (or `#` words), trimmed, no repeats.

    `defensie, oekraïne` and `#defensie #oekraïne` both give two tags; a tag may hold
    spaces when commas separate them (`Tweede Kamer, NAVO`)."""
    pieces: list[str] = []
    for part in _TAG_SPLIT.split(typed):
        words = part.split()
        if len(words) > 1 and all(w.startswith("#") for w in words):
            pieces += words
        else:
            pieces.append(" ".join(words))
    out = (p.lstrip("#").strip() for p in pieces)
    seen: dict[str, str] = {}
    for tag in out:
        if tag:
            seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


def tags_text(tags: Iterable[str]) -> str:
    """Tags as the dialog shows them for editing."""
    return ", ".join(tags)


def quote_span(paragraph: str, quote: str, near: int = 0) -> tuple[int, int] | None:
    """Where the (possibly narrowed) `quote` stands in `paragraph`, trimmed of surrounding
    whitespace: the occurrence nearest offset `near` (a word may occur more than once);
    None when it is not a part of the paragraph."""
    wanted = " ".join(quote.split())
    if not wanted:
        return None
    starts = []
    at = paragraph.find(wanted)
    while at >= 0:
        starts.append(at)
        at = paragraph.find(wanted, at + 1)
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - near))
    return (start, start + len(wanted))


def where(a: Annotation) -> tuple[int, int]:
    """The `(section, paragraph)` an annotation stands on."""
    return (a.anchor.section_index, a.anchor.paragraph_index)


def export_notes(store: Store, library: Library) -> tuple[Path | None, int]:
    """Write every annotation as Markdown to the stable export file of the store's data dir;
    returns the path (None when there is nothing to export) and how many notes it holds.
    Raises `UserError` when it cannot write."""
    annotations = store.annotations()
    if not annotations:
        return None, 0
    letters: dict[str, Letter] = {}
    for letter_id in {a.anchor.letter_id for a in annotations}:
        if library.entry(letter_id) is None:
            continue  # not in this library: the export uses the stored titles
        try:
            letters[letter_id] = library.letter(letter_id)
        except (UserError, KeyError, OSError):
            continue
    text = render_markdown(annotations, letters, dt.datetime.now().astimezone())
    path = write_export(default_export_path(store.path.parent), text)
    return path, len(annotations)
