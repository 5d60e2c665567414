"""One hit per passage of a document the library holds in several formats.

The same Kamerstuk often comes as XML, HTML, ODT and PDF (`kst-32545-143.xml`, `.html`, …):
four letters with one official identifier and, mostly, the same text. A passage found in
each would be listed four times; `distinct()` keeps one, from the preferred format (the
structured ones first: XML, HTML, ODT, then PDF, then text), at the best score of the
copies. Passages count as copies when their documents share an identifier and the block is
of the same kind, in the same section and word for word the same text; a letter without an
identifier is never merged with another. A reference search lists a passage that cites the
document once too (`firsts`, `new_passages`), and `count_distinct` counts passages.
"""

from __future__ import annotations

import heapq
import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from briefreader.search.fts import Row, fts_expression
from briefreader.search.query import Query
from briefreader.search.rank import Hit

if TYPE_CHECKING:
    from briefreader.library import Library

# Lower is preferred; any other format (plain text) comes after these.
FORMAT_ORDER = {".xml": 0, ".html": 1, ".htm": 1, ".xhtml": 1, ".odt": 2, ".pdf": 3}
OTHER_FORMAT = len(FORMAT_ORDER)

# (score, block row, word window) as the ranking makes them
Scored = tuple[float, int, tuple[int, int]]


def format_rank(path: str | PurePath | None) -> int:
    """How much the format of `path` is preferred among copies of one document (0 best)."""
    if path is None:
        return OTHER_FORMAT
    return FORMAT_ORDER.get(os.path.splitext(path)[1].lower(), OTHER_FORMAT)


def _rank_of(library: Library | None) -> Callable[[str], int]:
    """`format_rank` of each letter's file, as `library` knows it (none known: all equal)."""

    def rank(letter_id: str) -> int:
        entry = library.entry(letter_id) if library is not None else None
        return format_rank(entry.path if entry is not None else None)

    return rank


def _identifiers(db: sqlite3.Connection, letter_ids: Collection[str]) -> dict[str, str]:
    """The official identifier (casefolded) of each indexed letter that has one."""
    ids = list(letter_ids)
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        part = ids[start : start + 500]
        found.update(
            (letter_id, identifier.casefold())
            for letter_id, identifier in db.execute(
                "SELECT id, identifier FROM letters WHERE identifier IS NOT NULL AND id IN "
                f"({','.join('?' * len(part))})",
                part,
            )
        )
    return found


# A block as copies are told apart: letter id, document identifier (or None), kind,
# section index, footnote number and text.
Block = tuple[str, str | None, int, int, int | None, object]


def _passages(blocks: Iterable[Block]) -> list[tuple[object, ...]]:
    """The passage each block (given in reading order, per letter) is: equal for copies.

    Copies share the identifier, kind, section, footnote and text; the n-th such block of
    one letter is a copy of the n-th of another (`Ja.` answered twice in a section stays
    two passages). A letter without an identifier is a document of its own."""
    seen: dict[tuple[object, ...], int] = {}
    out = []
    for letter_id, ident, *block in blocks:
        nth = seen[(letter_id, *block)] = seen.get((letter_id, *block), -1) + 1
        out.append((ident or ("letter", letter_id), nth, *block))
    return out


def distinct(
    scored: Sequence[Scored],
    rows: dict[int, Row],
    db: sqlite3.Connection,
    library: Library | None,
    limit: int,
) -> list[Scored]:
    """The best `limit` of `scored`, one per passage: of copies, the preferred format's
    (equal formats: the best scored) at the best score of them all."""
    items = sorted(scored, key=lambda c: c[1])  # rows in reading order, per letter
    idents = _identifiers(db, {rows[c[1]][1] for c in items})
    blocks = [rows[c[1]] for c in items]
    passages = _passages((r[1], idents.get(r[1]), r[2], r[3], r[5], r[6]) for r in blocks)
    groups: dict[tuple[object, ...], list[Scored]] = {}
    for passage, item in zip(passages, items, strict=True):
        groups.setdefault(passage, []).append(item)
    rank = _rank_of(library)
    best: list[Scored] = []
    for copies in groups.values():
        keep = copies[0]
        if len(copies) > 1:
            keep = min(copies, key=lambda c: (rank(rows[c[1]][1]), -c[0]))
        best.append((max(c[0] for c in copies), keep[1], keep[2]))
    return heapq.nlargest(limit, best)


def firsts(db: sqlite3.Connection, rows: Sequence[Row]) -> list[bool]:
    """Which of `rows` (in the order listed) are the first of their passage: a passage
    cited in each copy of a document is listed once (`citing_hits`)."""
    idents = _identifiers(db, {r[1] for r in rows})
    order = sorted(range(len(rows)), key=lambda i: rows[i][0])  # reading order, per letter
    passages = _passages(
        (r[1], idents.get(r[1]), r[2], r[3], r[5], r[6]) for r in (rows[i] for i in order)
    )
    passage_of = dict(zip(order, passages, strict=True))
    seen: set[tuple[object, ...]] = set()
    out = []
    for i in range(len(rows)):
        out.append(passage_of[i] not in seen)
        seen.add(passage_of[i])
    return out


def new_passages(db: sqlite3.Connection, hits: Sequence[Hit], more: Sequence[Hit]) -> list[Hit]:
    """Those of `more` that are no passage of `hits`, nor a copy of one in another format
    (the same place in a document with the same identifier)."""
    idents = _identifiers(db, {h.letter_id for h in (*hits, *more)})

    def place(h: Hit) -> tuple[object, ...]:
        document = idents.get(h.letter_id) or ("letter", h.letter_id)
        return (document, h.kind, h.section_index, h.paragraph_index, h.footnote)

    seen = {place(h) for h in hits}
    return [h for h in more if place(h) not in seen]


# the letters that share their identifier with another (a document in several formats)
_SHARED = (
    "identifier COLLATE NOCASE IN (SELECT identifier FROM letters WHERE identifier IS NOT NULL"
    " GROUP BY identifier COLLATE NOCASE HAVING count(*) > 1)"
)


def count_distinct(
    db: sqlite3.Connection,
    query: Query,
    expansions: list[dict[str, float]],
    letter_ids: Collection[str] | None,
) -> int:
    """How many passages contain every unit (copies in other formats counted once)."""
    expression = fts_expression(query, expansions)
    # Only letters sharing their identifier with another can hold copies: only their
    # blocks are read (a broad query matches many blocks, and SQLite counts the rest).
    shared = dict(db.execute(f"SELECT id, lower(identifier) FROM letters WHERE {_SHARED}"))
    if letter_ids is None:
        count = int(
            db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)).fetchone()[0]
        )
        found = list(
            db.execute(
                "SELECT b.row, b.letter_id FROM fts JOIN blocks AS b ON b.row = fts.rowid"
                f" WHERE fts MATCH ? AND b.letter_id IN (SELECT id FROM letters WHERE {_SHARED})",
                (expression,),
            )
        ) if shared else []  # fmt: skip
    else:
        rows = db.execute(
            "SELECT b.row, b.letter_id FROM fts JOIN blocks AS b ON b.row = fts.rowid"
            " WHERE fts MATCH ?",
            (expression,),
        )
        found = [(row, lid) for row, lid in rows if lid in letter_ids]
        count = len(found)
    rows_of_copies = sorted(row for row, lid in found if lid in shared)
    blocks: list[Block] = []
    for start in range(0, len(rows_of_copies), 500):
        part = rows_of_copies[start : start + 500]
        blocks += (
            (lid, shared[lid], kind, section, footnote, text)
            for lid, kind, section, footnote, text in db.execute(
                "SELECT letter_id, kind, section_index, footnote, text FROM blocks WHERE row IN"
                f" ({','.join('?' * len(part))}) ORDER BY row",
                part,
            )
        )
    return count - len(blocks) + len(set(_passages(blocks)))
