"""The annotation database's schema and its forward migrations, on `PRAGMA user_version`.

Each entry of `MIGRATIONS` takes the database from version `i` to `i + 1`; a new database runs
them all. A database written by a newer briefreader (a higher version) is never migrated
backwards: the store opens it read-only instead. Migrations only ever add: a user's notes
survive every upgrade.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

# The columns of an annotation, in the order `Annotation` is built from a row (the store
# reads them, salvage copies them).
COLUMNS = (
    'id, letter_id, section_index, paragraph_index, start, "end", quote, prefix, suffix,'
    " note, created, updated, letter_title, section_title, detached"
)
COLUMN_COUNT = COLUMNS.count(",") + 1

# Version 1: the first release. Tags lived in a JSON text column of `annotations`.
_V1 = """
CREATE TABLE annotations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    letter_id TEXT NOT NULL,
    section_index INTEGER NOT NULL,
    paragraph_index INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    letter_title TEXT NOT NULL DEFAULT '',
    section_title TEXT,
    detached INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE positions (
    letter_id TEXT PRIMARY KEY,
    section_index INTEGER NOT NULL,
    paragraph_index INTEGER NOT NULL,
    quote TEXT NOT NULL DEFAULT ''
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _v1(db: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            db.execute(statement)


def _v2(db: sqlite3.Connection) -> None:
    """Tags get their own table (filtering by tag without scanning JSON), letter ids an index,
    and positions a time stamp."""
    db.execute(
        "CREATE TABLE annotation_tags ("
        " annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,"
        " tag TEXT NOT NULL, ord INTEGER NOT NULL, PRIMARY KEY (annotation_id, tag))"
    )
    db.execute("CREATE INDEX annotation_tags_tag ON annotation_tags(tag)")
    db.execute("CREATE INDEX annotations_letter ON annotations(letter_id)")
    db.execute("ALTER TABLE positions ADD COLUMN updated TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, tags FROM annotations").fetchall()
    for annotation_id, text in rows:
        try:
            tags = json.loads(text)
        except ValueError:
            tags = [t for t in str(text).split(",") if t.strip()]
        for n, tag in enumerate(dict.fromkeys(str(t).strip() for t in tags if str(t).strip())):
            db.execute(
                "INSERT OR IGNORE INTO annotation_tags VALUES (?, ?, ?)", (annotation_id, tag, n)
            )
    # The JSON column stays (SQLite < 3.35 cannot drop it); version 2 writes '[]' there.
    db.execute("UPDATE annotations SET tags = '[]'")


_BUMP = "UPDATE revision SET n = n + 1"
_STAMP = "UPDATE annotations SET rev = (SELECT n FROM revision) WHERE id = {}"
_V3 = (
    "ALTER TABLE annotations ADD COLUMN rev INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX annotations_rev ON annotations(rev)",
    "CREATE TABLE revision (n INTEGER NOT NULL)",
    "INSERT INTO revision VALUES (0)",
    "CREATE TABLE removed (annotation_id INTEGER PRIMARY KEY, rev INTEGER NOT NULL)",
    "CREATE TRIGGER annotation_added AFTER INSERT ON annotations"
    f" BEGIN {_BUMP}; {_STAMP.format('NEW.id')}; END",
    "CREATE TRIGGER annotation_changed AFTER UPDATE OF letter_id, section_index,"
    ' paragraph_index, start, "end", quote, prefix, suffix, note, updated, letter_title,'
    f" section_title, detached ON annotations BEGIN {_BUMP}; {_STAMP.format('NEW.id')}; END",
    "CREATE TRIGGER annotation_removed AFTER DELETE ON annotations BEGIN"
    f" {_BUMP}; INSERT OR REPLACE INTO removed VALUES (OLD.id, (SELECT n FROM revision)); END",
    "CREATE TRIGGER tag_added AFTER INSERT ON annotation_tags"
    f" BEGIN {_BUMP}; {_STAMP.format('NEW.annotation_id')}; END",
    "CREATE TRIGGER tag_removed AFTER DELETE ON annotation_tags"
    f" BEGIN {_BUMP}; {_STAMP.format('OLD.annotation_id')}; END",
)


def _v3(db: sqlite3.Connection) -> None:
    """A revision number on every change, kept by triggers whoever writes, so that a store
    can catch up with another process's writes by reading only what changed."""
    for statement in _V3:
        db.execute(statement)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3)
SCHEMA_VERSION = len(MIGRATIONS)


def version(db: sqlite3.Connection) -> int:
    """The schema version stored in the database (0 for a new, empty file)."""
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring `db` forward to `target`, one transaction per step; return the version reached.

    `db` must be in autocommit mode (isolation_level None): each step runs in its own
    `BEGIN IMMEDIATE`, so two processes opening an old database at once migrate it once.
    """
    if version(db) >= target:
        return version(db)  # the usual case: no write lock needed
    while True:
        db.execute("BEGIN IMMEDIATE")
        try:
            current = version(db)
            if current >= target:
                db.execute("COMMIT")
                return current
            MIGRATIONS[current](db)
            db.execute(f"PRAGMA user_version = {current + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
