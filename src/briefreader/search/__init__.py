"""Fuzzy search over letters and notes: pure and synchronous, nothing here knows the screen.

- `SearchIndex` (`index`): the on-disk index of a whole library; `SearchIndex.open(cache_dir)`,
  `update(library)`, `search(query)`, `count(query)` (hits beyond a limit: `50 of 86`),
  `find_reference(query)`. A document held in several formats (the same identifier as XML,
  HTML, ODT, PDF) gives one hit per passage, from the preferred format (`copies`).
- `reference_identifier(query)`, `with_documents(hits, library)` (`references`): the
  official id a query names (a search for it lists that document first, then the passages
  citing it); hits with their document's `source` path and `identifier`.
- `search_letter(letter, query)` (`letter`): every hit in one letter, in reading order (the
  reader's `n` / `N`), without an index; `letter_matches(letter, query)`: every occurrence
  (`Match`), for `Match 3 of 21`.
- `search_notes(annotations, query)` (`notes`): the user's own notes that match.
- `Hit`, `HitKind` (`rank`): one result with the spans to highlight, and what it is in.

The rooms, bottom up: `normalize` (when two spellings are the same), `query` (what a query
means), `vocab` (what a query word may match), `rank` (scoring, snippets, the one `Hit`
factory), `fts` (the index's SQL), `copies` (one hit per passage of a document in several
formats), then `index`, `letter` and `notes`.

Queries are words (all must match, in any order, each with typo and word-form tolerance) and
"quoted phrases" (exact words in sequence); case and accents never matter.

Each name loads its room on first use (the reader starts without the index or rapidfuzz).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefreader.search.index import SearchIndex
    from briefreader.search.letter import Match, letter_matches, search_letter
    from briefreader.search.notes import search_notes
    from briefreader.search.query import parse_reference
    from briefreader.search.rank import Hit, HitKind
    from briefreader.search.references import reference_identifier, with_documents

__all__ = [
    "Hit",
    "HitKind",
    "Match",
    "SearchIndex",
    "letter_matches",
    "parse_reference",
    "reference_identifier",
    "search_letter",
    "search_notes",
    "with_documents",
]

# Each name's room: a name is imported on first use, so that what needs one room (the reader's
# first frame needs the store, not the fuzzy matching) does not load them all.
_HOMES = {
    "SearchIndex": "briefreader.search.index",
    "Match": "briefreader.search.letter",
    "letter_matches": "briefreader.search.letter",
    "search_letter": "briefreader.search.letter",
    "search_notes": "briefreader.search.notes",
    "parse_reference": "briefreader.search.query",
    "Hit": "briefreader.search.rank",
    "HitKind": "briefreader.search.rank",
    "reference_identifier": "briefreader.search.references",
    "with_documents": "briefreader.search.references",
}


def __getattr__(name: str) -> object:
    """A name of the face, imported from its room on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
