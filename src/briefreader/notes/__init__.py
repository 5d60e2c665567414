"""The user's notes: annotations on passages, reading positions and settings, kept safe.

- `Store` (`store`): the SQLite file of a data dir; `Store.open(data_dir)` never raises for a
  damaged or unwritable file, every write is committed before it returns.
- `Annotation`, `Anchor`, `Position`, `anchor_for`, `position_at`, `find_position`,
  `passage_now` (`model`): what a note and a reading position are, finding a position again
  in a changed letter, and what a note's passage says now when its wording changed.
- `reanchor_letter`, `place_orphans` (`reanchor`): notes follow their letters through
  corrections and moves.
- `parse_tags`, `tags_text`, `clean_tags` (`tags`): the one rule for tags.

`notebook` (notes joined with their letters, for the `notes` and `export` commands and the
reader's export alike) sits above `export`, which reads this package's model: import it as
`briefreader.notes.notebook`, so that this face never imports `export` back.

The rooms, bottom up: `model`, `tags`, `schema` (tables and migrations), `db` (opening the
file safely), `salvage` (reading a damaged file), `cache` (the store's in-memory copy),
`store`, `locate` (finding a quote again), `reanchor`, `notebook`.

Each name loads its room on first use: the reader opens the store at start-up without
`locate`'s fuzzy matching (rapidfuzz).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefreader.notes.model import (
        Anchor,
        Annotation,
        Position,
        anchor_for,
        find_position,
        passage_now,
        position_at,
    )
    from briefreader.notes.reanchor import place_orphans, reanchor_all, reanchor_letter
    from briefreader.notes.store import DB_NAME, Store, StoreError
    from briefreader.notes.tags import clean_tags, parse_tags, tags_text, unique_tags

__all__ = [
    "DB_NAME",
    "Anchor",
    "Annotation",
    "Position",
    "Store",
    "StoreError",
    "anchor_for",
    "clean_tags",
    "find_position",
    "parse_tags",
    "passage_now",
    "place_orphans",
    "position_at",
    "reanchor_all",
    "reanchor_letter",
    "tags_text",
    "unique_tags",
]

# Each name's room: a name is imported on first use, so that what needs one room (the reader's
# first frame needs the store, not the fuzzy matching) does not load them all.
_HOMES = {
    "Anchor": "briefreader.notes.model",
    "Annotation": "briefreader.notes.model",
    "Position": "briefreader.notes.model",
    "anchor_for": "briefreader.notes.model",
    "find_position": "briefreader.notes.model",
    "passage_now": "briefreader.notes.model",
    "position_at": "briefreader.notes.model",
    "place_orphans": "briefreader.notes.reanchor",
    "reanchor_all": "briefreader.notes.reanchor",
    "reanchor_letter": "briefreader.notes.reanchor",
    "DB_NAME": "briefreader.notes.store",
    "Store": "briefreader.notes.store",
    "StoreError": "briefreader.notes.store",
    "clean_tags": "briefreader.notes.tags",
    "parse_tags": "briefreader.notes.tags",
    "tags_text": "briefreader.notes.tags",
    "unique_tags": "briefreader.notes.tags",
}


def __getattr__(name: str) -> object:
    """A name of the face, imported from its room on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
