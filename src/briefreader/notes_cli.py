"""`briefreader notes` and `briefreader export`: annotations from the shell.

Both open the store of the data dir and the library, re-anchor annotations to the letters as
they are now (a corrected or moved letter keeps its notes), then list them or export them as
Markdown. A damaged or read-only store is reported on stderr and the command carries on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefreader import locations
from briefreader.annotation import Annotation
from briefreader.errors import UserError
from briefreader.export import render_markdown, write_export
from briefreader.library import Library
from briefreader.model import Letter
from briefreader.reanchoring import reanchor_all, seen_from
from briefreader.store import Store
from briefreader.textsafe import json_safe, shown_name, shown_text

STDOUT_NAMES = ("-", "/dev/stdout")  # `-o` these: written to, never replaced


def _open_store(args: argparse.Namespace) -> tuple[Store, Path]:
    data = locations.data_dir(args.data_dir)
    store = Store.open(data)
    if store.warning:
        print(f"briefreader: warning: {shown_name(store.warning)}", file=sys.stderr)
    return store, data


def _load(lib: Library, ids: Iterable[str]) -> dict[str, Letter]:
    """The letters with these ids that can still be read (a file may vanish meanwhile)."""
    out = {}
    for letter_id in ids:
        try:
            out[letter_id] = lib.letter(letter_id)
        except (UserError, KeyError):
            continue
    return out


def _reanchored(
    store: Store, data: Path, args: argparse.Namespace, paths: Sequence[Path] = ()
) -> tuple[list[Annotation], dict[str, Letter]]:
    """Annotations re-anchored to the library (or the letters under `paths`), and the letters
    they are on. Only letters that notes point at are loaded, unless some notes' letters are
    missing: then every letter is searched for their passages.

    A note whose letter is in none of these letters is shown as detached but not stored so:
    the reader may have opened that letter from elsewhere, and will find it there again."""
    if not store.annotations():
        return [], {}
    lib = Library.open(list(paths), data, locations.cache_dir(args.cache_dir))
    known = {e.id for e in lib.scan() if not e.error}
    wanted = {a.anchor.letter_id for a in store.annotations()}
    letters = _load(lib, wanted) if wanted <= known else {x.id: x for x in lib.letters()}
    reanchor_all(store, letters.values(), mark_detached=False)
    annotations = seen_from(store.annotations(), letters.keys())
    if paths:
        annotations = [a for a in annotations if a.anchor.letter_id in known]
    return annotations, _load(lib, {a.anchor.letter_id for a in annotations} & known)


def _short(text: str, width: int) -> str:
    text = " ".join(shown_text(text).split())  # never escapes or bidi marks on a terminal
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _as_json(a: Annotation) -> dict[str, object]:
    x = a.anchor
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
    }


def _lines(a: Annotation) -> list[str]:
    where = a.section_title or "opening"
    head = f"  {a.id:>5}  {_short(where, 30)}, ¶{a.anchor.paragraph_index + 1}: "
    head += f"“{_short(a.anchor.quote, 90 - len(head))}”"
    note = _short(a.note, 70) if a.note.strip() else "(no note)"
    tags = f"  [{', '.join(_short(t, 20) for t in a.tags)}]" if a.tags else ""
    return [head, f"         {note}{tags}"]


def format_notes(annotations: Sequence[Annotation], letters: dict[str, Letter]) -> str:
    """The plain-text listing: per letter (in the store's reading order), then the detached."""
    blocks: list[list[str]] = []
    for a in annotations:
        if a.detached:
            continue
        if not blocks or blocks[-1][0] != a.anchor.letter_id:
            letter = letters.get(a.anchor.letter_id)
            date = f" ({letter.date.isoformat()})" if letter and letter.date else ""
            blocks.append([a.anchor.letter_id, _short(a.letter_title, 90) + date])
        blocks[-1] += _lines(a)
    detached = [a for a in annotations if a.detached]
    if detached:
        blocks.append(["", "Detached: their passage is not in the letters now"])
        for a in detached:
            blocks[-1] += [f"  {_short(a.letter_title, 86)}", *_lines(a)]
    return "\n\n".join("\n".join(block[1:]) for block in blocks) + "\n"


def cmd_notes(args: argparse.Namespace) -> int:
    """`briefreader notes [--json]`: every annotation, grouped by letter."""
    store, data = _open_store(args)
    annotations, letters = _reanchored(store, data, args)
    if args.json:
        text = json.dumps([_as_json(a) for a in annotations], ensure_ascii=False, indent=1)
        # json leaves C1 controls raw when ensure_ascii is off; a terminal would obey them.
        sys.stdout.write(json_safe(text) + "\n")
    elif not annotations:
        print("No notes yet. Open a letter with `briefreader` and press `a` to annotate a passage.")
    else:
        sys.stdout.write(format_notes(annotations, letters))
    store.close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """`briefreader export [-o FILE] [PATH ...]`: annotations as Markdown."""
    store, data = _open_store(args)
    paths = [p.expanduser() for p in args.paths]
    annotations, letters = _reanchored(store, data, args, paths)
    store.close()
    text = render_markdown(annotations, letters, dt.datetime.now().astimezone())
    count = len(annotations)
    if args.output is None or str(args.output) in STDOUT_NAMES:
        sys.stdout.write(text)
        if not count:
            print("briefreader: no notes to export yet", file=sys.stderr)
        return 0
    target = write_export(args.output.expanduser(), text)
    groups = len({a.anchor.letter_id for a in annotations})
    print(
        f"briefreader: wrote {count} note{'s' * (count != 1)} on {groups} "
        f"letter{'s' * (groups != 1)} to {shown_name(target)}",
        file=sys.stderr,
    )
    return 0
