"""Searching the user's own notes: their text and tags, as hits of kind "note".

Written against a `NoteLike` protocol rather than the notes package, so search stays below
the notes in the layers (the store's `Annotation` has everything it reads).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from briefreader.search.normalize import word_list
from briefreader.search.query import parse_query
from briefreader.search.rank import Hit, make_hit, matcher_for


class _Anchor(Protocol):
    @property
    def letter_id(self) -> str: ...
    @property
    def section_index(self) -> int: ...
    @property
    def paragraph_index(self) -> int: ...


class NoteLike(Protocol):
    """What `search_notes` reads of an annotation (the store's `Annotation` has all this)."""

    @property
    def id(self) -> object: ...
    @property
    def anchor(self) -> _Anchor: ...
    @property
    def note(self) -> str: ...
    @property
    def tags(self) -> Sequence[str]: ...
    @property
    def letter_title(self) -> str | None: ...
    @property
    def section_title(self) -> str | None: ...


def note_text(annotation: NoteLike) -> str:
    """The searchable text of a note: its text, then its tags as `#tag`."""
    tags = " ".join(f"#{t}" for t in annotation.tags)
    return f"{annotation.note} {tags}".strip() if tags else annotation.note


def search_notes(annotations: Iterable[NoteLike], query: str, limit: int = 50) -> list[Hit]:
    """The notes (text and tags) that match `query`, best first, as hits of kind "note".

    `spans` are offsets in `note_text(annotation)`.
    """
    parsed = parse_query(query)
    notes = list(annotations)
    if not parsed.units or not notes or limit <= 0:
        return []
    matcher = matcher_for(parsed, (word_list(note_text(a)) for a in notes))
    if matcher is None:
        return []
    hits = []
    for note in notes:
        text = note_text(note)
        got = matcher.score(text, "note")
        if got is None:
            continue
        hits.append(
            make_hit(
                "note",
                matcher.locate(text, got[1]),
                got[0],
                letter_id=note.anchor.letter_id,
                title=note.letter_title or "",
                date=None,
                section_index=note.anchor.section_index,
                section_title=note.section_title,
                paragraph_index=note.anchor.paragraph_index,
                note_id=str(note.id),
            )
        )
    hits.sort(key=lambda h: -h.score)
    return hits[:limit]
