"""`briefreader add FILE ...`: copy letters into the library (`<data dir>/letters/`)."""

from __future__ import annotations

import argparse
import sys

from briefreader import locations
from briefreader.cli.present import already_there
from briefreader.errors import UserError
from briefreader.library import add_to_library


def cmd_add(args: argparse.Namespace) -> int:
    """Copy each letter that parses; say what was added and, one line each, what was not."""
    data = locations.data_dir(args.data_dir)
    try:
        locations.ensure_private_dir(data)  # the data dir is the user's alone (DESIGN.md)
    except OSError as exc:
        raise UserError(data, f"cannot create the data folder ({exc.strerror or exc})") from None
    target = locations.library_dir(data)
    present, new = already_there(args.files, target)
    added, refused = add_to_library(new, target)
    for path in present:
        print(f"already in the library: {path}")
    for path in added:
        print(f"added {path}")
    for problem in refused:
        print(f"briefreader: {problem} (not added)", file=sys.stderr)
    return 1 if refused else 0
