"""Searching one letter without an index: every block that matches, in reading order.

The reader's `n` / `N` walk these hits; the vocabulary is the letter's own, so a typo finds
the word this letter uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefreader.search.normalize import word_list
from briefreader.search.query import parse_query
from briefreader.search.rank import Hit, letter_blocks, make_hit, matcher_for

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
