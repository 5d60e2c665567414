"""Fuzzy search over letters and notes: pure and synchronous, nothing here knows the screen.

- `SearchIndex` (`index`): the on-disk index of a whole library; `SearchIndex.open(cache_dir)`,
  `update(library)`, `search(query)`, `find_reference(query)`.
- `search_letter(letter, query)` (`letter`): every hit in one letter, in reading order (the
  reader's `n` / `N`), without an index.
- `search_notes(annotations, query)` (`notes`): the user's own notes that match.
- `Hit`, `HitKind` (`rank`): one result with the spans to highlight, and what it is in.

The rooms, bottom up: `normalize` (when two spellings are the same), `query` (what a query
means), `vocab` (what a query word may match), `rank` (scoring, snippets, the one `Hit`
factory), `fts` (the index's SQL), then `index`, `letter` and `notes`.

Queries are words (all must match, in any order, each with typo and word-form tolerance) and
"quoted phrases" (exact words in sequence); case and accents never matter.
"""

from __future__ import annotations

from briefreader.search.index import SearchIndex
from briefreader.search.letter import search_letter
from briefreader.search.notes import search_notes
from briefreader.search.query import parse_reference
from briefreader.search.rank import Hit, HitKind

__all__ = [
    "Hit",
    "HitKind",
    "SearchIndex",
    "parse_reference",
    "search_letter",
    "search_notes",
]
