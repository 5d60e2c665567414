"""`briefreader search QUERY [PATH ...] [--json] [--limit N]`: fuzzy search from the shell.

Resolves the letters like the reader does, brings the index in `<cache dir>/search.sqlite`
up to date (only new or changed letters cost time) and prints the hits best first: one line
each (date, title, section, snippet with the match marked), or a JSON array. The user's
own notes that match are listed among the hits, marked as notes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace

from briefreader import locations
from briefreader.errors import UserError
from briefreader.library import Entry, Library
from briefreader.search import Hit, SearchIndex, search_notes, with_documents
from briefreader.textsafe import json_safe, shown_name, shown_text

TITLE_WIDTH = 44
USAGE = "briefreader search QUERY [PATH ...] [--json] [--limit N]"


def _mark(hit: Hit, on: str, off: str) -> str:
    """The snippet with each match wrapped in `on` / `off` (and nothing a terminal obeys)."""
    text, pos = "", 0
    for start, end in hit.snippet_spans:
        text += shown_text(hit.snippet[pos:start]) + on + shown_text(hit.snippet[start:end]) + off
        pos = end
    return " ".join((text + shown_text(hit.snippet[pos:])).split())


def _where(hit: Hit) -> str:
    if hit.kind == "title":
        return "title"
    if hit.kind == "signatory":
        return "signed"
    if hit.kind == "heading":
        return "heading"
    if hit.kind == "note":
        return f"note on {shown_text(hit.section_title or '(opening)')}"
    where = shown_text(hit.section_title or "(opening)")
    if hit.kind == "footnote":
        where += f" · footnote {hit.footnote}"
    return where


def format_hit(hit: Hit, color: bool) -> str:
    """One plain line for a hit: date, title, section, snippet with the match marked."""
    date = hit.date.isoformat() if hit.date else "----------"
    title = shown_text(hit.title)
    title = title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "…"
    snippet = _mark(hit, "\x1b[1;4m", "\x1b[22;24m") if color else _mark(hit, "[", "]")
    return f"{date}  {title:<{TITLE_WIDTH}}  {_where(hit)}: {snippet}"


def _progress(what: str) -> Callable[[int, int], None]:
    """A progress line on stderr: how many of how many, and how many a second."""
    start = time.monotonic()

    def show(done: int, total: int) -> None:
        rate = done / max(time.monotonic() - start, 1e-3)
        sys.stderr.write(f"\r{what}: {done}/{total} ({rate:.0f}/s)")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _notes(args: argparse.Namespace, query: str) -> list[Hit]:
    """The user's own notes that match, marked as notes (none when there is no store yet)."""
    data = locations.data_dir(args.data_dir)
    if not (data / locations.NOTES_DB).exists():
        return []  # no notes yet: not even the notes package need load
    from briefreader.notes import Store

    store = Store.open(data)
    try:
        if store.warning:
            print(f"briefreader: {shown_name(store.warning)}", file=sys.stderr)
        return search_notes(store.annotations(), query, limit=args.limit)
    finally:
        store.close()


def _search(
    args: argparse.Namespace, query: str, library: Library, trust: bool
) -> tuple[list[Hit], int, list[Entry]]:
    """(the best hits with their documents, how many there are, the letters not searched)."""
    tty = sys.stderr.isatty()
    # Only what changed since the last search is parsed; nothing changed, nothing is read.
    count, broken = library.status(progress=_progress("parsing letters") if tty else None,
                                   trust=trust)  # fmt: skip
    if len(broken) == 1 and count == 1:
        raise UserError(broken[0].path, broken[0].error or "cannot be read")
    if broken and len(broken) == count:
        raise UserError(None, "search: none of the letters could be read")
    index = SearchIndex.open(locations.cache_dir(args.cache_dir))
    try:
        index.update(library, progress=_progress("indexing letters") if tty else None)
        hits = index.search(query, limit=args.limit)
        total = max(index.count(query), len(hits)) if len(hits) >= args.limit else len(hits)
        notes = [replace(h, date=index.letter_date(h.letter_id)) for h in _notes(args, query)]
    finally:
        index.close()
    total += len(notes)
    hits = with_documents(sorted(hits + notes, key=lambda h: -h.score)[: args.limit], library)
    return hits, total, broken


def cmd_search(args: argparse.Namespace) -> int:
    """Search every letter for `args.query`; print hits best first (plain or JSON)."""
    if args.query is None:
        raise UserError(None, f"search: what to search for is missing (usage: {USAGE})")
    query = args.query.strip()
    if not query:
        raise UserError(None, "search: the query is empty")
    if args.limit is None or args.limit <= 0:
        raise UserError(None, f"search: --limit must be a positive number, not {args.limit}")
    library = Library.open(
        args.paths, locations.data_dir(args.data_dir), locations.cache_dir(args.cache_dir)
    )
    hits, total, broken = _search(args, query, library, trust=True)
    if library.trusted and library.changed({h.letter_id for h in hits if h.kind != "note"}):
        # A hit's file was edited in place since every file was last checked: check them
        # all now and search again, so that no hit shows text that is no longer there.
        hits, total, broken = _search(args, query, library, trust=False)
    for entry in broken:  # say what was not searched, as the reader marks it
        print(f"briefreader: {shown_name(f'{entry.path}: {entry.error}')} (not searched)",
              file=sys.stderr)  # fmt: skip
    if args.json:
        text = json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=1)
        sys.stdout.write(json_safe(text) + "\n")
        return 0
    if not hits:
        print(f"no matches for {shown_name(repr(query))}", file=sys.stderr)
        return 0
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    for hit in hits:
        print(format_hit(hit, color))
    if total > len(hits):
        print(f"{len(hits)} of {total} matches (--limit {total} shows them all)", file=sys.stderr)
    return 0
