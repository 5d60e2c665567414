"""The library: finds letter files, parses them lazily, caches parses, gives stable ids.

`Library.open()` resolves what the user asked for (paths, else the library folder in the
data dir, else the bundled samples). `scan()` gives one `Entry` per file for the letter list,
from the cache while a file is unchanged (same size and mtime); `letter(id)` gives the whole
parsed `Letter`. A file that fails to parse becomes an `Entry` with an `error`, never an
exception. The cache is a SQLite file in the cache dir; deleting it only costs a re-parse.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefreader import locations
from briefreader.errors import UserError
from briefreader.model import Letter, SourceSpan
from briefreader.sources import DOCUMENT_SUFFIXES, is_document_name
from briefreader.sources.named import read_named

# Bumped when what an `Entry` row or a cached letter holds changes (2: identity and cites).
ENTRY_FORMAT = 2


@functools.cache
def parser_version() -> int:
    """A fingerprint of the parser's code: a cached parse is redone when the parser changes."""
    src = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=6)
    digest.update(ENTRY_FORMAT.to_bytes(2, "big"))
    for path in sorted(
        [*src.glob("parsing/*.py"), *src.glob("sources/*.py"), src / "model.py", src / "ingest.py"]
    ):
        digest.update(path.read_bytes())
    return int.from_bytes(digest.digest(), "big")


LETTER_SUFFIXES = DOCUMENT_SUFFIXES


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the letter list: enough to show and sort it without the whole letter."""

    id: str
    path: Path
    title: str
    date: dt.date | None
    sender: str | None
    kind: str
    paragraphs: int = 0
    error: str | None = None
    # Identity, for the list's columns and the links between documents (`links`).
    identifier: str | None = None
    citation: str | None = None
    dossier: str | None = None
    number: str | None = None
    cites: tuple[str, ...] = ()  # identifiers of the documents it cites

    @classmethod
    def of(cls, letter: Letter, path: Path) -> Entry:
        """The list row of a parsed letter."""
        return cls(
            letter.id,
            path,
            letter.title,
            letter.date,
            letter.sender,
            letter.kind,
            letter.paragraph_count,
            identifier=letter.identifier,
            citation=letter.citation,
            dossier=letter.dossier,
            number=letter.number,
            cites=tuple(c.identifier for c in letter.cites if c.identifier),
        )

    def to_row(self) -> str:
        """JSON text of this entry for the cache."""
        row = {name: getattr(self, name) for name in _ROW_FIELDS}
        row["date"] = self.date.isoformat() if self.date else None
        row["cites"] = list(self.cites)
        return json.dumps(row)

    @classmethod
    def from_row(cls, path: Path, row: str) -> Entry:
        """An entry from its cached JSON text."""
        d = json.loads(row)
        date = dt.date.fromisoformat(d["date"]) if d["date"] else None
        fields = {name: d.get(name) for name in _ROW_FIELDS}
        return cls(**fields, path=path, date=date, cites=tuple(d.get("cites") or ()))


_ROW_FIELDS = "id title sender kind paragraphs error identifier citation dossier number".split()


def find_files(paths: Sequence[Path]) -> list[Path]:
    """Letter files under `paths` (files as given, folders searched recursively), absolute.

    Absolute paths keep the parse cache's keys the same however the user typed the folder.
    Hidden files and folders are skipped; a folder's files come sorted by name.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            names: list[str] = []
            for folder, subdirs, files in os.walk(path.resolve()):
                subdirs[:] = [d for d in subdirs if not d.startswith(".")]
                names += [
                    os.path.join(folder, f)
                    for f in files
                    if not f.startswith(".") and is_document_name(f)
                ]
            found += map(Path, sorted(names))
        elif path.exists():
            found.append(path.resolve())
        else:
            raise UserError(path, "no such file or folder")
    return found


def _cache_json(letter: Letter) -> dict[str, Any]:
    """A letter as the parse cache stores it: `to_json()` plus the source lines of each
    paragraph and footnote (under `_spans`), which `parse --json` leaves out but a bug report
    points at."""
    data = letter.to_json()
    data["_spans"] = {
        "paragraphs": [[[p.span.start, p.span.end] for p in s.paragraphs] for s in letter.sections],
        "footnotes": [[f.span.start, f.span.end] for f in letter.footnotes],
    }
    return data


def _from_cache_json(data: dict[str, Any]) -> Letter:
    """The letter `_cache_json` stored, spans included."""
    spans = data.pop("_spans", {})
    letter = Letter.from_json(data)
    paragraphs, footnotes = spans.get("paragraphs", []), spans.get("footnotes", [])
    if len(paragraphs) == len(letter.sections):
        sections = tuple(
            replace(
                section,
                paragraphs=tuple(
                    replace(p, span=SourceSpan(*span))
                    for p, span in zip(section.paragraphs, section_spans, strict=False)
                ),
            )
            for section, section_spans in zip(letter.sections, paragraphs, strict=True)
        )
        letter = replace(letter, sections=sections)
    if len(footnotes) == len(letter.footnotes):
        notes = zip(letter.footnotes, footnotes, strict=True)
        letter = replace(letter, footnotes=tuple(replace(f, span=SourceSpan(*s)) for f, s in notes))
    return letter


CACHE_SCHEMA = 2  # PRAGMA user_version of letters.sqlite; any other file is rebuilt
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_CACHE_DDL = (
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INT, mtime INT,"
    " version INT, entry TEXT);"
    "CREATE TABLE IF NOT EXISTS letters (id TEXT PRIMARY KEY, version INT, data BLOB);"
    f"PRAGMA user_version = {CACHE_SCHEMA};"
)


class ParseCache:
    """Parsed letters in SQLite, keyed by file path + size + mtime, and by letter id.

    Only a cache: a damaged file, one of another schema or a full disk never stops the
    reader. A damaged or foreign file is deleted and made afresh; when that fails too (a full
    disk, a read-only folder) the library parses without a cache.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.db: sqlite3.Connection | None = None
        self._pending = 0
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
        self._pending = 0
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

    def put(self, path: Path, size: int, mtime: int, entry: Entry, letter: Letter | None) -> None:
        """Remember one file's entry and, when it parsed, its letter."""
        if self.db is None:
            return
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
                (str(path), size, mtime, parser_version(), entry.to_row()),
            )
            if letter is not None:
                blob = zlib.compress(json.dumps(_cache_json(letter)).encode(), 3)
                self.db.execute(
                    "INSERT OR REPLACE INTO letters VALUES (?, ?, ?)",
                    (letter.id, parser_version(), blob),
                )
            self._pending += 1
            if self._pending >= 100:
                self.flush()
        except sqlite3.Error as exc:
            self._failed(exc)

    def flush(self) -> None:
        """Commit what `put` wrote (in batches: one commit per file is the slow part)."""
        if self.db is not None and self._pending:
            try:
                self.db.commit()
            except sqlite3.Error as exc:
                self._failed(exc)
            self._pending = 0

    def letter(self, letter_id: str, source: str) -> Letter | None:
        """The cached parse of a letter, if there is one of this parser version."""
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT data FROM letters WHERE id = ? AND version = ?",
                (letter_id, parser_version()),
            ).fetchone()
            if row is None:
                return None
            data = json.loads(zlib.decompress(row[0]))
            data["source"] = source
            return _from_cache_json(data)
        except sqlite3.Error as exc:
            self._failed(exc)
        except (ValueError, KeyError, TypeError, zlib.error):
            pass  # a row that is not a parse of ours: parse the file again
        return None


class Library:
    """The letters the reader shows, with a parse cache."""

    def __init__(self, paths: Sequence[Path], cache_dir: Path | None = None) -> None:
        self.paths = list(paths)
        self.cache = ParseCache(cache_dir / "letters.sqlite" if cache_dir else None)
        self._entries: dict[str, Entry] = {}
        self._letters: dict[str, Letter] = {}

    @classmethod
    def open(cls, paths: Sequence[Path], data_dir: Path, cache_dir: Path | None) -> Library:
        """The paths given; else the library folder; else (when it has no letters) samples."""
        if paths:
            return cls(paths, cache_dir)
        folder = locations.library_dir(data_dir)
        if folder.is_dir() and find_files([folder]):
            return cls([folder], cache_dir)
        return cls([locations.samples_dir()], cache_dir)

    def scan(self, progress: Callable[[int, int], None] | None = None) -> list[Entry]:
        """One entry per letter file, newest first; parses only what the cache lacks."""
        files = find_files(self.paths)
        cached = self.cache.entries()
        entries: dict[str, Entry] = {}
        for n, path in enumerate(files, 1):
            entry = self._entry(path, cached)
            entries.setdefault(entry.id, entry)
            if progress is not None and (n % 200 == 0 or n == len(files)):
                progress(n, len(files))
        self.cache.flush()
        self._entries = entries
        return sorted(entries.values(), key=_newest_first)

    def _entry(self, path: Path, cached: dict[str, tuple[int, int, str]]) -> Entry:
        try:
            st = path.stat()
        except OSError as exc:
            return Entry(
                f"error:{path}", path, path.name, None, None, "error", 0, exc.strerror or str(exc)
            )
        hit = cached.get(str(path))
        if hit and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                return Entry.from_row(path, hit[2])
        try:
            letter = read_named(path)
        except UserError as exc:
            entry = Entry(f"error:{path}", path, path.name, None, None, "error", 0, exc.problem)
            self.cache.put(path, st.st_size, st.st_mtime_ns, entry, None)
            return entry
        entry = Entry.of(letter, path)
        self.cache.put(path, st.st_size, st.st_mtime_ns, entry, letter)
        return entry

    def entries(self) -> list[Entry]:
        """The entries of the last scan (scanning first if there was none)."""
        return sorted(self._entries.values(), key=_newest_first) if self._entries else self.scan()

    def entry(self, letter_id: str) -> Entry | None:
        """The entry of one letter."""
        return self._entries.get(letter_id)

    def letter(self, letter_id: str) -> Letter:
        """The whole parsed letter with this id (from memory, cache, or a fresh parse)."""
        if letter_id in self._letters:
            return self._letters[letter_id]
        entry = self._entries.get(letter_id)
        if entry is None:
            raise KeyError(letter_id)
        if entry.error:
            raise UserError(entry.path, entry.error)
        letter = self.cache.letter(letter_id, str(entry.path))
        if letter is None:
            letter = read_named(entry.path)
        self._letters[letter_id] = letter
        return letter

    def letters(self) -> Iterator[Letter]:
        """Every letter that parses, in list order."""
        for entry in self.entries():
            if not entry.error:
                try:
                    yield self.letter(entry.id)
                except (UserError, KeyError):
                    continue

    def forget(self, letter_id: str) -> None:
        """Drop a letter from memory (the cache keeps it)."""
        self._letters.pop(letter_id, None)


def _newest_first(entry: Entry) -> tuple[int, str]:
    return (-(entry.date.toordinal() if entry.date else 0), entry.title.lower())
