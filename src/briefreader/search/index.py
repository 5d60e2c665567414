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
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefreader import locations
from briefreader.errors import UserError
from briefreader.library import Library
from briefreader.model import Letter
from briefreader.search.fts import candidates, connect, count_matches
from briefreader.search.normalize import WORD, normalize, word_list
from briefreader.search.query import (
    letter_number,
    own_dossier,
    parse_query,
    parse_reference,
)
from briefreader.search.rank import (
    KINDS,
    Hit,
    Located,
    Matcher,
    letter_blocks,
    make_hit,
    make_snippet,
)
from briefreader.search.references import (
    bare_phrase,
    citing_rows,
    named_letter,
    reference_identifier,
)
from briefreader.search.vocab import Vocabulary

REFERENCE_SCORE = 1000.0  # the letter a reference names outranks any text match
PHRASE_MAX = 200  # passages found by a reference's bare words, at most
BATCH = 100  # letters per transaction: progress survives an interrupted build


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

    def update(self, library: Library, progress: Callable[[int, int], None] | None = None) -> None:
        """Index letters new to the index and drop those no longer in `library`, by id."""
        # Oldest first, so that newer letters get higher row numbers: a query too broad to
        # rank in full looks at the newest letters first (`_candidates`).
        wanted = [e.id for e in reversed(library.entries()) if not e.error]
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
        for start in range(0, len(new), BATCH):
            batch = []
            for letter_id in new[start : start + BATCH]:
                try:
                    batch.append(library.letter(letter_id))
                except (KeyError, UserError, OSError, ValueError):
                    continue  # gone or unreadable since the scan: the next update retries
                library.forget(letter_id)  # ten thousand letters need not stay in memory
            with self._writing():
                counts: Counter[str] = Counter()
                for letter in batch:
                    self._add(letter, counts)
                self._count(counts)
                self._changed()
            done += len(new[start : start + BATCH])
            if progress is not None:
                progress(done, total)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction, holding SQLite's write lock from its start.

        Two readers may update one cache at once; taking the lock before reading what is
        indexed means neither adds a letter the other just added (the other waits).
        """
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
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

    def _add(self, letter: Letter, counts: Counter[str]) -> None:
        with self._lock:
            if self.db.execute("SELECT 1 FROM letters WHERE id = ?", (letter.id,)).fetchone():
                return
            first = (self.db.execute("SELECT max(row) FROM blocks").fetchone()[0] or 0) + 1
            blocks = letter_blocks(letter)
            rows = []
            fts = []
            for n, b in enumerate(blocks, first):
                norm = normalize(b.text)
                rows.append(
                    (n, letter.id, KINDS.index(b.kind), b.section_index, b.paragraph_index)
                    + (b.footnote, b.text)
                )
                fts.append((n, norm))
                counts.update(set(WORD.findall(norm)))
            dossier = own_dossier(letter.references)
            self.db.execute(
                "INSERT INTO letters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    letter.id,
                    letter.title,
                    letter.date.isoformat() if letter.date else None,
                    letter_number(letter.number),
                    dossier[0] if dossier else None,
                    dossier[1] if dossier else None,
                    first,
                    first + len(blocks) - 1,
                    letter.identifier,
                ),
            )
            self.db.executemany("INSERT INTO blocks VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            self.db.executemany("INSERT INTO fts(rowid, body) VALUES (?, ?)", fts)

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
            norm = normalize(text)
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
        """The best `limit` hits for `query`, best first (only in `letter_ids` when given).

        A document reference lists the document it names first, then the passages that
        cite it (`_reference_hits`)."""
        if limit <= 0:
            return []
        identifier = reference_identifier(query)
        if identifier is not None or parse_reference(query) is not None:
            return self._reference_hits(query, identifier, letter_ids)[:limit]
        parsed = parse_query(query)
        if not parsed.units:
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

    def count(self, query: str, letter_ids: Collection[str] | None = None) -> int:
        """How many hits `search(query)` has without a limit (the reader's `50 of 86`)."""
        identifier = reference_identifier(query)
        if identifier is not None or parse_reference(query) is not None:
            return len(self._reference_hits(query, identifier, letter_ids))
        parsed = parse_query(query)
        if not parsed.units:
            return 0
        with self._lock:
            vocab = self.vocabulary()
            expansions = [{} if u.phrase else self._expand(u.words[0]) for u in parsed.units]
            for unit, allowed in zip(parsed.units, expansions, strict=True):
                if not unit.possible(allowed, vocab.counts):
                    return 0
            return count_matches(self.db, parsed, expansions, letter_ids)

    def _reference_hits(
        self, query: str, identifier: str | None, letter_ids: Collection[str] | None
    ) -> list[Hit]:
        """The document a reference names (first), then every passage that cites it."""
        hits = []
        named = named_letter(self.db, identifier, letter_ids) if identifier else None
        if named is None:
            guess = self.find_reference(query)  # a letter that prints only its `Nr. 151`
            named = guess if guess and (letter_ids is None or guess in letter_ids) else None
        if named is not None:
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
        if identifier is None:
            return hits
        with self._lock:
            citing = citing_rows(self.db, identifier, letter_ids)
            for n, (row, spans) in enumerate(citing):
                snippet, lo, hi = make_snippet(row[6], *spans[0])
                shift = lo - (1 if lo > 0 else 0)  # the leading `…`
                shown = tuple((s - shift, e - shift) for s, e in spans if s >= lo and e <= hi)
                found = Located(tuple(spans), snippet, shown)
                # Below the named document, in the order citing_rows gives (newest first).
                score = REFERENCE_SCORE - 1 - n / (len(citing) + 1)
                hits.append(self._hit_at(row, found, score))
        # A dossier and number written without `Kamerstuk` (`(36 045, nr. 151)`) is no
        # reference the scanner can resolve: the words in sequence find those, after.
        seen = {(h.letter_id, h.section_index, h.paragraph_index, h.kind) for h in hits}
        phrase = bare_phrase(identifier)
        for hit in self.search(phrase, PHRASE_MAX, letter_ids) if phrase else []:
            if (hit.letter_id, hit.section_index, hit.paragraph_index, hit.kind) not in seen:
                hits.append(hit)
        return hits

    def _hit(
        self,
        matcher: Matcher,
        row: tuple[int, str, int, int, int, int | None, str],
        score: float,
        window: tuple[int, int],
    ) -> Hit:
        return self._hit_at(row, matcher.locate(row[6], window), score)

    def _hit_at(
        self, row: tuple[int, str, int, int, int, int | None, str], found: Located, score: float
    ) -> Hit:
        _, letter_id, kind, si, pi, fn, _ = row
        title, date, lo, hi = self.db.execute(
            "SELECT title, date, first_row, last_row FROM letters WHERE id = ?", (letter_id,)
        ).fetchone()
        heading = self.db.execute(
            "SELECT text FROM blocks WHERE row BETWEEN ? AND ? AND kind = 1 AND section_index = ?",
            (lo, hi, si),
        ).fetchone()
        return make_hit(
            KINDS[kind],
            found,
            score,
            letter_id=letter_id,
            title=title,
            date=dt.date.fromisoformat(date) if date else None,
            section_index=si,
            section_title=heading[0] if heading else None,
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
