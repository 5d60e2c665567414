"""SQL for the search index: its schema, opening the file, and FTS5 query expressions.

`connect()` opens (or creates) `search.sqlite` and starts it afresh when its schema or the
text normalisation has changed. `fts_expression()` turns a parsed query, with each word's
allowed matches, into an FTS5 MATCH expression; `near_expression()` asks for the units
near each other; `estimate_blocks()` bounds how many blocks a unit can match.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefreader.searchquery import Query, Unit
from briefreader.textnorm import NORM_VERSION

SCHEMA = f"1.{NORM_VERSION}"
NEAR = 8  # words apart, for "near each other"
_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS letters (id TEXT PRIMARY KEY, title TEXT, date TEXT,
    number TEXT, dossier TEXT, sub TEXT, first_row INT, last_row INT);
CREATE TABLE IF NOT EXISTS blocks (row INTEGER PRIMARY KEY, letter_id TEXT, kind INT,
    section_index INT, paragraph_index INT, footnote INT, text TEXT);
CREATE TABLE IF NOT EXISTS vocab (term TEXT PRIMARY KEY, n INT) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(body, content='',
    tokenize='unicode61 remove_diacritics 0');
"""


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
