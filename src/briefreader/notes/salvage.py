"""Recovering what can still be read from a damaged notes database.

When the store finds its file damaged it moves it aside (never deleting it) and starts a new
one; `salvage` then reads every annotation, tag, reading position and setting it still can
from the damaged copy, row by row so that one bad page costs only the rows on it, and
`restore` writes them into the new database with their original ids.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefreader.notes.schema import COLUMN_COUNT, COLUMNS

_CHUNK = 500
_PROBE_LIMIT = 20_000  # ids tried when the damaged file no longer says how many it had


@dataclass
class Salvage:
    """Rows read back from a damaged database."""

    annotations: list[tuple[Any, ...]] = field(default_factory=list)
    tags: dict[int, list[str]] = field(default_factory=dict)
    positions: list[tuple[Any, ...]] = field(default_factory=list)
    settings: list[tuple[Any, ...]] = field(default_factory=list)


def _rows(db: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    try:
        return db.execute(sql, args).fetchall()
    except sqlite3.Error:
        return []


def _top_id(db: sqlite3.Connection) -> int:
    for sql in ("SELECT max(id) FROM annotations", "SELECT max(seq) FROM sqlite_sequence"):
        found = _rows(db, sql)
        if found and found[0][0] is not None:
            return int(found[0][0])
    return _PROBE_LIMIT


def _annotations(db: sqlite3.Connection) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    sql = f"SELECT {COLUMNS} FROM annotations WHERE id >= ? AND id < ?"
    for low in range(0, _top_id(db) + 1, _CHUNK):
        try:
            found += db.execute(sql, (low, low + _CHUNK)).fetchall()
        except sqlite3.Error:  # a bad page in this range: take the rows one at a time
            for one in range(low, low + _CHUNK):
                found += _rows(db, f"SELECT {COLUMNS} FROM annotations WHERE id = ?", (one,))
    return found


def _tags(db: sqlite3.Connection, ids: list[int], version: int) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = {}
    if version >= 2:
        # By rowid, not through the index: a lost index page must not hide the rows.
        sql = "SELECT annotation_id, tag, ord FROM annotation_tags NOT INDEXED"
        top = _rows(db, "SELECT max(rowid) FROM annotation_tags NOT INDEXED")
        last = int(top[0][0]) if top and top[0][0] is not None else _PROBE_LIMIT
        rows: list[tuple[Any, ...]] = []
        for low in range(0, last + 1, _CHUNK):
            chunk = _rows(db, f"{sql} WHERE rowid >= ? AND rowid < ?", (low, low + _CHUNK))
            if not chunk:
                for one in range(low, low + _CHUNK):
                    chunk += _rows(db, f"{sql} WHERE rowid = ?", (one,))
            rows += chunk
        for annotation_id, tag, _ in sorted(rows, key=lambda r: (r[0], r[2])):
            tags.setdefault(annotation_id, []).append(str(tag))
        return tags
    for annotation_id in ids:  # the first version kept tags as JSON in the annotations table
        found = _rows(db, "SELECT tags FROM annotations WHERE id = ?", (annotation_id,))
        try:
            tags[annotation_id] = [str(t) for t in json.loads(found[0][0])] if found else []
        except (ValueError, TypeError):
            continue
    return tags


def _readable_copy(path: Path, folder: Path) -> Path:
    """A copy of the damaged file (and its log) whose header admits how long it really is.

    A truncated file's header still claims its old size, and SQLite then refuses every page;
    with the size field set to what is there, the pages that survive can be read."""
    copy = folder / "damaged.sqlite"
    shutil.copyfile(path, copy)
    wal = Path(f"{path}-wal")
    if wal.exists():
        shutil.copyfile(wal, f"{copy}-wal")
    with copy.open("r+b") as f:
        head = f.read(100)
        if len(head) == 100 and head.startswith(b"SQLite format 3\0"):
            size = struct.unpack(">H", head[16:18])[0]
            size = 65536 if size == 1 else size
            if size >= 512:
                f.seek(28)
                f.write(struct.pack(">I", copy.stat().st_size // size))
    return copy


def salvage(path: Path) -> Salvage:
    """Everything still readable in the damaged database at `path` (left untouched: the
    reading is done on a copy); empty if nothing is."""
    out = Salvage()
    with tempfile.TemporaryDirectory(prefix="briefreader-salvage-") as tmp:
        try:
            copy = _readable_copy(path, Path(tmp))
            db = sqlite3.connect(f"{copy.absolute().as_uri()}?mode=ro", uri=True)
        except (OSError, sqlite3.Error):
            return out
        try:
            version = _rows(db, "PRAGMA user_version")
            out.annotations = _annotations(db)
            ids = [row[0] for row in out.annotations]
            out.tags = _tags(db, ids, int(version[0][0]) if version else 1)
            out.positions = _rows(
                db, "SELECT letter_id, section_index, paragraph_index, quote FROM positions"
            )
            out.settings = _rows(db, "SELECT key, value FROM settings")
        finally:
            db.close()
    return out


def restore(db: sqlite3.Connection, found: Salvage) -> None:
    """Write salvaged rows into a new, migrated database (inside the caller's transaction)."""
    db.executemany(
        f"INSERT OR IGNORE INTO annotations ({COLUMNS}) VALUES ({','.join('?' * COLUMN_COUNT)})",
        found.annotations,
    )
    kept = {row[0] for row in found.annotations}
    db.executemany(
        "INSERT OR IGNORE INTO annotation_tags VALUES (?, ?, ?)",
        [
            (annotation_id, tag, n)
            for annotation_id, tags in found.tags.items()
            if annotation_id in kept
            for n, tag in enumerate(tags)
        ],
    )
    db.executemany(
        "INSERT OR IGNORE INTO positions (letter_id, section_index, paragraph_index, quote)"
        " VALUES (?, ?, ?, ?)",
        found.positions,
    )
    db.executemany("INSERT OR IGNORE INTO settings VALUES (?, ?)", found.settings)
