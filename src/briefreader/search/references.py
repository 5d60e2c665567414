"""Searching for a document reference: the document it names, and the passages that cite it.

A query that is a reference in any form letters use (`34919-3`, `Kamerstuk 21 501-20, nr.
512`, `kamerstuk 36200-XII-60`, `ah-tk-20232024-1314`, `Aanhangsel Handelingen II 2023/24,
nr. 1314`) names one official identifier (`reference_identifier`). The index finds the
document by that identifier (`named_letter`) and the blocks whose references resolve to it
(`citing_rows`): FTS5 narrows to blocks with the number and the dossier or session digits,
the reference scanner of `parsing.identity` decides. `with_documents` gives hits the file
and identifier of their documents.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import replace

from briefreader.library import Library

# The identity rules (and with them the parser's package) load only for a query that may be a
# reference: every reference names a number, and most searches are words.
from briefreader.search.copies import firsts
from briefreader.search.fts import Row, unpack_text
from briefreader.search.normalize import word_list
from briefreader.search.query import parse_reference
from briefreader.search.rank import KINDS, Hit, Located, make_hit, make_snippet

REFERENCE_SCORE = 1000.0  # the document a reference names outranks any text match


def reference_identifier(query: str) -> str | None:
    """The official id that `query` names when it is a document reference, else None."""
    if not any(c.isdigit() for c in query):
        return None  # no number, no reference (and no need to load the identity rules)
    from briefreader.parsing.identity import kamerstuk_identifier, read_reference

    cite = read_reference(query)
    if cite is not None:
        return cite.identifier
    ref = parse_reference(query)  # the short forms a user types: `34919-3`, `36045 151`
    if ref is None:
        return None
    dossier = ref.dossier
    if ref.sub:
        dossier += f"-{ref.sub}" if ref.sub.isdigit() else f" {ref.sub}"
    return kamerstuk_identifier(dossier, ref.number)


def named_letter(
    db: sqlite3.Connection, identifier: str, letter_ids: Collection[str] | None = None
) -> str | None:
    """The id of the indexed letter that is the document `identifier` (newest first)."""
    rows = db.execute(
        "SELECT id FROM letters WHERE identifier = ? COLLATE NOCASE ORDER BY date DESC",
        (identifier,),
    )
    return next((r[0] for r in rows if letter_ids is None or r[0] in letter_ids), None)


def _fts_terms(identifier: str) -> str | None:
    """An FTS5 expression every block citing `identifier` satisfies (in any written form)."""
    from briefreader.parsing.identity import parse_identifier

    parsed = parse_identifier(identifier)
    if parsed is None or parsed.number is None:
        return None
    if parsed.dossier:
        digits = parsed.dossier.split("-")[0].split(" ")
        head = f'("{"".join(digits[:2])}" OR "{digits[1]}")' if len(digits) >= 2 else None
    elif parsed.session:
        first, second = parsed.session.split("-")
        head = f'("{first}" OR "{first}{second}")'
    else:
        head = None
    return f'"{parsed.number}"' + (f" AND {head}" if head else "")


def bare_phrase(identifier: str) -> str | None:
    """A Kamerstuk's dossier and number as a quoted phrase of words (`"36 045 nr 151"`): how
    a letter writes it without the word `Kamerstuk`; None for other documents."""
    from briefreader.parsing.identity import parse_identifier

    parsed = parse_identifier(identifier)
    if parsed is None or parsed.dossier is None:
        return None
    return '"' + " ".join(word_list(f"{parsed.dossier}, nr. {parsed.number}")) + '"'


def citing_rows(
    db: sqlite3.Connection, identifier: str, letter_ids: Collection[str] | None = None
) -> list[tuple[Row, list[tuple[int, int]]]]:
    """Every block that cites the document `identifier`, with the spans of the citing
    references in its text; newest letters first, in reading order within a letter."""
    from briefreader.links import cite_spans

    terms = _fts_terms(identifier)
    if terms is None:
        return []
    rows = db.execute(
        "SELECT b.row, b.letter_id, b.kind, b.section_index, b.paragraph_index, b.footnote,"
        " b.text FROM fts JOIN blocks AS b ON b.row = fts.rowid"
        " JOIN letters AS l ON l.id = b.letter_id"
        " WHERE fts MATCH ? ORDER BY l.date IS NULL, l.date DESC, b.row",
        (terms,),
    )
    want = identifier.lower()
    out = []
    for row in rows:
        if letter_ids is not None and row[1] not in letter_ids:
            continue
        row = (*row[:6], unpack_text(row[6]))
        spans = [(s, e) for s, e, c in cite_spans(row[6]) if (c.identifier or "").lower() == want]
        if spans:
            out.append((row, spans))
    return out


def block_hit(db: sqlite3.Connection, row: Row, found: Located, score: float) -> Hit:
    """The hit of one indexed block (`row`), with its letter's title and date and its
    section's heading from the index; `found` says what to show and mark."""
    _, letter_id, kind, si, pi, fn, _ = row
    title, date, lo, hi = db.execute(
        "SELECT title, date, first_row, last_row FROM letters WHERE id = ?", (letter_id,)
    ).fetchone()
    heading = db.execute(
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
        section_title=unpack_text(heading[0]) if heading else None,
        paragraph_index=pi,
        footnote=fn,
    )


def named_hit(db: sqlite3.Connection, letter_id: str) -> Hit:
    """The hit that heads a reference search: the document it names, by its title."""
    title, date = db.execute(
        "SELECT title, date FROM letters WHERE id = ?", (letter_id,)
    ).fetchone()
    return make_hit(
        "title",
        Located((), title, ()),
        REFERENCE_SCORE,
        letter_id=letter_id,
        title=title,
        date=dt.date.fromisoformat(date) if date else None,
    )


def citing_hits(
    db: sqlite3.Connection, identifier: str, letter_ids: Collection[str] | None = None
) -> list[Hit]:
    """The passages that cite `identifier` as hits below the named document, newest letters
    first, each with its citing references marked."""
    citing = citing_rows(db, identifier, letter_ids)
    # a document in several formats cites in each: once
    citing = [
        c for c, first in zip(citing, firsts(db, [r for r, _ in citing]), strict=True) if first
    ]
    hits = []
    for n, (row, spans) in enumerate(citing):
        snippet, lo, hi = make_snippet(row[6], *spans[0])
        shift = lo - (1 if lo > 0 else 0)  # the leading `…`
        shown = tuple((s - shift, e - shift) for s, e in spans if s >= lo and e <= hi)
        score = REFERENCE_SCORE - 1 - n / (len(citing) + 1)
        hits.append(block_hit(db, row, Located(tuple(spans), snippet, shown), score))
    return hits


def with_documents(hits: Iterable[Hit], library: Library) -> list[Hit]:
    """`hits` with the file (`source`) and official id (`identifier`) of their documents, as
    the library knows them now (the index knows letters by content only)."""
    out = []
    for hit in hits:
        entry = library.entry(hit.letter_id)
        if entry is None:
            out.append(hit)
        else:
            out.append(replace(hit, source=str(entry.path), identifier=entry.identifier))
    return out
