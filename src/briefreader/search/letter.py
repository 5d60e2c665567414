"""Searching one letter without an index: every block that matches, in reading order.

The reader's `n` / `N` walk these hits; the vocabulary is the letter's own, so a typo finds
the word this letter uses. `letter_matches` lists every occurrence (not every block), for
counting them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefreader.search.normalize import word_list
from briefreader.search.query import parse_query
from briefreader.search.rank import Hit, HitKind, letter_blocks, make_hit, matcher_for

if TYPE_CHECKING:
    from briefreader.model import Letter


def search_letter(letter: Letter, query: str) -> list[Hit]:
    """Every block of `letter` that matches `query`, in reading order."""
    parsed = parse_query(query)
    if not parsed.units:
        return []
    blocks = letter_blocks(letter)
    words = [word_list(b.text) for b in blocks]  # once, for the vocabulary and the scores
    matcher = matcher_for(parsed, words)
    if matcher is None:
        return []
    hits = []
    for block, toks in zip(blocks, words, strict=True):
        got = matcher.score_words(toks, block.kind)
        if got is None:
            continue
        section = letter.sections[block.section_index] if letter.sections else None
        hits.append(
            make_hit(
                block.kind,
                matcher.locate(block.text, got[1]),
                got[0],
                letter_id=letter.id,
                title=letter.title,
                date=letter.date,
                section_index=block.section_index,
                section_title=section.title if section else None,
                paragraph_index=block.paragraph_index,
                footnote=block.footnote,
            )
        )
    return hits


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of a query in a letter: the block it is in and where in its text.

    `kind` and the indexes are those of `Hit`: a paragraph (`paragraph_index` ≥ 0), a heading
    (-1), the title, a footnote (`footnote`, cited from `paragraph_index` or -1) or the
    closing block (a signatory). `start`/`end` are offsets in that block's text."""

    kind: HitKind
    section_index: int
    paragraph_index: int
    start: int
    end: int
    footnote: int | None = None


def letter_matches(letter: Letter, query: str) -> list[Match]:
    """Every occurrence of `query` in `letter`, in reading order: a paragraph that holds a
    word three times gives three matches (the reader's `Match 3 of 21`). For a query of
    several words each matched word counts."""
    return [
        Match(hit.kind, hit.section_index, hit.paragraph_index, start, end, hit.footnote)
        for hit in search_letter(letter, query)
        for start, end in hit.spans
    ]
