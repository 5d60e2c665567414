"""Reading positions that follow a letter through a correction.

A position is stored under the letter's id (a hash of its text) and also under its official
identifier and its file's path. A corrected letter (the same document, re-downloaded or
fixed: a new id) finds its position under the identifier or the path, and the position's
quote finds the paragraph again in the new text (`model.find_position`). The letter read
last is remembered the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefreader.library import Entry, Library
from briefreader.notes.model import find_position, position_at
from briefreader.notes.store import Store

if TYPE_CHECKING:
    from briefreader.model import Letter

LAST_LETTER = "last_letter"
LAST_ALIASES = "last_letter_aliases"  # its identifier and path, one a line


def _source_key(source: str) -> str:
    try:
        return "source:" + str(Path(source).resolve())
    except (OSError, RuntimeError):
        return "source:" + source


def position_aliases(letter: Letter) -> tuple[str, ...]:
    """The keys besides its id that a letter's position is kept under, most telling first:
    `identifier:kst-36045-151`, `source:/abs/path`."""
    keys = [f"identifier:{letter.identifier}"] if letter.identifier else []
    if letter.source and not letter.source.startswith("<"):
        keys.append(_source_key(letter.source))
    return tuple(keys)


def save_reading_position(store: Store, letter: Letter, section: int, paragraph: int) -> None:
    """Remember the place `(section, paragraph)` in `letter`, and that it was read last.
    Raises `StoreError` when the store cannot be written."""
    aliases = position_aliases(letter)
    store.set_position(letter.id, position_at(letter, section, paragraph), *aliases)
    store.set_setting(LAST_LETTER, letter.id)
    store.set_setting(LAST_ALIASES, "\n".join(aliases))


def reading_position(store: Store, letter: Letter) -> tuple[int, int]:
    """Where the user left `letter`: under its id, else (a corrected letter) under its
    identifier or its path, found again by the position's quote; the start when never read."""
    for key in (letter.id, *position_aliases(letter)):
        stored = store.position(key)
        if stored is not None:
            return find_position(letter, stored)
    return (0, 0)


def last_read(store: Store, library: Library) -> Entry | None:
    """The library's letter read last: by id, else (corrected since) by identifier, else by
    path; None when there is none."""
    entries = [e for e in library.entries() if not e.error]
    letter_id = store.setting(LAST_LETTER)
    found = next((e for e in entries if e.id == letter_id), None)
    for alias in (store.setting(LAST_ALIASES) or "").splitlines():
        if found is not None:
            break
        kind, _, value = alias.partition(":")
        if kind == "identifier":
            found = next((e for e in entries if e.identifier == value), None)
        elif kind == "source":
            found = next((e for e in entries if str(e.path) == value), None)
    return found
