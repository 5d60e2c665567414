"""Small pieces the annotation screens share: the dialog's result, tags as typed, quote spans,
and the Markdown export.

Tags follow the one rule of `notes.tags`; the export is the notebook's
(`notes.notebook.export_notes`), the same text as `briefreader export`; the app runs it in a
thread worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefreader.notes import Annotation, parse_tags, tags_text
from briefreader.notes.notebook import export_notes

__all__ = [
    "NoteDraft",
    "export_notes",
    "parse_tags",
    "quote_span",
    "tags_text",
    "where",
]


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
