"""The notebook: the user's notes joined with their letters, re-anchored to the letters as
they are now. `briefreader notes`, `briefreader export` and the reader's export all read it,
so they always show the same notes, in the same places, under the same headings.

A note whose letter is not in the library (deleted, or a reader opened on other files) is
kept under that letter's stored title and section, marked as not in the library; it is not
called detached, which means its letter is there but the passage is not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefreader.citing import Pages, passage_citation, source_pages
from briefreader.errors import UserError
from briefreader.export import default_export_path, render_markdown, write_export
from briefreader.library import Library
from briefreader.model import Letter
from briefreader.notes.cache import AnnotationCache
from briefreader.notes.model import Annotation, passage_now
from briefreader.notes.reanchor import could_be_home, reanchor_all
from briefreader.notes.store import Store


def now() -> dt.datetime:
    """The time an export is stamped with (local, with its UTC offset)."""
    return dt.datetime.now().astimezone()


@dataclass(frozen=True, slots=True)
class Notebook:
    """Annotations in reading order, the letters (in the library) they are on, and where
    those letters' pages start (`citing.source_pages`, for citations with a page)."""

    annotations: tuple[Annotation, ...] = ()
    letters: Mapping[str, Letter] = field(default_factory=dict)
    pages: Mapping[str, Pages | None] = field(default_factory=dict)

    def letter(self, annotation: Annotation) -> Letter | None:
        """The letter an annotation is on, or None when it is not in the library now."""
        return self.letters.get(annotation.anchor.letter_id)

    def passage_now(self, annotation: Annotation) -> str | None:
        """What the note's passage says now when the letter was corrected there (the note
        keeps the quote it was made on), else None (`notes.passage_now`)."""
        return passage_now(annotation, self.letter(annotation))

    def citation(self, annotation: Annotation) -> str | None:
        """The note's passage cited in the Dutch convention, `(Kamerstuk 36 045, nr. 151,
        p. 3)`; None when its letter is not in the library or the note is detached."""
        letter = self.letter(annotation)
        if letter is None or annotation.detached:
            return None
        x = annotation.anchor
        pages = self.pages.get(letter.id)
        return passage_citation(letter, x.section_index, x.paragraph_index, pages)

    def markdown(self, exported_at: dt.datetime | str | None = None) -> str:
        """The Markdown export of every note (`export.render_markdown`)."""
        return render_markdown(self.annotations, self.letters, exported_at or now(), self.pages)


def _load(library: Library, ids: Iterable[str]) -> dict[str, Letter]:
    """The letters with these ids that can still be read (a file may vanish meanwhile)."""
    out = {}
    for letter_id in ids:
        try:
            out[letter_id] = library.letter(letter_id)
        except (UserError, KeyError, OSError):
            continue
    return out


def open_notebook(store: Store, library: Library, *, only_library: bool = False) -> Notebook:
    """Every annotation of `store`, re-anchored to `library` (changes are saved unless the
    store is read-only; the notebook shows them either way). `only_library`: leave out the
    notes on letters not in the library (an export of some files only).

    Only the letters that notes point at are loaded, unless some of those letters are
    missing: then every letter is searched for their passages (a corrected letter has a new
    id). A note found nowhere keeps its letter, not in the library now, and is not stored as
    detached: the reader may open that letter from elsewhere and will find it there again."""
    stored = store.annotations()
    if not stored:
        return Notebook()
    known = {e.id for e in library.entries() if not e.error}
    letters = _load(library, {a.anchor.letter_id for a in stored} & known)
    orphans = [a for a in stored if a.anchor.letter_id not in known]
    if orphans:
        # Their letter may have a new id now (corrected): every letter is read once, and
        # only those that could take them in are kept (a big library need not fit).
        wanted = could_be_home(orphans)
        for letter in library.letters():
            if letter.id in letters:
                continue
            if wanted(letter):
                letters[letter.id] = letter
            else:
                library.forget(letter.id)
    report = reanchor_all(store, letters.values(), mark_detached=False)
    current = {a.id: a for a in stored} | {a.id: a for a in report.annotations}
    rows = AnnotationCache(current.values()).ordered()
    if only_library:
        rows = [a for a in rows if a.anchor.letter_id in known]
    on = {a.anchor.letter_id for a in rows}
    kept = {i: x for i, x in letters.items() if i in on}
    paths = {i: entry.path for i in kept if (entry := library.entry(i)) is not None}
    return Notebook(tuple(rows), kept, PagesOf(paths))


class PagesOf(Mapping[str, "Pages | None"]):
    """Where the pages of each letter start, by letter id, read from its file when first
    asked for: a PDF's text is extracted again, which only a citation with a page needs."""

    def __init__(self, paths: Mapping[str, Path]) -> None:
        self._paths = paths
        self._read: dict[str, Pages | None] = {}

    def __getitem__(self, letter_id: str) -> Pages | None:
        if letter_id not in self._read:
            self._read[letter_id] = source_pages(self._paths[letter_id])
        return self._read[letter_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def export_notes(store: Store, library: Library) -> tuple[Path | None, int]:
    """Write every note as Markdown to the stable export file of the store's data dir (the
    reader's `e`); returns the path (None when there is nothing to export) and how many
    notes it holds. Raises `UserError` when it cannot write."""
    book = open_notebook(store, library)
    if not book.annotations:
        return None, 0
    path = write_export(default_export_path(store.path.parent), book.markdown())
    return path, len(book.annotations)
