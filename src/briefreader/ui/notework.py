"""Small pieces the annotation screens share: the dialog's result, tags as typed, quote spans,
store calls in thread workers, and the Markdown export.

SQLite writes and the export never run in a handler: `in_thread` runs them in a thread worker
and turns a `UserError` (a read-only or full data dir, a vanished letter) into an error
notification, so the reader goes on reading. Tags follow the one rule of `notes.tags`; the
export is the notebook's (`notes.notebook.export_notes`), the same text as `briefreader
export`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from textual.app import App
from textual.widget import Widget

from briefreader.errors import UserError
from briefreader.notes import Annotation, parse_tags, tags_text
from briefreader.notes.notebook import export_notes

__all__ = [
    "NoteDraft",
    "export_notes",
    "in_thread",
    "parse_tags",
    "quote_span",
    "tags_text",
    "where",
]

T = TypeVar("T")


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


def in_thread(
    node: Widget | App[Any],
    job: Callable[[], T],
    done: Callable[[T], None],
    failed: str,
    retry: Callable[[str], None] | None = None,
) -> None:
    """Run `job` (a store write, an export) in a thread worker; hand its result to `done`
    on the UI thread. A `UserError` becomes an error notification `failed: why`, and
    `retry(why)` (if given) runs so that what the user typed can be offered again."""

    def work() -> None:
        try:
            result = job()
        except (UserError, ValueError, KeyError, OSError) as exc:
            why = str(exc)
            node.app.call_from_thread(node.notify, f"{failed}: {why}", severity="error", timeout=12)
            if retry is not None:
                node.app.call_from_thread(retry, why)
            return
        node.app.call_from_thread(done, result)

    node.run_worker(work, thread=True, group="notes", exit_on_error=False)
