"""`briefreader export [-o FILE] [PATH ...]`: every annotation as Markdown, for a memo.

The text is the notebook's (`notes.notebook`), so it is the reader's `e` export byte for byte
(save the time stamp); with PATHs, only the notes on the letters under them.
"""

from __future__ import annotations

import argparse
import sys

from briefreader.cli.notes import notebook, open_store
from briefreader.export import write_export
from briefreader.textsafe import shown_name

STDOUT_NAMES = ("-", "/dev/stdout")  # `-o` these: written to, never replaced


def cmd_export(args: argparse.Namespace) -> int:
    """Write the export to stdout, or atomically to `-o FILE`, and say how much it holds."""
    store = open_store(args)
    try:
        book = notebook(store, args, [p.expanduser() for p in args.paths])
    finally:
        store.close()
    text = book.markdown()
    count = len(book.annotations)
    if args.output is None or str(args.output) in STDOUT_NAMES:
        sys.stdout.write(text)
        if not count:
            print("briefreader: no notes to export yet", file=sys.stderr)
        return 0
    target = write_export(args.output.expanduser(), text)
    groups = len({a.anchor.letter_id for a in book.annotations})
    print(
        f"briefreader: wrote {count} note{'s' * (count != 1)} on {groups} "
        f"letter{'s' * (groups != 1)} to {shown_name(target)}",
        file=sys.stderr,
    )
    return 0
