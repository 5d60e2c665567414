"""`briefreader add FILE ...`: copy letters into the library (`<data dir>/letters/`)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from briefreader import locations
from briefreader.errors import UserError
from briefreader.library import add_to_library, find_files


def _already_there(given: list[Path], target: Path) -> tuple[list[Path], list[Path]]:
    """Split what was given into the library's copies of letters it holds already (the same
    bytes under any name) and what is left to add (missing files too: `add` reports them)."""
    if not target.is_dir():
        return [], list(given)
    by_size: dict[int, list[Path]] = {}
    for have in find_files([target]):
        with contextlib.suppress(OSError):
            by_size.setdefault(have.stat().st_size, []).append(have)
    present: list[Path] = []
    rest: list[Path] = []
    for item in given:
        try:
            files = find_files([item])
        except UserError:
            rest.append(item)
            continue
        for file in files:
            copy = _same(file, by_size)
            (rest if copy is None else present).append(file if copy is None else copy)
    return present, rest


def _same(file: Path, by_size: dict[int, list[Path]]) -> Path | None:
    """The library's file with the same bytes as `file`, if there is one."""
    try:
        candidates = by_size.get(file.stat().st_size, [])
        data = file.read_bytes() if candidates else b""
    except OSError:
        return None
    for have in candidates:
        with contextlib.suppress(OSError):
            if have.read_bytes() == data:
                return have
    return None


def cmd_add(args: argparse.Namespace) -> int:
    """Copy each letter that parses; say what was added, what was there already (not an
    error) and, one line each, what was not added."""
    data = locations.data_dir(args.data_dir)
    try:
        locations.ensure_private_dir(data)  # the data dir is the user's alone (DESIGN.md)
    except OSError as exc:
        raise UserError(data, f"cannot create the data folder ({exc.strerror or exc})") from None
    target = locations.library_dir(data)
    present, new = _already_there(args.files, target)
    added, refused = add_to_library(new, target) if new else ([], [])
    for path in present:
        print(f"already in the library: {path}")
    for path in added:
        print(f"added {path}")
    for problem in refused:
        print(f"briefreader: {problem} (not added)", file=sys.stderr)
    return 1 if refused else 0
