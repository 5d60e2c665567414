"""`briefreader add FILE ...`: copy letters into the library (`<data dir>/letters/`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from briefreader import locations
from briefreader.cli.present import already_there
from briefreader.errors import UserError
from briefreader.files import place_new
from briefreader.ingest import read_bytes
from briefreader.library import find_files
from briefreader.sources import letter_from_bytes
from briefreader.textsafe import shown_name


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
        print(f"already in the library: {shown_name(path)}")
    for path in added:
        print(f"added {shown_name(path)}")
    for problem in refused:
        print(f"briefreader: {shown_name(problem)} (not added)", file=sys.stderr)
    return 1 if refused else 0


def add_to_library(files: Sequence[Path], target: Path) -> tuple[list[Path], list[UserError]]:
    """Copy letter files (or the letters in folders) into the library folder, each after
    checking that it parses. Returns what was added and, one per file, what was refused.

    The bytes checked are the bytes copied (a file changed meanwhile is not copied unchecked).
    A letter never replaces another one or writes through a link in the library: it gets a
    name of its own (`brief-2.txt` beside `brief.txt`), and appears there whole or not at all.
    """
    try:
        locations.ensure_private_dir(target)
    except OSError as exc:
        raise UserError(target, f"cannot create the folder ({exc.strerror or exc})") from None
    added: list[Path] = []
    refused: list[UserError] = []
    letters: list[Path] = []
    for given in files:
        try:
            letters += find_files([given])
        except UserError as exc:
            refused.append(exc)
    for file in letters:
        try:
            data = read_bytes(file)
            letter_from_bytes(data, str(file))  # refuse what cannot be read
            added.append(place_new(data, file.name, target))
        except UserError as exc:
            refused.append(exc)
    return added, refused
