"""`briefreader notes [--json]`: every annotation, grouped by letter, from the shell.

The notes come from the notebook (`notes.notebook`), re-anchored to the letters as they are
now, exactly as `export` and the reader's export see them. A damaged or read-only store is
reported on stderr and the command carries on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from briefreader import locations
from briefreader.library import Library
from briefreader.notes import Annotation, Store
from briefreader.notes.notebook import Notebook, open_notebook
from briefreader.textsafe import json_safe, shown_name, shown_text


def open_store(args: argparse.Namespace) -> Store:
    """The store of the data dir; a damaged or read-only one is reported, not fatal."""
    store = Store.open(locations.data_dir(args.data_dir))
    if store.warning:
        print(f"briefreader: warning: {shown_name(store.warning)}", file=sys.stderr)
    return store


def notebook(store: Store, args: argparse.Namespace, paths: Sequence[Path] = ()) -> Notebook:
    """The notes of `store` on the library (or only those on the letters under `paths`)."""
    if not store.annotations():
        return Notebook()  # nothing to join: no need to open (or create) the parse cache
    library = Library.open(
        list(paths), locations.data_dir(args.data_dir), locations.cache_dir(args.cache_dir)
    )
    return open_notebook(store, library, only_library=bool(paths))


def _short(text: str, width: int) -> str:
    text = " ".join(shown_text(text).split())  # never escapes or bidi marks on a terminal
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _as_json(a: Annotation, book: Notebook) -> dict[str, object]:
    x = a.anchor
    now = book.passage_now(a)
    return {
        "id": a.id,
        "letter": x.letter_id,
        "letter_title": a.letter_title,
        "section": a.section_title,
        "section_index": x.section_index,
        "paragraph_index": x.paragraph_index,
        "start": x.start,
        "end": x.end,
        "quote": x.quote,
        "prefix": x.prefix,
        "suffix": x.suffix,
        "note": a.note,
        "tags": list(a.tags),
        "created": a.created,
        "updated": a.updated,
        "detached": a.detached,
        "in_library": book.letter(a) is not None,
        "changed": now is not None,
        "now": now,
        "citation": book.citation(a),
    }


def _lines(a: Annotation, book: Notebook) -> list[str]:
    where = a.section_title or "opening"
    head = f"  {a.id:>5}  {_short(where, 30)}, ¶{a.anchor.paragraph_index + 1}: "
    head += f"“{_short(a.anchor.quote, 90 - len(head))}”"
    now = book.passage_now(a)
    changed = [f"         changed: now reads “{_short(now, 70)}”"] if now is not None else []
    note = _short(a.note, 70) if a.note.strip() else "(no note)"
    tags = f"  [{', '.join(_short(t, 20) for t in a.tags)}]" if a.tags else ""
    return [head, *changed, f"         {note}{tags}"]


def format_notes(book: Notebook) -> str:
    """The plain-text listing: per letter (in reading order), then the detached ones."""
    blocks: list[list[str]] = []
    for a in book.annotations:
        if a.detached:
            continue
        if not blocks or blocks[-1][0] != a.anchor.letter_id:
            letter = book.letter(a)
            date = f" ({letter.date.isoformat()})" if letter and letter.date else ""
            gone = "" if letter else "  (not in the library now)"
            blocks.append([a.anchor.letter_id, _short(a.letter_title, 90) + date + gone])
        blocks[-1] += _lines(a, book)
    detached = [a for a in book.annotations if a.detached]
    if detached:
        blocks.append(["", "Detached: their passage is not in the letters now"])
        for a in detached:
            blocks[-1] += [f"  {_short(a.letter_title, 86)}", *_lines(a, book)]
    return "\n\n".join("\n".join(block[1:]) for block in blocks) + "\n"


def cmd_notes(args: argparse.Namespace) -> int:
    """`briefreader notes [--json]`: every annotation, grouped by letter."""
    store = open_store(args)
    try:
        book = notebook(store, args)
    finally:
        store.close()
    if args.json:
        rows = [_as_json(a, book) for a in book.annotations]
        text = json.dumps(rows, ensure_ascii=False, indent=1)
        # json leaves C1 controls raw when ensure_ascii is off; a terminal would obey them.
        sys.stdout.write(json_safe(text) + "\n")
    elif not book.annotations:
        print("No notes yet. Open a letter with `briefreader` and press `a` to annotate a passage.")
    else:
        sys.stdout.write(format_notes(book))
    return 0
