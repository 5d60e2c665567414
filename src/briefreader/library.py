"""The library: finds letter files, parses them lazily, caches parses, gives stable ids.

`Library.open()` resolves what the user asked for (paths, else the library folder in the
data dir, else the bundled samples). `scan()` gives one `Entry` per file for the letter list:
the files are listed in one pass (`listing`) and compared with the parse cache
(`parsecache`) in bulk, and only new or changed files are parsed, in worker processes when
there are many (`workers`), committed chunk by chunk so that an interrupted scan resumes.
`status()` answers from one cache row when nothing changed; for a large library it may
trust the folders' mtimes for a while (`TRUST_MIN`, `TRUST_NS`) instead of a stat per file,
and `changed(ids)` then checks the few files a caller is about to show. `letter(id)` gives
the whole parsed `Letter`. A file that fails to parse becomes an `Entry` with an `error`, never an
exception. Deleting the cache only costs a re-parse.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefreader import locations
from briefreader.catalog.entry import Entry as Entry  # where the rest of the code finds it
from briefreader.catalog.entry import newest_first
from briefreader.catalog.listing import Listing, Stat, has_files, list_files, unchanged
from briefreader.catalog.parsecache import ParseCache, Parsed, parser_version
from briefreader.errors import UserError

if TYPE_CHECKING:
    from briefreader.model import Letter

# The parser (`briefreader.sources`) is imported where a file is parsed: a library whose
# files are all cached, as on every warm start, never loads it.


def is_letter_name(name: str) -> bool:
    """Whether a folder's file with this name is listed as a letter."""
    from briefreader.sources import is_document_name

    return is_document_name(name)


POOL_MIN = 64  # files to parse before it pays to start worker processes
# A library of this many files may be known by its folders' mtimes (a stat per file costs
# 65 ms at 10,000 here, 0.3 s at 100,000: a third of a warm search), for at most this long
# after every file was last checked: a file edited in place, the one change a folder's mtime
# does not show, is seen within that time.
TRUST_MIN = 5_000
TRUST_NS = 10 * 60 * 10**9
# rows decoded at once: one decode holds the interpreter's lock (a reader's list in a thread)
DECODE_CHUNK = 5_000
HEAD = 500  # rows of the list kept after a scan, shown at the next start while it checks
CHUNK = 32  # files per worker task: ~50 ms of parsing, so progress moves and Ctrl-C is quick


def find_files(paths: Sequence[Path]) -> list[Path]:
    """Letter files under `paths` (files as given, folders searched recursively), absolute.

    Absolute paths keep the parse cache's keys the same however the user typed the folder.
    Hidden files and folders are skipped; a folder's files come sorted by name.
    """
    listing = list_files(paths)
    return [Path(p) for p, _, _ in listing.letters(is_letter_name)]


def parse_files(files: Sequence[Stat]) -> list[Parsed]:
    """Parse files into what the cache stores (run in worker processes by `Library.scan`)."""
    from briefreader.catalog.letterblob import pack
    from briefreader.sources.named import read_named

    out: list[Parsed] = []
    for name, size, mtime in files:
        path = Path(name)
        try:
            letter = read_named(path)
        except UserError as exc:
            out.append((name, size, mtime, Entry.failed(path, exc.problem).to_row(), None, None))
            continue
        blob = pack(letter)
        out.append((name, size, mtime, Entry.of(letter, path).to_row(), letter.id, blob))
    return out


class Library:
    """The letters the reader shows, with a parse cache."""

    def __init__(self, paths: Sequence[Path], cache_dir: Path | None = None) -> None:
        self.paths = list(paths)
        self.cache = ParseCache(cache_dir / "letters.sqlite" if cache_dir else None)
        self._entries: dict[str, Entry] = {}
        self._known: dict[str, Entry] = {}  # the rows `last_known` gave, until a scan ends
        self._letters: dict[str, Letter] = {}
        # The digest of the files as last listed: equal digests, equal letters (`listing`).
        self.state: str | None = None
        self.trusted = False  # `status` trusted the folders' mtimes: see `changed`

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

    def status(
        self, progress: Callable[[int, int], None] | None = None, trust: bool = False
    ) -> tuple[int, list[Entry]]:
        """(how many letters, those that cannot be read): `scan()`, unless nothing changed.

        With `trust`, a large library whose folders are as at the last scan (no file added,
        removed or renamed) and whose files were all checked less than `TRUST_NS` ago is
        taken as unchanged without a stat per file; `trusted` then says so."""
        known = self.cache.scanned(self._roots())
        if trust and known is not None and known[1] >= TRUST_MIN and self._folders_kept():
            self.state, self.trusted = known[0], True
            return known[1], [Entry.from_row(p, row) for p, row in json.loads(known[2])]
        self.trusted = False
        listing = self._list()
        if known is not None and known[0] == listing.digest:
            errors = [Entry.from_row(p, row) for p, row in json.loads(known[2])]
            self.cache.checked(self._roots(), _stamp(listing))
            return known[1], errors
        entries = self.scan(progress, listing)
        return len(entries), [e for e in entries if e.error]

    def last_known(self) -> tuple[int, list[Entry]] | None:
        """(how many letters, the first `HEAD` of them in list order) as the last whole scan
        of these folders found them: what a start shows at once while `scan` checks."""
        got = self.cache.head(self._roots())
        if got is None:
            return None
        count, rows = got
        try:
            entries = [Entry.from_row(path, row) for path, row in rows]
        except (ValueError, KeyError, TypeError, RecursionError):
            return None
        self._known = {e.id: e for e in entries}
        return count, entries

    def _folders_kept(self) -> bool:
        folders = self.cache.folders(self._roots())
        if folders is None or time.time_ns() - folders[0] > TRUST_NS:
            return False
        try:
            stamp = json.loads(folders[1])
            version, kept, files = stamp["version"], stamp["folders"], stamp["files"]
            return bool(version == parser_version() and unchanged(kept, files))
        except (ValueError, KeyError, TypeError):
            return False

    def changed(self, letter_ids: Collection[str]) -> bool:
        """Whether the file of any of these letters differs from what the cache knows of it
        (after a `status` that trusted the folders: a file edited in place since)."""
        for letter_id in letter_ids:
            entry = self.entry(letter_id)
            if entry is None:
                return True
            rows = [r for r in self.cache.rows_of(letter_id) if r[0] == str(entry.path)]
            try:
                st = os.stat(entry.path)
            except OSError:
                return True
            if not rows or (st.st_size, st.st_mtime_ns) != rows[0][1:3]:
                return True
        return False

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
        todo: list[tuple[int, Stat]] = []
        rows: list[str] = []
        known = self.cache.scanned(self._roots())
        if known is not None and known[0] == listing.digest:
            # Nothing changed: the letters are the files the cache knows (and the parser,
            # which knows what a letter's name is, need not load).
            letters = [f for f in listing.in_order() if f[0] in cached]
        else:
            letters = listing.letters(is_letter_name)
        for n, stat in enumerate(letters):
            hit = cached.get(stat[0])
            if hit is not None and hit[0] == stat[1] and hit[1] == stat[2]:
                rows.append(hit[2])
            else:
                todo.append((n, stat))
                rows.append("null")
        found = _decoded(letters, rows, todo)
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
        errors = [(str(e.path), e.to_row()) for e in entries.values() if e.error]
        ordered = sorted(entries.values(), key=newest_first)
        head = [(e.file, e.to_row()) for e in ordered[:HEAD]]
        roots, stamp = self._roots(), _stamp(listing)
        self.cache.scan_done(roots, listing.digest, len(entries), errors, gone, stamp, head)
        self._entries = entries
        return ordered

    def _parse(
        self,
        todo: list[tuple[int, Stat]],
        found: list[Entry | None],
        progress: Callable[[int, int], None] | None,
    ) -> None:
        """Parse the files in `todo` into `found` (their places), caching each chunk."""
        if not todo:  # the usual warm start: nothing to parse, no worker module to import
            return
        from briefreader.catalog.workers import chunked, run_chunks  # only when there is work

        where: dict[str, list[int]] = {}
        for n, stat in todo:  # a file listed twice (a folder and a file in it) is parsed once
            where.setdefault(stat[0], []).append(n)
        done = 0

        def store(_: Sequence[Stat], parsed: list[Parsed]) -> None:
            nonlocal done
            self.cache.put_parsed(parsed)  # a chunk at a time: an interrupted scan keeps it
            for name, _size, _mtime, row, _id, _blob in parsed:
                for n in where[name]:
                    found[n] = Entry.from_row(name, row)
            done += len(parsed)
            if progress is not None:
                progress(done, len(files))

        files = list({stat[0]: stat for _, stat in todo}.values())
        workers = None if len(files) >= POOL_MIN else 1
        run_chunks(parse_files, chunked(files, CHUNK), store, workers)

    def entries(self) -> list[Entry]:
        """The entries of the last scan (scanning first if there was none)."""
        return sorted(self._entries.values(), key=newest_first) if self._entries else self.scan()

    def entry(self, letter_id: str) -> Entry | None:
        """The entry of one letter (after `status()` found nothing changed, from its cache
        row: the entries of a whole library need not be built for a few hits)."""
        found = self._entries.get(letter_id)
        if found is None and not self._entries:
            found = self._known.get(letter_id)  # shown before the scan ended
        if found is not None or self._entries or self.state is None:
            return found
        roots = self._roots().split("\n")
        folders = tuple(os.path.join(p, "") for p in roots)
        for path, _size, _mtime, row in self.cache.rows_of(letter_id):
            if path.startswith(folders) or path in roots:
                with contextlib.suppress(ValueError, KeyError, TypeError):
                    entry = Entry.from_row(path, row)
                    if entry.id == letter_id:
                        return entry
        self.scan()  # not found by its row: know the library in full
        return self._entries.get(letter_id)

    def letter(self, letter_id: str) -> Letter:
        """The whole parsed letter with this id (from memory, cache, or a fresh parse)."""
        if letter_id in self._letters:
            return self._letters[letter_id]
        entry = self.entry(letter_id)
        if entry is None:
            raise KeyError(letter_id)
        if entry.error:
            raise UserError(entry.path, entry.error)
        letter = self.cache.letter(letter_id, str(entry.path))
        if letter is None:
            from briefreader.sources.named import read_named

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


def _stamp(listing: Listing) -> str:
    """What `status` checks to trust a library: the folders' mtimes, the files given by name."""
    files = [f for f in listing.files if f[0] in listing.given]
    return json.dumps({"version": parser_version(), "folders": listing.folders, "files": files})


def _decoded(
    letters: list[Stat], rows: list[str], todo: list[tuple[int, Stat]]
) -> list[Entry | None]:
    """The cached entries of `letters` (None where `todo` says to parse); a row that is not
    an entry of ours (a damaged cache) goes to `todo` instead."""
    decoded: list[Any] = []
    for start in range(0, len(rows), DECODE_CHUNK):
        part = rows[start : start + DECODE_CHUNK]
        try:  # one decode for many rows: 100,000 `json.loads` calls cost five times more
            got = json.loads(f"[{','.join(part)}]")
            if len(got) != len(part):
                raise ValueError("a row that is not one JSON value")
        except (ValueError, RecursionError):
            got = [_loads(row) for row in part]
        decoded += got
    found: list[Entry | None] = []
    for n, (stat, d) in enumerate(zip(letters, decoded, strict=True)):
        try:
            found.append(None if d is None else Entry.from_dict(stat[0], d))
        except (ValueError, KeyError, TypeError):
            found.append(None)
            if rows[n] != "null":
                todo.append((n, stat))
    return found


def _loads(row: str) -> Any:
    try:
        return json.loads(row)
    except (ValueError, RecursionError):
        return {}  # not an entry: parsed again
