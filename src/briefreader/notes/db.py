"""Opening the notes database safely: connection settings, damaged files, unwritable folders.

The store's lower half. `connect` opens (or creates, user-only) the SQLite file in WAL mode,
checks it and migrates it; `quarantine` moves a damaged file aside, never deleting it;
`open_read_only` gives what can still be read when nothing can be written. Row helpers turn
table rows into `Annotation`s.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

from briefreader import locations
from briefreader.notes import schema as store_schema
from briefreader.notes.model import Anchor, Annotation
from briefreader.notes.schema import COLUMNS

_CORRUPT = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_corrupt(exc: sqlite3.Error) -> bool:
    """Whether an SQLite error means the file is damaged (not merely locked or unwritable)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _CORRUPT
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def problem(exc: BaseException) -> str:
    """A short English reason for a failed read or write."""
    text = str(exc).lower()
    if "full" in text:
        return "the disk is full"
    if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        return "the folder is read-only"
    if "locked" in text or "busy" in text:
        return "another briefreader is holding the database; try again"
    if "unable to open" in text:
        return "the file cannot be opened (permissions?)"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def writable(folder: Path) -> bool:
    """Whether `folder` (or, if missing, its nearest existing parent) accepts new files."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)


def connect(path: Path, create: bool) -> tuple[sqlite3.Connection, bool]:
    """Open the database (creating it, user-only, when `create`); return it and whether it is
    read-only because a newer briefreader wrote it. Raises sqlite3.Error or OSError."""
    if create:
        locations.ensure_private_dir(path.parent)
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    # Two briefreaders creating the database at the same moment: switching a new file to WAL
    # can fail at once with "database is locked" (SQLite does not wait there), so try again.
    deadline = time.monotonic() + 10.0
    while True:
        db = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
        try:
            return db, _prepare(db)
        except sqlite3.OperationalError as exc:
            db.close()
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
        except BaseException:
            db.close()
            raise


def _prepare(db: sqlite3.Connection) -> bool:
    """Settings, a quick check and migrations; True when a newer briefreader wrote the file."""
    # WAL lets a reader and a writer (two briefreaders) work at once. synchronous=FULL
    # fsyncs the log at every commit, so a note whose save returned survives a power cut,
    # not only a crash of the process; it costs about a millisecond per saved note.
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    row = db.execute("PRAGMA quick_check").fetchone()
    if row is None or row[0] != "ok":
        raise sqlite3.DatabaseError("database disk image is malformed")
    if store_schema.version(db) > store_schema.SCHEMA_VERSION:
        return True
    store_schema.migrate(db)
    return False


def open_read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a database in a folder we cannot write, if one works."""
    for query in ("mode=ro", "immutable=1"):
        db = None
        try:
            db = sqlite3.connect(
                f"{path.absolute().as_uri()}?{query}", uri=True, check_same_thread=False
            )
            db.execute("SELECT count(*) FROM annotations").fetchone()
            return db
        except sqlite3.Error:
            if db is not None:
                db.close()
    return None


def quarantine(path: Path) -> Path:
    """Move a damaged database (and its log) aside under a new name; return that name."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while kept.exists():
        n += 1
        kept = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, kept)
    for side in ("-wal", "-shm"):
        extra = Path(f"{path}{side}")
        if extra.exists():
            os.replace(extra, f"{kept}{side}")
    return kept


def put_tags(db: sqlite3.Connection, annotation_id: int, tags: tuple[str, ...]) -> None:
    """Replace the tags of one annotation."""
    db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))
    db.executemany(
        "INSERT INTO annotation_tags VALUES (?, ?, ?)",
        [(annotation_id, tag, n) for n, tag in enumerate(tags)],
    )


def _annotations(db: sqlite3.Connection, where: str, args: tuple[int, ...]) -> list[Annotation]:
    tags: dict[int, list[str]] = {}
    for annotation_id, tag in db.execute(
        "SELECT annotation_id, tag FROM annotation_tags WHERE annotation_id IN"
        f" (SELECT id FROM annotations {where}) ORDER BY annotation_id, ord",
        args,
    ):
        tags.setdefault(annotation_id, []).append(tag)
    out: list[Annotation] = []
    for row in db.execute(f"SELECT {COLUMNS} FROM annotations {where}", args):
        aid = row[0]
        anchor = Anchor(*row[1:9])
        note, created, updated, title, section, detached = row[9:]
        out.append(Annotation(
            aid, anchor, note, tuple(tags.get(aid, ())), created, updated, title, section,
            bool(detached),
        ))  # fmt: skip
    return out


def revision(db: sqlite3.Connection) -> int | None:
    """The database's revision counter (None before schema 3 or when unreadable)."""
    try:
        return int(db.execute("SELECT n FROM revision").fetchone()[0])
    except sqlite3.OperationalError:
        return None  # a database we could not migrate (opened read-only): no revisions


def load_all(db: sqlite3.Connection) -> tuple[list[Annotation], int | None]:
    """Every annotation in the database, and the revision they are at (one snapshot)."""
    db.execute("BEGIN")
    try:
        return _annotations(db, "", ()), revision(db)
    finally:
        db.execute("COMMIT")


def load_changes(
    db: sqlite3.Connection, since: int
) -> tuple[list[Annotation], list[int], int | None]:
    """What changed after revision `since`: annotations added or changed, ids removed, and
    the revision now (one snapshot)."""
    db.execute("BEGIN")
    try:
        changed = _annotations(db, "WHERE rev > ?", (since,))
        removed = [
            r[0] for r in db.execute("SELECT annotation_id FROM removed WHERE rev > ?", (since,))
        ]
        return changed, removed, revision(db)
    finally:
        db.execute("COMMIT")
