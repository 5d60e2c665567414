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

import contextlib
import datetime as dt
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefreader import locations
from briefreader.library import Library
from briefreader.search.copies import count_distinct, distinct, new_passages
from briefreader.search.fts import candidates, connect, unpack_text
from briefreader.search.normalize import normalize, word_list
from briefreader.search.query import Reference, Unit, parse_query, parse_reference
from briefreader.search.rank import KINDS, Hit, Matcher
from briefreader.search.references import (
    bare_phrase,
    block_hit,
    citing_hits,
    named_hit,
    named_letter,
    reference_identifier,
)
from briefreader.search.vocab import Vocabulary

if TYPE_CHECKING:
    from briefreader.search.build import Prepared

PHRASE_MAX = 200  # passages found by a reference's bare words, at most
BATCH = 100  # letters per transaction: progress survives an interrupted build
MAX_LIMIT = 100_000  # more hits than anyone reads; SQLite's integers end at 2**63
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
T = TypeVar("T")


class SearchIndex:
    """Fuzzy full-text search over the letters of a library (see the module docstring)."""

    def __init__(self, db: sqlite3.Connection, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._lock = threading.RLock()
        self._vocab: Vocabulary | None = None
        self._memo: dict[tuple[str, bool], dict[str, float]] = {}
        self._library: Library | None = None  # what the index was last brought in step with
        self._rebuilt = False

    @classmethod
    def open(cls, cache_dir: Path | None) -> SearchIndex:
        """The index in `<cache_dir>/search.sqlite` (None: in memory only)."""
        if cache_dir is None:
            return cls(connect(None), None)
        path = cache_dir / "search.sqlite"
        try:
            locations.ensure_private_dir(cache_dir)
            return cls(connect(path), path)
        except OSError:
            return cls(connect(None), None)  # unwritable: search from memory this time
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", None) in _BUSY:
                # busy past the timeout: never delete what another process may be writing
                return cls(connect(None), None)
            # not a database, damaged, of another make, or a full disk: only a cache
        return cls(*_fresh(path))

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self.db.close()

    def _healing(self, work: Callable[[], T]) -> T:
        """Run `work`; when the index fails (damaged, of another schema, a full disk), make
        it afresh, bring it in step with the library again and run `work` once more.

        An index another briefreader holds locked is left alone (this one goes on in memory),
        as is a file made afresh that fails again (a full disk)."""
        for attempt in range(3):
            try:
                if attempt and self._library is not None:
                    self._update(self._library, None)
                return work()
            except sqlite3.Error as exc:
                if attempt == 2:
                    raise
                busy = getattr(exc, "sqlite_errorcode", None) in _BUSY
            with self._lock:
                with contextlib.suppress(sqlite3.Error):
                    self.db.close()
                if busy or self.path is None or self._rebuilt:
                    self.db, self.path = connect(None), None
                else:
                    self.db, self.path = _fresh(self.path)
                self._rebuilt = True
                self._changed()
        raise AssertionError("unreachable")

    def _one(self, sql: str, *args: object) -> tuple[str | None] | None:
        with self._lock:
            return self.db.execute(sql, args).fetchone()  # type: ignore[no-any-return]

    # -- keeping in step with the library -------------------------------------------------

    def letter_date(self, letter_id: str) -> dt.date | None:
        """The date of an indexed letter (None when unknown or not indexed)."""
        row = self._healing(lambda: self._one("SELECT date FROM letters WHERE id = ?", letter_id))
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
        """Index letters new to the index and drop those no longer in `library`, by id;
        nothing is read when the library's files are as at the last update (`synced`)."""
        self._library = library
        self._healing(lambda: self._update(library, progress))

    def _update(self, library: Library, progress: Callable[[int, int], None] | None) -> None:
        if self.synced(library):
            return
        # Oldest first, so that newer letters get higher row numbers: a query too broad to
        # rank in full looks at the newest letters first (`_candidates`).
        wanted = [e.id for e in reversed(library.entries()) if not e.error]
        self._index(library, wanted, progress)
        with self._writing():
            # Only when the index holds exactly these letters: another reader may have
            # updated it for other folders meanwhile.
            if library.state is not None and self.letter_ids() == set(wanted):
                self.db.execute("INSERT INTO meta VALUES ('library', ?)", (library.state,))

    def _index(
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
        from briefreader.search.build import prepare_all  # only when there is work

        def write(count: int, prepared: list[Prepared]) -> None:
            # The lock is taken per batch, so that a search (from another thread)
            # meanwhile sees the letters indexed so far, not waiting for them all.
            nonlocal done
            with self._writing():
                counts: Counter[str] = Counter()
                for letter in prepared:
                    self._add(letter, counts)
                self._count(counts)
                self._changed()
            done += count
            if progress is not None:
                progress(done, total)

        prepare_all(library, new, write, BATCH)

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
                "INSERT INTO letters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (letter.id, letter.title, letter.date, letter.number)
                + (letter.dossier, letter.sub, first, last, letter.identifier),
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
                rows = self.db.execute("SELECT term, n FROM vocab ORDER BY term")
                self._vocab = Vocabulary(dict(rows))
            return self._vocab

    def _expand(self, unit: Unit) -> dict[str, float]:
        got = self._memo.get(key := (unit.words[0], unit.acronym))
        if got is None:
            got = self._memo[key] = self.vocabulary().expand(*key)
            if len(self._memo) > 512:  # as-you-type queries repeat their first words
                self._memo.pop(next(iter(self._memo)))
        return got

    def search(
        self, query: str, limit: int = 20, letter_ids: Collection[str] | None = None
    ) -> list[Hit]:
        """The best `limit` hits for `query`, best first (only in `letter_ids` when given).

        A document reference lists the document it names first, then the passages that
        cite it (`_reference_hits`)."""
        limit = min(limit, MAX_LIMIT)
        if limit <= 0:
            return []
        return self._healing(lambda: self._search(query, limit, letter_ids))

    def count(self, query: str, letter_ids: Collection[str] | None = None) -> int:
        """How many hits `search(query)` has without a limit (the reader's `50 of 86`)."""
        return self._healing(lambda: self._count_hits(query, letter_ids))

    def _search(self, query: str, limit: int, letter_ids: Collection[str] | None) -> list[Hit]:
        identifier = reference_identifier(query)
        if identifier is not None or parse_reference(query) is not None:
            return self._reference_hits(query, identifier, letter_ids)[:limit]
        parsed = parse_query(query)
        if not parsed.units:
            return []
        with self._lock:
            vocab = self.vocabulary()
            expansions = [{} if u.phrase else self._expand(u) for u in parsed.units]
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
            by_row = {r[0]: r for r in rows}
            best = distinct(scored, by_row, self.db, self._library, limit)  # copies: once
            return [self._hit(matcher, by_row[row], score, window) for score, row, window in best]

    def _count_hits(self, query: str, letter_ids: Collection[str] | None) -> int:
        identifier = reference_identifier(query)
        if identifier is not None or parse_reference(query) is not None:
            return len(self._reference_hits(query, identifier, letter_ids))
        parsed = parse_query(query)
        if not parsed.units:
            return 0
        with self._lock:
            vocab = self.vocabulary()
            expansions = [{} if u.phrase else self._expand(u) for u in parsed.units]
            for unit, allowed in zip(parsed.units, expansions, strict=True):
                if not unit.possible(allowed, vocab.counts):
                    return 0
            return count_distinct(self.db, parsed, expansions, letter_ids)

    def _reference_hits(
        self, query: str, identifier: str | None, letter_ids: Collection[str] | None
    ) -> list[Hit]:
        """The document a reference names (first), then every passage that cites it."""
        with self._lock:
            named = named_letter(self.db, identifier, letter_ids) if identifier else None
            ref = parse_reference(query)
            if named is None and ref is not None:
                guess = self._named(ref)  # a letter that prints only its `Nr. 151`
                named = guess if guess and (letter_ids is None or guess in letter_ids) else None
            hits = [named_hit(self.db, named)] if named else []
            hits += citing_hits(self.db, identifier, letter_ids) if identifier else []
        # A dossier and number written without `Kamerstuk` (`(36 045, nr. 151)`) is no
        # reference the scanner can resolve: the words in sequence find those, after.
        phrase = bare_phrase(identifier) if identifier else None
        more = self._search(phrase, PHRASE_MAX, letter_ids) if phrase else []
        return hits + new_passages(self.db, hits, more)  # in none of `hits`, nor a copy

    def _hit(
        self,
        matcher: Matcher,
        row: tuple[int, str, int, int, int, int | None, str],
        score: float,
        window: tuple[int, int],
    ) -> Hit:
        return block_hit(self.db, row, matcher.locate(row[6], window), score)

    def find_reference(self, query: str) -> str | None:
        """The id of the letter that `query`, a Kamerstuk reference, names (newest first).

        A letter names `dossier-number` when its own number (`Nr. 151`) is that number and
        the dossier it cites most is that dossier (see `query.own_dossier`).
        """
        ref = parse_reference(query)
        if ref is None:
            return None
        return self._healing(lambda: self._named(ref))

    def _named(self, ref: Reference) -> str | None:
        with self._lock:
            row = self.db.execute(
                "SELECT id FROM letters WHERE number = ? AND dossier = ? AND sub = ?"
                " ORDER BY date DESC LIMIT 1",
                (ref.number, ref.dossier, ref.sub),
            ).fetchone()
        return row[0] if row else None


def _fresh(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """A new, empty index file at `path` (a damaged or foreign one deleted first), or one in
    memory when no file can be made there."""
    try:
        for stale in (path, *(path.with_name(path.name + x) for x in ("-wal", "-shm"))):
            stale.unlink(missing_ok=True)
        return connect(path), path
    except (OSError, sqlite3.Error):
        return connect(None), None
