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
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefreader import locations
from briefreader.errors import UserError
from briefreader.letterblob import pack, unpack
from briefreader.listing import Listing, Stat, has_files, list_files
from briefreader.model import Letter

# The parser (`briefreader.sources`) is imported where a file is parsed: a library whose
# files are all cached, as on every warm start, never loads it.


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


def is_letter_name(name: str) -> bool:
    """Whether a folder's file with this name is listed as a letter."""
    from briefreader.sources import DOCUMENT_SUFFIXES

    return name.lower().endswith(DOCUMENT_SUFFIXES)


POOL_MIN = 64  # files to parse before it pays to start worker processes
CHUNK = 32  # files per worker task: ~50 ms of parsing, so progress moves and Ctrl-C is quick
# A parsed file as the workers send it back: path, size, mtime, entry row, letter id, the
# compressed letter (no id and no letter when it could not be read).
Parsed = tuple[str, int, int, str, str | None, bytes | None]


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
        )

    @classmethod
    def failed(cls, path: Path, problem: str) -> Entry:
        """The list row of a file that cannot be read."""
        return cls(f"error:{path}", path, path.name, None, None, "error", 0, problem)

    def to_row(self) -> str:
        """JSON text of this entry for the cache."""
        row = {name: getattr(self, name) for name in ("id", "title", "sender", "kind")}
        row.update(paragraphs=self.paragraphs, error=self.error)
        return json.dumps({**row, "date": self.date.isoformat() if self.date else None})

    @classmethod
    def from_row(cls, path: Path, row: str) -> Entry:
        """An entry from its cached JSON text."""
        d = json.loads(row)
        date = dt.date.fromisoformat(d["date"]) if d["date"] else None
        return cls(
            d["id"], path, d["title"], date, d["sender"], d["kind"], d["paragraphs"], d["error"]
        )


def find_files(paths: Sequence[Path]) -> list[Path]:
    """Letter files under `paths` (files as given, folders searched recursively), absolute.

    Absolute paths keep the parse cache's keys the same however the user typed the folder.
    Hidden files and folders are skipped; a folder's files come sorted by name.
    """
    listing = list_files(paths)
    return [Path(p) for p, _, _ in listing.letters(is_letter_name)]


def add_to_library(files: Sequence[Path], target: Path) -> tuple[list[Path], list[UserError]]:
    """Copy letter files (or the letters in folders) into the library folder, each after
    checking that it parses. Returns what was added and, one per file, what was refused."""
    try:
        locations.ensure_private_dir(target)
    except OSError as exc:
        raise UserError(target, f"cannot create the folder ({exc.strerror or exc})") from None
    added: list[Path] = []
    refused: list[UserError] = []
    letters: list[Path] = []
    for given in files:
        try:
            letters += find_files([given])
        except UserError as exc:
            refused.append(exc)
    for file in letters:
        try:
            from briefreader.sources import read_document

            read_document(file)  # refuse what cannot be read
            dest = target / file.name
            if dest.exists() and dest.read_bytes() != file.read_bytes():
                dest = target / f"{file.stem}-{len(list(target.iterdir()))}{file.suffix}"
            try:
                shutil.copyfile(file, dest)
            except OSError as exc:
                raise UserError(dest, f"cannot write ({exc.strerror or exc})") from None
        except UserError as exc:
            refused.append(exc)
            continue
        added.append(dest)
    return added, refused


def parse_files(files: Sequence[Stat]) -> list[Parsed]:
    """Parse files into what the cache stores (run in worker processes by `Library.scan`)."""
    from briefreader.sources import read_document

    out: list[Parsed] = []
    for name, size, mtime in files:
        path = Path(name)
        try:
            letter = read_document(path)
        except UserError as exc:
            out.append((name, size, mtime, Entry.failed(path, exc.problem).to_row(), None, None))
            continue
        blob = pack(letter)
        out.append((name, size, mtime, Entry.of(letter, path).to_row(), letter.id, blob))
    return out


class ParseCache:
    """Parsed letters in SQLite, keyed by file path + size + mtime, and by letter id."""

    def __init__(self, path: Path | None) -> None:
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
        with contextlib.suppress(sqlite3.Error), self.db:
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

    def scan_done(self, roots: str, digest: str, entries: list[Entry], gone: list[str]) -> None:
        """Remember that a scan of `roots` with this listing digest gave these entries, and
        forget the files that are gone (not their letters: another file may hold one)."""
        if self.db is None:
            return
        errors = json.dumps([[str(e.path), e.to_row()] for e in entries if e.error])
        with contextlib.suppress(sqlite3.Error), self.db:
            self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in gone])
            self.db.execute(
                "INSERT OR REPLACE INTO scans VALUES (?, ?, ?, ?)",
                (roots, digest, len(entries), errors),
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
        return unpack(row[0], source)


class Library:
    """The letters the reader shows, with a parse cache."""

    def __init__(self, paths: Sequence[Path], cache_dir: Path | None = None) -> None:
        self.paths = list(paths)
        self.cache = ParseCache(cache_dir / "letters.sqlite" if cache_dir else None)
        self._entries: dict[str, Entry] = {}
        self._letters: dict[str, Letter] = {}
        # The digest of the files as last listed: equal digests, equal letters (`listing`).
        self.state: str | None = None

    @classmethod
    def open(cls, paths: Sequence[Path], data_dir: Path, cache_dir: Path | None) -> Library:
        """The paths given; else the library folder; else (when it has no letters) samples."""
        if paths:
            return cls(paths, cache_dir)
        folder = locations.library_dir(data_dir)
        if has_files(folder, is_letter_name):
            return cls([folder], cache_dir)
        return cls([locations.samples_dir()], cache_dir)

    def _list(self) -> Listing:
        listing = list_files(self.paths, str(parser_version()))
        self.state = listing.digest
        return listing

    def _roots(self) -> str:
        return "\n".join(str(p.resolve()) for p in self.paths)

    def status(self, progress: Callable[[int, int], None] | None = None) -> tuple[int, list[Entry]]:
        """(how many letters, those that cannot be read): `scan()`, unless nothing changed."""
        listing = self._list()
        known = self.cache.scanned(self._roots())
        if known is not None and known[0] == listing.digest:
            errors = [Entry.from_row(Path(p), row) for p, row in json.loads(known[2])]
            return known[1], errors
        entries = self.scan(progress, listing)
        return len(entries), [e for e in entries if e.error]

    def scan(
        self, progress: Callable[[int, int], None] | None = None, listing: Listing | None = None
    ) -> list[Entry]:
        """One entry per letter file, newest first; parses only what the cache lacks.

        The files are listed and compared with the cache in bulk; only new and changed files
        are parsed (in worker processes when there are many), and `progress(done, total)`
        counts those. What is parsed is committed chunk by chunk: an interrupted scan keeps
        it, and the next one goes on from there.
        """
        listing = listing or self._list()
        cached = self.cache.entries()
        found: list[Entry | None] = []
        todo: list[tuple[int, Stat]] = []
        for stat in listing.letters(is_letter_name):
            hit = cached.get(stat[0])
            if hit is not None and hit[0] == stat[1] and hit[1] == stat[2]:
                found.append(Entry.from_row(Path(stat[0]), hit[2]))
            else:
                todo.append((len(found), stat))
                found.append(None)
        self._parse(todo, found, progress)
        entries: dict[str, Entry] = {}
        for entry in found:
            if entry is not None:
                entries.setdefault(entry.id, entry)
        for name, problem in listing.problems:
            if is_letter_name(name):
                entries[f"error:{name}"] = Entry.failed(Path(name), problem)
        folders = tuple(os.path.join(p, "") for p in self._roots().split("\n"))
        listed = {f[0] for f in listing.files}
        gone = [p for p in cached if p.startswith(folders) and p not in listed]
        self.cache.scan_done(self._roots(), listing.digest, list(entries.values()), gone)
        self._entries = entries
        return sorted(entries.values(), key=_newest_first)

    def _parse(
        self,
        todo: list[tuple[int, Stat]],
        found: list[Entry | None],
        progress: Callable[[int, int], None] | None,
    ) -> None:
        """Parse the files in `todo` into `found` (their places), caching each chunk."""
        from briefreader.workers import chunked, run_chunks  # only when there is work

        where: dict[str, list[int]] = {}
        for n, stat in todo:  # a file listed twice (a folder and a file in it) is parsed once
            where.setdefault(stat[0], []).append(n)
        done = 0

        def store(_: Sequence[Stat], parsed: list[Parsed]) -> None:
            nonlocal done
            self.cache.put_parsed(parsed)  # a chunk at a time: an interrupted scan keeps it
            for name, _size, _mtime, row, _id, _blob in parsed:
                for n in where[name]:
                    found[n] = Entry.from_row(Path(name), row)
            done += len(parsed)
            if progress is not None:
                progress(done, len(files))

        files = list({stat[0]: stat for _, stat in todo}.values())
        workers = None if len(files) >= POOL_MIN else 1
        run_chunks(parse_files, chunked(files, CHUNK), store, workers)

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
            from briefreader.sources import read_document

            letter = read_document(entry.path)
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
