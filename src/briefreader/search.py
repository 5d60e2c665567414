"""Fuzzy search over letters and notes: the public face of the search engine.

Pure and synchronous; nothing here knows about the screen.

- `SearchIndex` (from `searchindex`): the on-disk index of a whole library;
  `SearchIndex.open(cache_dir)`, `update(library)`, `search(query)`, `find_reference(query)`.
- `search_letter(letter, query)`: every hit in one letter, in reading order (the reader's
  `n` / `N`), without an index.
- `search_notes(annotations, query)`: the user's own notes that match, as hits of kind "note".
- `Hit`: one result, with the spans to highlight.

Queries are words (all must match, in any order, each with typo and word-form tolerance) and
"quoted phrases" (exact words in sequence); case and accents never matter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from briefreader.model import Letter
from briefreader.searchindex import SearchIndex
from briefreader.searchquery import Query, parse_query, parse_reference
from briefreader.searchrank import Block, Hit, Matcher, letter_blocks
from briefreader.searchvocab import Vocabulary
from briefreader.textnorm import word_list

__all__ = [
    "Hit",
    "SearchIndex",
    "parse_reference",
    "search_letter",
    "search_notes",
]


def _matcher(query: Query, texts: Iterable[list[str]]) -> Matcher | None:
    """A matcher for `query` over the vocabulary of `texts` (their normalised words), or
    None when nothing there can match."""
    counts: Counter[str] = Counter()
    for words in texts:
        counts.update(set(words))
    vocab = Vocabulary(counts)
    expansions = [{} if u.phrase else vocab.expand(u.words[0]) for u in query.units]
    for unit, allowed in zip(query.units, expansions, strict=True):
        if not unit.possible(allowed, vocab.counts):
            return None
    return Matcher(query, expansions)


def search_letter(letter: Letter, query: str) -> list[Hit]:
    """Every block of `letter` that matches `query`, in reading order."""
    parsed = parse_query(query)
    if not parsed.units:
        return []
    blocks = letter_blocks(letter)
    words = [word_list(b.text) for b in blocks]  # once, for the vocabulary and the scores
    matcher = _matcher(parsed, words)
    if matcher is None:
        return []
    hits = []
    for block, toks in zip(blocks, words, strict=True):
        got = matcher.score_words(toks, block.kind)
        if got is not None:
            hits.append(_letter_hit(letter, block, matcher, *got))
    return hits


def _letter_hit(
    letter: Letter, block: Block, matcher: Matcher, score: float, window: tuple[int, int]
) -> Hit:
    where = matcher.locate(block.text, window)
    section = letter.sections[block.section_index] if letter.sections else None
    return Hit(
        letter_id=letter.id,
        title=letter.title,
        date=letter.date,
        section_index=block.section_index,
        section_title=section.title if section and block.kind != "title" else None,
        paragraph_index=block.paragraph_index,
        kind=block.kind,
        score=score,
        snippet=where.snippet,
        spans=where.spans,
        snippet_spans=where.snippet_spans,
        footnote=block.footnote,
    )


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
    matcher = _matcher(parsed, (word_list(note_text(a)) for a in notes))
    if matcher is None:
        return []
    hits = []
    for note in notes:
        text = note_text(note)
        got = matcher.score(text, "note")
        if got is None:
            continue
        where = matcher.locate(text, got[1])
        hits.append(
            Hit(
                letter_id=note.anchor.letter_id,
                title=note.letter_title or "",
                date=None,
                section_index=note.anchor.section_index,
                section_title=note.section_title,
                paragraph_index=note.anchor.paragraph_index,
                kind="note",
                score=got[0],
                snippet=where.snippet,
                spans=where.spans,
                snippet_spans=where.snippet_spans,
                note_id=str(note.id),
            )
        )
    hits.sort(key=lambda h: -h.score)
    return hits[:limit]
