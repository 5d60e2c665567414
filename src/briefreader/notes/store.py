"""The annotation store: notes, tags, reading positions and settings in one SQLite file.

`Store.open(data_dir)` never raises for a damaged or unwritable database: it keeps a damaged
file beside the new one under another name, opens an unwritable one read-only, and says so in
`Store.warning`. Every write is its own committed transaction; a write that cannot be saved
raises `StoreError` (a `UserError`: one line for the user, never a traceback). The data dir is
created on the first write, not on open.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from briefreader import locations
from briefreader.errors import UserError
from briefreader.notes import db as store_db
from briefreader.notes import salvage as store_salvage
from briefreader.notes.cache import AnnotationCache
from briefreader.notes.model import Anchor, Annotation, Position
from briefreader.notes.tags import clean_tags, unique_tags

DB_NAME = locations.NOTES_DB
T = TypeVar("T")


class StoreError(UserError):
    """A note, position or setting could not be saved or read; the message says why."""


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class Store:
    """Annotations and reading state of one data dir. Thread-safe over one connection."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: str | None = None
        self.read_only = False
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._cache: AnnotationCache | None = None
        self._revision: int | None = None  # of the database, when the cache was caught up
        self._data_version = -1

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """The store of `data_dir`; damage and permissions become `warning`, not exceptions."""
        store = cls(Path(data_dir) / DB_NAME)
        if not store_db.writable(store.path.parent):
            store._cannot_write(f"{store.path.parent}: the folder is read-only")
            if store.path.exists():
                store._db = store_db.open_read_only(store.path)
            return store
        if not store.path.exists():
            return store
        try:
            store._db, newer = store_db.connect(store.path, create=False)
            if newer:
                store._cannot_write(f"{store.path}: written by a newer briefreader")
        except sqlite3.Error as exc:
            if store_db.is_corrupt(exc):
                store._set_aside()
            else:
                store._fall_back_read_only(exc)
        except OSError as exc:
            store._fall_back_read_only(exc)
        return store

    def _cannot_write(self, why: str) -> None:
        self.read_only = True
        self.warning = f"{why}; notes can be read but will not be saved"

    def _fall_back_read_only(self, exc: BaseException) -> None:
        self._cannot_write(f"{self.path}: cannot write ({store_db.problem(exc)})")
        self._db = store_db.open_read_only(self.path)

    def _set_aside(self) -> None:
        try:
            kept = store_db.quarantine(self.path)
        except OSError as exc:
            self._cannot_write(f"{self.path}: damaged and cannot be moved aside ({exc.strerror})")
            return
        found = store_salvage.salvage(kept)
        recovered = ""
        if found.annotations or found.positions or found.settings:
            try:
                self._write(lambda db: store_salvage.restore(db, found))
                n = len(found.annotations)
                recovered = f", recovering {n} note{'s' * (n != 1)} from it"
            except StoreError:
                recovered = ", but could not save what it still held"
        self.warning = (
            f"{self.path}: the notes database was damaged; kept it as {kept.name} "
            f"and started a new one{recovered}"
        )

    def close(self) -> None:
        """Close the database (the store may not be used afterwards)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
            self._cache = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ------------------------------------------------------------------------

    def _attach(self) -> None:
        """Open a database another process created after this store was opened empty."""
        if self._db is None and not self.read_only and self.path.exists():
            try:
                self._db, _ = store_db.connect(self.path, create=False)
            except (sqlite3.Error, OSError):
                self._db = None

    def _write(self, action: Callable[[sqlite3.Connection], T], durable: bool = True) -> T:
        """Run `action` in one committed transaction, creating the database if need be.

        `durable=False` (reading positions, settings: nothing the user wrote) skips the fsync
        at commit: still safe from a crash of the process, though not from a power cut."""
        with self._lock:
            if self.read_only:
                raise StoreError(self.path, self.warning or "notes are read-only")
            try:
                self._attach()
                if self._db is None:
                    self._db, _ = store_db.connect(self.path, create=True)
                db = self._db
                db.execute("PRAGMA synchronous=" + ("FULL" if durable else "NORMAL"))
                db.execute("BEGIN IMMEDIATE")
                try:
                    before = store_db.revision(db)
                    result = action(db)
                    after = store_db.revision(db)
                    db.execute("COMMIT")
                    if before is not None and before == self._revision:
                        # Nobody else wrote since we caught up: our own change is already
                        # in the cache, so the next catch-up need not read it back.
                        self._revision = after
                except BaseException:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    raise
            except (sqlite3.Error, OSError) as exc:
                raise StoreError(self.path, f"not saved: {store_db.problem(exc)}") from None
            return result

    def _read(self, action: Callable[[sqlite3.Connection], T], empty: T) -> T:
        with self._lock:
            self._attach()
            if self._db is None:
                return empty
            try:
                return action(self._db)
            except sqlite3.Error as exc:
                raise StoreError(self.path, f"cannot read: {store_db.problem(exc)}") from None

    def _current(self) -> AnnotationCache:
        """The annotations, caught up when another connection has committed: by reading
        only what changed since the last revision seen, or everything when that is unknown."""
        with self._lock:
            version = self._read(_data_version, -1)
            if self._cache is not None and version == self._data_version:
                return self._cache
            no_changes: tuple[list[Annotation], list[int], int | None] = ([], [], None)
            nothing: tuple[list[Annotation], int | None] = ([], None)
            since = self._revision
            if self._cache is not None and since is not None:
                changed, removed, self._revision = self._read(
                    lambda db: store_db.load_changes(db, since), no_changes
                )
                for gone in removed:
                    self._cache.remove(gone)
                for a in changed:
                    self._cache.put(a)
            else:
                rows, self._revision = self._read(store_db.load_all, nothing)
                self._cache = AnnotationCache(rows)
            self._data_version = version
            return self._cache

    def _remember(self, annotation: Annotation) -> Annotation:
        with self._lock:
            self._current().put(annotation)
        return annotation

    def _need(self, annotation_id: int) -> Annotation:
        found = self.get(annotation_id)
        if found is None:
            raise StoreError(self.path, f"there is no annotation {annotation_id}")
        return found

    # -- annotations ---------------------------------------------------------------------

    def add(
        self,
        anchor: Anchor,
        note: str,
        tags: Sequence[str],
        letter_title: str,
        section_title: str | None,
    ) -> Annotation:
        """Save a new annotation; when this returns, it is on disk."""
        now, clean, a = _now(), clean_tags(tags), anchor

        def insert(db: sqlite3.Connection) -> int:
            cur = db.execute(
                "INSERT INTO annotations (letter_id, section_index, paragraph_index, start,"
                ' "end", quote, prefix, suffix, note, created, updated, letter_title,'
                " section_title, detached) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                (a.letter_id, a.section_index, a.paragraph_index, a.start, a.end, a.quote)
                + (a.prefix, a.suffix, note, now, now, letter_title, section_title),
            )
            new_id = int(cur.lastrowid or 0)
            store_db.put_tags(db, new_id, clean)
            return new_id

        new_id = self._write(insert)
        return self._remember(
            Annotation(new_id, anchor, note, clean, now, now, letter_title, section_title, False)
        )

    def update(self, annotation_id: int, note: str, tags: Sequence[str]) -> Annotation:
        """Change the note and tags of an annotation (its passage stays)."""
        old = self._need(annotation_id)
        now, clean = _now(), clean_tags(tags)

        def change(db: sqlite3.Connection) -> None:
            db.execute(
                "UPDATE annotations SET note = ?, updated = ? WHERE id = ?",
                (note, now, annotation_id),
            )
            store_db.put_tags(db, annotation_id, clean)

        self._write(change)
        return self._remember(replace(old, note=note, tags=clean, updated=now))

    def delete(self, annotation_id: int) -> None:
        """Delete an annotation (only ever at the user's request)."""
        self._write(lambda db: db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,)))
        with self._lock:
            self._current().remove(annotation_id)

    def get(self, annotation_id: int) -> Annotation | None:
        """One annotation, or None."""
        return self._current().by_id.get(annotation_id)

    def annotations(
        self, letter_id: str | None = None, tag: str | None = None, text: str | None = None
    ) -> list[Annotation]:
        """Annotations in reading order (letter, section, paragraph, offset), optionally only
        those of one letter, with one tag, or whose quote, note, tags or titles hold `text`."""
        with self._lock:
            return self._current().select(letter_id, tag, text)

    def tags(self) -> list[str]:
        """Every tag in use, sorted and compared without regard to case."""
        return list(unique_tags(t for a in self._current().by_id.values() for t in a.tags))

    def reattach(
        self,
        annotation_id: int,
        anchor: Anchor,
        *,
        letter_title: str | None = None,
        section_title: str | None = None,
    ) -> Annotation:
        """Place an annotation (detached or not) at `anchor`: the user chose this passage.

        Titles stay as stored unless given (pass them when the passage is elsewhere)."""
        old = self._need(annotation_id)
        return self.relocate(
            annotation_id,
            anchor,
            letter_title=old.letter_title if letter_title is None else letter_title,
            section_title=old.section_title if section_title is None else section_title,
        )

    def relocate(
        self,
        annotation_id: int,
        anchor: Anchor,
        *,
        letter_title: str,
        section_title: str | None,
        detached: bool = False,
    ) -> Annotation:
        """Move an annotation's anchor (re-anchoring) and set whether it is detached."""
        old = self._need(annotation_id)
        new = replace(
            old,
            anchor=anchor,
            letter_title=letter_title,
            section_title=section_title,
            detached=detached,
        )
        self.save_anchors([new])
        return new

    def set_detached(self, annotation_id: int, detached: bool = True) -> Annotation:
        """Mark an annotation as (not) placed in the current text; nothing else changes."""
        old = self._need(annotation_id)
        if old.detached != detached:
            self.save_anchors([replace(old, detached=detached)])
        return replace(old, detached=detached)

    def save_anchors(self, annotations: Sequence[Annotation]) -> None:
        """Save where annotations now point (anchor, titles, detached) in one transaction;
        their notes and tags are left as stored. Re-anchoring a library moves many at once."""
        rows = [
            (x.letter_id, x.section_index, x.paragraph_index, x.start, x.end, x.quote, x.prefix)
            + (x.suffix, a.letter_title, a.section_title, int(a.detached), a.id)
            for a in annotations
            for x in (a.anchor,)
        ]
        if not rows:
            return
        self._write(
            lambda db: db.executemany(
                "UPDATE annotations SET letter_id=?, section_index=?, paragraph_index=?,"
                ' start=?, "end"=?, quote=?, prefix=?, suffix=?, letter_title=?,'
                " section_title=?, detached=? WHERE id=?",
                rows,
            )
        )
        with self._lock:
            cache = self._current()
            for a in annotations:
                old = cache.by_id.get(a.id)
                if old is not None:
                    cache.put(replace(a, note=old.note, tags=old.tags, updated=old.updated))

    # -- reading state and settings ------------------------------------------------------

    def position(self, letter_id: str) -> Position | None:
        """Where the user was in this letter, if anywhere."""
        row = self._read(
            lambda db: db.execute(
                "SELECT section_index, paragraph_index, quote FROM positions WHERE letter_id = ?",
                (letter_id,),
            ).fetchone(),
            None,
        )
        return Position(int(row[0]), int(row[1]), str(row[2])) if row else None

    def set_position(self, letter_id: str, position: Position, *aliases: str) -> None:
        """Remember where the user is in a letter, also under `aliases` (its identifier and
        path: `notes.reading`), in one transaction."""
        p = position
        rows = [
            (k, p.section_index, p.paragraph_index, p.quote, _now()) for k in (letter_id, *aliases)
        ]
        self._write(
            lambda db: db.executemany(
                "INSERT OR REPLACE INTO positions VALUES (?, ?, ?, ?, ?)", rows
            ),
            durable=False,
        )

    def setting(self, key: str) -> str | None:
        """A stored setting (e.g. the UI theme), or None."""
        row = self._read(
            lambda db: db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone(),
            None,
        )
        return str(row[0]) if row else None

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting."""
        self._write(
            lambda db: db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value)),
            durable=False,
        )


def _data_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA data_version").fetchone()[0])
