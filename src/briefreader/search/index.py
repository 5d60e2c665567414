"""The search index: every letter's blocks in SQLite FTS5, kept in step with the library.

Layout of `<cache dir>/search.sqlite`: `letters` (one row per indexed letter: title, date,
its own number and dossier for reference look-ups, and the range of its block rows),
`blocks` (the text as written of every title, heading, paragraph and footnote), `fts` (a
contentless FTS5 index over the *normalised* text of those blocks) and `vocab` (every
normalised word with the number of blocks it occurs in).

A search expands each query word over `vocab` (typos, word forms, prefixes: `vocab`),
asks FTS5 for the blocks that contain every unit (best bm25 first, a few hundred at most)
and re-ranks those in Python (`rank`). The file is only a cache: a damaged or outdated
one is rebuilt, an unwritable cache dir falls back to memory.
"""

from __future__ import annotations

import datetime as dt
import heapq
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from briefreader import locations
from briefreader.errors import UserError
from briefreader.library import Library
from briefreader.search.fts import candidates, connect, unpack_text
from briefreader.search.normalize import normalize, word_list
from briefreader.search.query import Reference, parse_query, parse_reference
from briefreader.search.rank import KINDS, Hit, Located, Matcher, make_hit
from briefreader.search.vocab import Vocabulary

if TYPE_CHECKING:
    from briefreader.search.build import Job, Prepared

REFERENCE_SCORE = 1000.0  # the letter a reference names outranks any text match
BATCH = 100  # letters per transaction: progress survives an interrupted build
POOL_MIN = 200  # letters to index before it pays to start worker processes


class SearchIndex:
    """Fuzzy full-text search over the letters of a library (see the module docstring)."""

    def __init__(self, db: sqlite3.Connection, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._lock = threading.RLock()
        self._vocab: Vocabulary | None = None
        self._memo: dict[str, dict[str, float]] = {}

    @classmethod
    def open(cls, cache_dir: Path | None) -> SearchIndex:
        """The index in `<cache_dir>/search.sqlite` (None: in memory only)."""
        if cache_dir is None:
            return cls(connect(None), None)
        path = cache_dir / "search.sqlite"
        try:
            locations.ensure_private_dir(cache_dir)
            return cls(connect(path), path)
        except (OSError, sqlite3.OperationalError):
            # Unwritable, or busy past the timeout: never delete what another process may
            # be writing; search from memory this time.
            return cls(connect(None), None)
        except sqlite3.DatabaseError:
            pass  # not a database, or damaged: the cache is ours to throw away
        try:
            for stale in (path, *(path.with_name(path.name + x) for x in ("-wal", "-shm"))):
                stale.unlink(missing_ok=True)
            return cls(connect(path), path)
        except (OSError, sqlite3.Error):
            return cls(connect(None), None)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self.db.close()

    # -- keeping in step with the library -------------------------------------------------

    def letter_date(self, letter_id: str) -> dt.date | None:
        """The date of an indexed letter (None when unknown or not indexed)."""
        with self._lock:
            row = self.db.execute("SELECT date FROM letters WHERE id = ?", (letter_id,)).fetchone()
        return dt.date.fromisoformat(row[0]) if row and row[0] else None

    def letter_ids(self) -> set[str]:
        """Ids of the letters in the index."""
        with self._lock:
            return {r[0] for r in self.db.execute("SELECT id FROM letters")}

    def synced(self, library: Library) -> bool:
        """Whether the index holds the letters of `library` as last listed: the files' digest
        (`Library.state`) is the one stored by the last update that left them in step."""
        if library.state is None:
            return False
        with self._lock:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'library'").fetchone()
        return row is not None and row[0] == library.state

    def update(self, library: Library, progress: Callable[[int, int], None] | None = None) -> None:
        """Index letters new to the index and drop those no longer in `library`, by id.

        When the library's files are as they were at the last update (`synced`), nothing
        is read: a warm start costs one query, not a comparison of every letter.
        """
        if self.synced(library):
            return
        # Oldest first, so that newer letters get higher row numbers: a query too broad to
        # rank in full looks at the newest letters first (`_candidates`).
        wanted = [e.id for e in reversed(library.entries()) if not e.error]
        self._update(library, wanted, progress)
        with self._writing():
            # Only when the index holds exactly these letters: another reader may have
            # updated it for other folders meanwhile.
            if library.state is not None and self.letter_ids() == set(wanted):
                self.db.execute("INSERT INTO meta VALUES ('library', ?)", (library.state,))

    def _update(
        self, library: Library, wanted: list[str], progress: Callable[[int, int], None] | None
    ) -> None:
        have = self.letter_ids()
        gone = have - set(wanted)
        new = [i for i in wanted if i not in have]
        total = len(new) + len(gone)
        if not total:
            return
        done = 0
        # The lock is taken per batch, so that a search (from another thread) meanwhile
        # sees the letters indexed so far instead of waiting for the whole build.
        with self._writing():
            for letter_id in gone:
                self._drop(letter_id)
            self._changed()
        done += len(gone)
        from briefreader.search.build import prepare, prepare_letters
        from briefreader.workers import chunked, run_chunks

        cache = None if library.cache.path is None else str(library.cache.path)
        jobs = [(cache, e.id, str(e.path)) for i in new if (e := library.entry(i)) is not None]
        waiting: dict[int, list[Prepared]] = {}
        chunks = chunked(jobs, BATCH)
        order = {id(chunk): n for n, chunk in enumerate(chunks)}
        written = 0

        def store(chunk: Sequence[Job], prepared: list[Prepared]) -> None:
            # Chunks finish in any order; they are written in theirs, oldest letters first.
            nonlocal done, written
            waiting[order[id(chunk)]] = prepared
            while written in waiting:
                # The lock is taken per batch, so that a search (from another thread)
                # meanwhile sees the letters indexed so far, not waiting for them all.
                with self._writing():
                    counts: Counter[str] = Counter()
                    for letter in waiting.pop(written):
                        self._add(letter, counts)
                    self._count(counts)
                    self._changed()
                done += len(chunks[written])
                written += 1
                if progress is not None:
                    progress(done, total)

        if len(jobs) >= POOL_MIN and jobs[0][0] is not None:
            run_chunks(prepare_letters, chunks, store)  # on every core
            return
        for chunk in chunks:
            prepared = []
            for _, letter_id, _ in chunk:
                try:
                    prepared.append(prepare(library.letter(letter_id)))
                except (KeyError, UserError, OSError, ValueError):
                    continue  # gone or unreadable since the scan: the next update retries
                library.forget(letter_id)  # ten thousand letters need not stay in memory
            store(chunk, prepared)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction, holding SQLite's write lock from its start.

        Two readers may update one cache at once; taking the lock before reading what is
        indexed means neither adds a letter the other just added (the other waits).
        """
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            # Any change unmakes `synced`: only a finished update says again what it holds.
            self.db.execute("DELETE FROM meta WHERE key = 'library'")
            try:
                yield
            except BaseException:
                self.db.rollback()
                raise
            self.db.commit()

    def _changed(self) -> None:
        """Forget what was read from the index before it changed."""
        self._vocab = None
        self._memo.clear()

    def _count(self, counts: Counter[str]) -> None:
        """Add block counts to the vocabulary (once per batch: far fewer upserts)."""
        self.db.executemany(
            "INSERT INTO vocab VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
            counts.items(),
        )

    def _add(self, letter: Prepared, counts: Counter[str]) -> None:
        with self._lock:
            if self.db.execute("SELECT 1 FROM letters WHERE id = ?", (letter.id,)).fetchone():
                return
            first = (self.db.execute("SELECT max(row) FROM blocks").fetchone()[0] or 0) + 1
            last = first + len(letter.blocks) - 1
            self.db.execute(
                "INSERT INTO letters VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (letter.id, letter.title, letter.date, letter.number)
                + (letter.dossier, letter.sub, first, last),
            )
            self.db.executemany(
                "INSERT INTO blocks VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(n, letter.id, *b) for n, b in enumerate(letter.blocks, first)],
            )
            self.db.executemany(
                "INSERT INTO fts(rowid, body) VALUES (?, ?)", enumerate(letter.norms, first)
            )
            counts.update(letter.counts)

    def _drop(self, letter_id: str) -> None:
        found = self.db.execute(
            "SELECT first_row, last_row FROM letters WHERE id = ?", (letter_id,)
        ).fetchone()
        if found is None:
            return  # another process dropped it first
        lo, hi = found
        rows = self.db.execute("SELECT row, text FROM blocks WHERE row BETWEEN ? AND ?", (lo, hi))
        counts: Counter[str] = Counter()
        for row, text in rows:
            norm = normalize(unpack_text(text))
            # A contentless FTS5 table forgets a row only when told the text it indexed.
            self.db.execute(
                "INSERT INTO fts(fts, rowid, body) VALUES ('delete', ?, ?)", (row, norm)
            )
            counts.update(set(word_list(norm)))
        self.db.executemany(
            "UPDATE vocab SET n = n - ? WHERE term = ?", [(n, t) for t, n in counts.items()]
        )
        self.db.execute("DELETE FROM vocab WHERE n <= 0")
        self.db.execute("DELETE FROM blocks WHERE row BETWEEN ? AND ?", (lo, hi))
        self.db.execute("DELETE FROM letters WHERE id = ?", (letter_id,))

    # -- searching -------------------------------------------------------------------------

    def vocabulary(self) -> Vocabulary:
        """Every word in the index (loaded once, until the next update)."""
        with self._lock:
            if self._vocab is None:
                self._vocab = Vocabulary(dict(self.db.execute("SELECT term, n FROM vocab")))
            return self._vocab

    def _expand(self, word: str) -> dict[str, float]:
        got = self._memo.get(word)
        if got is None:
            got = self._memo[word] = self.vocabulary().expand(word)
            if len(self._memo) > 512:  # as-you-type queries repeat their first words
                self._memo.pop(next(iter(self._memo)))
        return got

    def search(
        self, query: str, limit: int = 20, letter_ids: Collection[str] | None = None
    ) -> list[Hit]:
        """The best `limit` hits for `query`, best first (only in `letter_ids` when given)."""
        ref = parse_reference(query)
        if ref is not None and limit > 0:
            return self._reference_hits(ref, limit, letter_ids)
        parsed = parse_query(query)
        if limit <= 0 or not parsed.units:
            return []
        with self._lock:
            vocab = self.vocabulary()
            expansions = [{} if u.phrase else self._expand(u.words[0]) for u in parsed.units]
            for unit, allowed in zip(parsed.units, expansions, strict=True):
                if not unit.possible(allowed, vocab.counts):
                    return []  # a unit no block can contain: nothing matches them all
            rows = candidates(self.db, parsed, expansions, vocab.counts, limit, letter_ids)
            matcher = Matcher(parsed, expansions)
            scored = []
            for pos, (row, _, kind, _, _, _, text) in enumerate(rows):
                got = matcher.score(text, KINDS[kind])
                if got is not None:
                    bonus = 2.0 * (1 - pos / len(rows))  # bm25's order breaks near-ties
                    scored.append((got[0] + bonus, row, got[1]))
            best = heapq.nlargest(limit, scored)
            by_row = {r[0]: r for r in rows}
            return [self._hit(matcher, by_row[row], score, window) for score, row, window in best]

    def _reference_hits(
        self, ref: Reference, limit: int, letter_ids: Collection[str] | None
    ) -> list[Hit]:
        """The letter a reference names (first), then the paragraphs that cite it."""
        hits = []
        named = self.find_reference(str(ref))
        if named is not None and (letter_ids is None or named in letter_ids):
            with self._lock:
                title, date = self.db.execute(
                    "SELECT title, date FROM letters WHERE id = ?", (named,)
                ).fetchone()
            hits.append(
                make_hit(
                    "title",
                    Located((), title, ()),
                    REFERENCE_SCORE,
                    letter_id=named,
                    title=title,
                    date=dt.date.fromisoformat(date) if date else None,
                )
            )
        cited = '"' + " ".join(word_list(str(ref))[1:]) + '"'  # without "kamerstuk"
        return (hits + self.search(cited, limit, letter_ids))[:limit]

    def _hit(
        self,
        matcher: Matcher,
        row: tuple[int, str, int, int, int, int | None, str],
        score: float,
        window: tuple[int, int],
    ) -> Hit:
        _, letter_id, kind, si, pi, fn, text = row
        title, date, lo, hi = self.db.execute(
            "SELECT title, date, first_row, last_row FROM letters WHERE id = ?", (letter_id,)
        ).fetchone()
        heading = self.db.execute(
            "SELECT text FROM blocks WHERE row BETWEEN ? AND ? AND kind = 1 AND section_index = ?",
            (lo, hi, si),
        ).fetchone()
        return make_hit(
            KINDS[kind],
            matcher.locate(text, window),
            score,
            letter_id=letter_id,
            title=title,
            date=dt.date.fromisoformat(date) if date else None,
            section_index=si,
            section_title=unpack_text(heading[0]) if heading else None,
            paragraph_index=pi,
            footnote=fn,
        )

    def find_reference(self, query: str) -> str | None:
        """The id of the letter that `query`, a Kamerstuk reference, names (newest first).

        A letter names `dossier-number` when its own number (`Nr. 151`) is that number and
        the dossier it cites most is that dossier (see `query.own_dossier`).
        """
        ref = parse_reference(query)
        if ref is None:
            return None
        with self._lock:
            row = self.db.execute(
                "SELECT id FROM letters WHERE number = ? AND dossier = ? AND sub = ?"
                " ORDER BY date DESC LIMIT 1",
                (ref.number, ref.dossier, ref.sub),
            ).fetchone()
        return row[0] if row else None
