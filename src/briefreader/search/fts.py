"""SQL for the search index: its schema, opening the file, and finding candidate blocks.

`connect()` opens (or creates) `search.sqlite` and starts it afresh when its schema or the
text normalisation has changed. `candidates()` finds the blocks a query may hit, a few times
more than the hits wanted, for the re-ranking in Python; it builds FTS5 MATCH expressions
with `fts_expression()` (every unit, each word as any of its allowed matches) and
`near_expression()` (the units near each other), and chooses between ranking in full and
taking the newest matches with `estimate_blocks()`.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Collection
from pathlib import Path

from briefreader.search.normalize import NORM_VERSION
from briefreader.search.query import Query, Unit

SCHEMA = f"3.{NORM_VERSION}"  # 2: letters keep their official identifier; 3: text zlib'd
NEAR = 8  # words apart, for "near each other"
# FTS5 ranks (bm25) at roughly a microsecond per matching block and query unit: rank in
# full only up to this many block-units (~10 ms).
RANKED_MAX = 10_000
RANKED_TAKE = 100  # best-ranked candidates to re-rank
BROAD_TAKE = 100  # newest candidates for a broader query
MAX_RANGES = 64  # search within up to this many letters by their row ranges
Row = tuple[int, str, int, int, int, int | None, str]
_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS letters (id TEXT PRIMARY KEY, title TEXT, date TEXT,
    number TEXT, dossier TEXT, sub TEXT, first_row INT, last_row INT, identifier TEXT);
CREATE INDEX IF NOT EXISTS letters_identifier ON letters (identifier COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS blocks (row INTEGER PRIMARY KEY, letter_id TEXT, kind INT,
    section_index INT, paragraph_index INT, footnote INT, text);
CREATE TABLE IF NOT EXISTS vocab (term TEXT PRIMARY KEY, n INT) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(body, content='',
    tokenize='unicode61 remove_diacritics 0');
"""


def pack_text(text: str) -> str | bytes:
    """A block's text as stored: zlib'd when that is shorter (the index then holds less
    than the letters' text; the FTS5 table is contentless, so it holds no copy)."""
    raw = text.encode()
    if len(raw) < 64:
        return text
    packed = zlib.compress(raw, 6)
    return packed if len(packed) < len(raw) else text


def unpack_text(stored: str | bytes) -> str:
    """The text `pack_text` stored."""
    return stored if isinstance(stored, str) else zlib.decompress(stored).decode()


def connect(path: Path | None) -> sqlite3.Connection:
    """The index database at `path` (None: in memory), with the current schema."""
    db = sqlite3.connect(":memory:" if path is None else path, check_same_thread=False, timeout=10)
    if path is not None:
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    row = None
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
        row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None or row[0] != SCHEMA:
            with db:  # made by another version: start afresh (it is only a cache)
                for table in ("fts", "vocab", "blocks", "letters", "meta"):
                    db.execute(f"DROP TABLE IF EXISTS {table}")
    if row is None or row[0] != SCHEMA:
        db.executescript(_DDL)
        with db:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))
    return db


def estimate_blocks(unit: Unit, allowed: dict[str, float], counts: dict[str, int]) -> int:
    """At most how many blocks hold this unit (from the vocabulary's block counts)."""
    if unit.phrase:
        return min(counts.get(w, 0) for w in unit.words)
    alt = min(counts.get(w, 0) for w in unit.alt) if unit.alt else 0
    return alt + sum(counts.get(t, 0) for t in allowed)


def near_expression(
    query: Query, expansions: list[dict[str, float]], counts: dict[str, int]
) -> str | None:
    """FTS5 NEAR over each unit's best match, for a query of two or more units."""
    if len(query.units) < 2:
        return None
    phrases = []
    for unit, allowed in zip(query.units, expansions, strict=True):
        if unit.phrase:
            phrases.append(" ".join(unit.words))
        elif allowed:
            phrases.append(max(allowed, key=lambda t: (allowed[t], counts.get(t, 0))))
        else:
            phrases.append(" ".join(unit.alt))
    return "NEAR(" + " ".join(f'"{p}"' for p in phrases) + f", {NEAR}" + ")"


def fts_expression(query: Query, expansions: list[dict[str, float]]) -> str:
    """The FTS5 MATCH expression: every unit (AND), each word as any of its matches (OR)."""
    parts = []
    for unit, allowed in zip(query.units, expansions, strict=True):
        if unit.phrase:
            parts.append('"' + " ".join(unit.words) + '"')
        else:
            alt = [" ".join(unit.alt)] if unit.alt else []
            parts.append("(" + " OR ".join(f'"{t}"' for t in [*allowed, *alt]) + ")")
    return " AND ".join(parts)


def candidates(
    db: sqlite3.Connection,
    query: Query,
    expansions: list[dict[str, float]],
    counts: dict[str, int],
    limit: int,
    letter_ids: Collection[str] | None,
) -> list[Row]:
    """Blocks that contain every unit: a few times more than the hits wanted.

    FTS5 ranks by bm25 at about a microsecond a match and unit, so a query that matches
    few enough blocks (`RANKED_MAX`) is ranked in full. A broader one (`oekraine`, or a
    first letter or three as the user types) takes the newest matches instead, those
    with the words near each other first, and leaves the choice to the re-ranking.
    """
    estimate = min(
        estimate_blocks(u, e, counts) for u, e in zip(query.units, expansions, strict=True)
    )
    match = fts_expression(query, expansions)
    ranges: list[tuple[int, int] | None] = [None]
    only: set[str] | None = None
    if letter_ids is not None and len(letter_ids) <= MAX_RANGES:
        found = db.execute(
            "SELECT first_row, last_row FROM letters WHERE id IN "
            f"({','.join('?' * len(letter_ids))})",
            tuple(letter_ids),
        ).fetchall()
        ranges = [(lo, hi) for lo, hi in found]
        estimate = min(estimate, sum(hi - lo + 1 for lo, hi in found))
    elif letter_ids is not None:
        only = set(letter_ids)  # many letters: filter the matches instead
    if estimate * len(query.units) <= RANKED_MAX:
        take = max(RANKED_TAKE, 4 * limit)
        plans = [(match, "rank")]
    else:
        take = max(BROAD_TAKE, 4 * limit)
        plans = [(match, "rowid DESC")]
        near = near_expression(query, expansions, counts)
        if near:
            plans.insert(0, (near, "rowid DESC"))
    rows: list[Row] = []
    seen: set[int] = set()
    for expr, order in plans:
        if len(rows) >= take:
            break  # the words near each other were enough
        rank = "rank" if order == "rank" else "0"
        for span in ranges:
            # A letter's rows are contiguous: FTS5 limits to a rowid range cheaply.
            where, args = ("", ()) if span is None else (" AND rowid BETWEEN ? AND ?", span)
            sql = (
                "SELECT b.row, b.letter_id, b.kind, b.section_index, b.paragraph_index,"
                # bm25 (`rank`) only where it orders: it costs ~25 µs a row with NEAR
                f" b.footnote, b.text FROM (SELECT rowid AS r, {rank} AS k FROM fts"
                f" WHERE fts MATCH ?{where} ORDER BY {order} LIMIT ?) AS f"
                " JOIN blocks AS b ON b.row = f.r"
                + (" ORDER BY f.k" if order == "rank" else " ORDER BY f.r DESC")
            )
            for row in db.execute(sql, (expr, *args, take if only is None else 4 * take)):
                if row[0] not in seen and (only is None or row[1] in only):
                    seen.add(row[0])
                    rows.append((*row[:6], unpack_text(row[6])))
    return rows
