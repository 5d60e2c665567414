"""The parse cache: parsed letters in SQLite (`<cache dir>/letters.sqlite`), only ever a cache.

`files` maps a file (path, size, mtime) to its list entry (JSON) under the parser's version;
`letters` holds each parsed letter by id (`letterblob`); `scans` remembers, per set of
folders, the digest of the files at the last whole scan (`listing`), so that a start with
nothing changed reads one row, and `folders` the folders' mtimes and when every file was
last checked (`Library.status` may trust those for a while). `files` is indexed by the
letter id its entry begins with, so a few hits find their files without reading every row.
Deleting the file only costs a re-parse.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import sqlite3
import time
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefreader import locations

if TYPE_CHECKING:
    from briefreader.model import Letter

# A parsed file as the workers send it back: path, size, mtime, entry row, letter id, the
# compressed letter (no id and no letter when it could not be read).
Parsed = tuple[str, int, int, str, str | None, bytes | None]
CACHE_SCHEMA = 2  # PRAGMA user_version of letters.sqlite; any other file is rebuilt
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_CACHE_DDL = (
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INT, mtime INT,"
    " version INT, entry TEXT);"
    "CREATE TABLE IF NOT EXISTS letters (id TEXT PRIMARY KEY, version INT, data BLOB);"
    # per set of folders scanned: the listing's digest after the last whole scan, with its
    # number of entries and the rows of those that could not be read
    "CREATE TABLE IF NOT EXISTS scans (roots TEXT PRIMARY KEY, digest TEXT, count INT,"
    " errors TEXT);"
    # per set of folders: when every file was last stat'ed (ns) and the folders' mtimes then
    "CREATE TABLE IF NOT EXISTS folders (roots TEXT PRIMARY KEY, checked INT, stamp TEXT);"
    # per set of folders: how many letters the last whole scan listed and its first rows
    # ([[path, entry row], ...] in list order), shown at the next start while it checks
    "CREATE TABLE IF NOT EXISTS heads (roots TEXT PRIMARY KEY, version INT, count INT,"
    " rows TEXT);"
    # `Entry.to_row` writes the id first: `{"id": "` is 8 characters, an id 16
    "CREATE INDEX IF NOT EXISTS files_by_id ON files (substr(entry, 9, 16));"
    f"PRAGMA user_version = {CACHE_SCHEMA};"
)


# Bumped when what an `Entry` row or a cached letter holds changes (2: identity and cites).
ENTRY_FORMAT = 2


@functools.cache
def parser_version() -> int:
    """A fingerprint of the parser's code: a cached parse is redone when the parser changes."""
    src = Path(__file__).resolve().parent.parent  # the package: catalog/ is one level down
    digest = hashlib.blake2b(digest_size=6)
    digest.update(ENTRY_FORMAT.to_bytes(2, "big"))
    for path in sorted(
        [*src.glob("parsing/*.py"), *src.glob("sources/*.py"), src / "model.py", src / "ingest.py"]
    ):
        digest.update(path.read_bytes())
    return int.from_bytes(digest.digest(), "big")


class ParseCache:
    """Parsed letters in SQLite, keyed by file path + size + mtime, and by letter id.

    Only a cache: a damaged file, one of another schema or a full disk never stops the
    reader. A damaged or foreign file is deleted and made afresh; when that fails too (a full
    disk, a read-only folder) the library parses without a cache.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.missed = False  # a parse could not be stored
        self.db: sqlite3.Connection | None = None
        self._rebuilt = False
        if path is not None:
            self._open(path)

    def _open(self, path: Path) -> None:
        try:
            locations.ensure_private_dir(path.parent)
            db = sqlite3.connect(path, check_same_thread=False, timeout=5)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                version = db.execute("PRAGMA user_version").fetchone()[0]
                tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if version != CACHE_SCHEMA and tables:
                    raise sqlite3.DatabaseError("a cache of another schema")
                db.executescript(_CACHE_DDL)
            except BaseException:
                db.close()
                raise
            self.db = db
        except sqlite3.Error as exc:
            self._failed(exc)
        except OSError:
            self.db = None  # an unwritable cache dir only costs speed

    def _failed(self, exc: sqlite3.Error) -> None:
        """A cache that failed: busy is left alone; damaged or foreign is made afresh once."""
        if getattr(exc, "sqlite_errorcode", None) in _BUSY:
            return  # another briefreader is writing it: try again next time
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
        self.db = None
        if self.path is None or self._rebuilt:
            return  # made afresh once already (a full disk?): go on without it
        self._rebuilt = True
        with contextlib.suppress(OSError):
            for stale in ("", "-wal", "-shm", "-journal"):
                self.path.with_name(self.path.name + stale).unlink(missing_ok=True)
        self._open(self.path)

    def entries(self) -> dict[str, tuple[int, int, str]]:
        """Every cached file: path → (size, mtime, entry JSON)."""
        if self.db is None:
            return {}
        try:
            rows = self.db.execute(
                "SELECT path, size, mtime, entry FROM files WHERE version = ?",
                (parser_version(),),
            ).fetchall()
        except sqlite3.Error as exc:
            self._failed(exc)
            return {}
        return {p: (s, m, e) for p, s, m, e in rows}

    def put_parsed(self, parsed: Sequence[Parsed]) -> None:
        """Remember what `parse_files` made, in one commit (a chunk survives interruption)."""
        if self.db is None:
            self.missed = True
            return
        version = parser_version()
        try:
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                    [(path, size, mtime, version, row) for path, size, mtime, row, _, _ in parsed],
                )
                self.db.executemany(
                    "INSERT OR REPLACE INTO letters VALUES (?, ?, ?)",
                    [(i, version, blob) for _, _, _, _, i, blob in parsed if blob is not None],
                )
        except sqlite3.Error as exc:
            self.missed = True  # a full disk, say: the next scan must not trust the digest
            self._failed(exc)

    def scanned(self, roots: str) -> tuple[str, int, str] | None:
        """(digest, number of entries, error rows as JSON) of the last whole scan of `roots`."""
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT digest, count, errors FROM scans WHERE roots = ?", (roots,)
            ).fetchone()
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        return (row[0], row[1], row[2]) if row else None

    def scan_done(
        self,
        roots: str,
        digest: str,
        count: int,
        errors: list[tuple[str, str]],
        gone: list[str],
        stamp: str,
        head: list[tuple[str, str]],
    ) -> None:
        """Remember that a scan of `roots` with this listing digest gave `count` entries,
        these (path, entry row) that cannot be read, and (`checked`) the folders' stamp, and
        the `head` of its list (path, entry row); forget the files that are `gone` (not
        their letters: another file may hold one)."""
        if self.db is None or self.missed:
            return  # a file not stored would otherwise be missing from every next list
        try:
            with self.db:
                self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in gone])
                self.db.execute(
                    "INSERT OR REPLACE INTO scans VALUES (?, ?, ?, ?)",
                    (roots, digest, count, json.dumps(errors)),
                )
                self.db.execute(
                    "INSERT OR REPLACE INTO folders VALUES (?, ?, ?)",
                    (roots, time.time_ns(), stamp),
                )
                self.db.execute(
                    "INSERT OR REPLACE INTO heads VALUES (?, ?, ?, ?)",
                    (roots, parser_version(), count, json.dumps(head)),
                )
        except sqlite3.Error as exc:
            self._failed(exc)

    def head(self, roots: str) -> tuple[int, list[tuple[str, str]]] | None:
        """(how many entries, the first rows) of the last whole scan of `roots`, as stored
        by `scan_done` under this parser's version; the caller decodes and checks the rows."""
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT count, rows FROM heads WHERE roots = ? AND version = ?",
                (roots, parser_version()),
            ).fetchone()
            if row is None:
                return None
            count, rows = int(row[0]), json.loads(row[1])
            return count, [(str(path), str(entry)) for path, entry in rows]
        except sqlite3.Error as exc:
            self._failed(exc)
        except (ValueError, TypeError, RecursionError):
            pass  # not rows of ours: the start waits for the scan instead
        return None

    def checked(self, roots: str, stamp: str) -> None:
        """Remember that every file of `roots` was checked now, and the folders' `stamp`."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute(
                    "INSERT OR REPLACE INTO folders VALUES (?, ?, ?)",
                    (roots, time.time_ns(), stamp),
                )
        except sqlite3.Error as exc:
            self._failed(exc)

    def folders(self, roots: str) -> tuple[int, str] | None:
        """(when every file was last checked, in ns; the folders' stamp) for `roots`."""
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT checked, stamp FROM folders WHERE roots = ?", (roots,)
            ).fetchone()
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        return (row[0], row[1]) if row and isinstance(row[1], str) else None

    def rows_of(self, letter_id: str) -> list[tuple[str, int, int, str]]:
        """(path, size, mtime, entry row) of the cached files whose row begins with this
        letter id (`Entry.to_row` writes the id first), found by the index on it; the caller
        decodes and checks. No JSON is parsed in SQL, so a damaged row cannot fail the query."""
        if self.db is None or len(letter_id) != 16:
            return []
        try:
            rows = self.db.execute(
                "SELECT path, size, mtime, entry FROM files"
                " WHERE substr(entry, 9, 16) = ? AND version = ?",
                (letter_id, parser_version()),
            ).fetchall()
        except sqlite3.Error as exc:
            self._failed(exc)
            return []
        return [r for r in rows if isinstance(r[3], str) and r[3].startswith('{"id": "')]

    def letter(self, letter_id: str, source: str) -> Letter | None:
        """The cached parse of a letter, if there is one of this parser version."""
        if self.db is None:
            return None
        from briefreader.catalog.letterblob import unpack  # the model loads when a letter is read

        try:
            row = self.db.execute(
                "SELECT data FROM letters WHERE id = ? AND version = ?",
                (letter_id, parser_version()),
            ).fetchone()
            if row is None:
                return None
            return unpack(row[0], source)
        except sqlite3.Error as exc:
            self._failed(exc)
        except (ValueError, KeyError, TypeError, zlib.error):
            pass  # a row that is not a parse of ours: parse the file again
        return None
