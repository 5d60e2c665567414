"""The parse cache: parsed letters in SQLite (`<cache dir>/letters.sqlite`), only ever a cache.

`files` maps a file (path, size, mtime) to its list entry (JSON) under the parser's version;
`letters` holds each parsed letter by id (`letterblob`); `scans` remembers, per set of
folders, the digest of the files at the last whole scan (`listing`), so that a start with
nothing changed reads one row. Deleting the file only costs a re-parse.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefreader import locations

if TYPE_CHECKING:
    from briefreader.model import Letter

# A parsed file as the workers send it back: path, size, mtime, entry row, letter id, the
# compressed letter (no id and no letter when it could not be read).
Parsed = tuple[str, int, int, str, str | None, bytes | None]


@functools.cache
def parser_version() -> int:
    """A fingerprint of the parser's code: a cached parse is redone when the parser changes."""
    src = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(
        [*src.glob("parsing/*.py"), *src.glob("sources/*.py"), src / "model.py", src / "ingest.py"]
    ):
        digest.update(path.read_bytes())
    return int.from_bytes(digest.digest(), "big")


class ParseCache:
    """Parsed letters in SQLite, keyed by file path + size + mtime, and by letter id."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.missed = False  # a parse could not be stored
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            locations.ensure_private_dir(path.parent)
            self.db = sqlite3.connect(path, check_same_thread=False, timeout=5)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(
                "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INT, mtime INT,"
                " version INT, entry TEXT);"
                "CREATE TABLE IF NOT EXISTS letters (id TEXT PRIMARY KEY, version INT, data BLOB);"
                # per set of folders scanned: the listing's digest after the last whole scan,
                # with its number of entries and the rows of those that could not be read
                "CREATE TABLE IF NOT EXISTS scans (roots TEXT PRIMARY KEY, digest TEXT,"
                " count INT, errors TEXT);"
            )
        except sqlite3.Error:
            self.db = None  # a broken or unwritable cache only costs speed

    def entries(self) -> dict[str, tuple[int, int, str]]:
        """Every cached file: path → (size, mtime, entry JSON)."""
        if self.db is None:
            return {}
        rows = self.db.execute(
            "SELECT path, size, mtime, entry FROM files WHERE version = ?", (parser_version(),)
        )
        return {p: (s, m, e) for p, s, m, e in rows}

    def put_parsed(self, parsed: Sequence[Parsed]) -> None:
        """Remember what `parse_files` made, in one commit (a chunk survives interruption)."""
        if self.db is None:
            return
        version = parser_version()
        try:
            self._put(parsed, version)
        except sqlite3.Error:
            self.missed = True  # a full disk, say: the next scan must not trust the digest

    def _put(self, parsed: Sequence[Parsed], version: int) -> None:
        assert self.db is not None
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                [(path, size, mtime, version, row) for path, size, mtime, row, _, _ in parsed],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO letters VALUES (?, ?, ?)",
                [(i, version, blob) for _, _, _, _, i, blob in parsed if blob is not None],
            )

    def scanned(self, roots: str) -> tuple[str, int, str] | None:
        """(digest, number of entries, error rows as JSON) of the last whole scan of `roots`."""
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT digest, count, errors FROM scans WHERE roots = ?", (roots,)
            ).fetchone()
        except sqlite3.Error:
            return None
        return (row[0], row[1], row[2]) if row else None

    def scan_done(
        self, roots: str, digest: str, count: int, errors: list[tuple[str, str]], gone: list[str]
    ) -> None:
        """Remember that a scan of `roots` with this listing digest gave `count` entries,
        these (path, entry row) that cannot be read; forget the files that are `gone` (not
        their letters: another file may hold one)."""
        if self.db is None or self.missed:
            return  # a file not stored would otherwise be missing from every next list
        with contextlib.suppress(sqlite3.Error), self.db:
            self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in gone])
            self.db.execute(
                "INSERT OR REPLACE INTO scans VALUES (?, ?, ?, ?)",
                (roots, digest, count, json.dumps(errors)),
            )

    def letter(self, letter_id: str, source: str) -> Letter | None:
        """The cached parse of a letter, if there is one of this parser version."""
        if self.db is None:
            return None
        row = self.db.execute(
            "SELECT data FROM letters WHERE id = ? AND version = ?", (letter_id, parser_version())
        ).fetchone()
        if row is None:
            return None
        from briefreader.letterblob import unpack  # the model loads when a letter is read

        return unpack(row[0], source)
