"""Which letters given to `briefreader add` are in the library already (the same bytes under
any name), so that adding one twice says so instead of making a second copy."""

from __future__ import annotations

import contextlib
from pathlib import Path

from briefreader.errors import UserError
from briefreader.library import find_files


def already_there(given: list[Path], target: Path) -> tuple[list[Path], list[Path]]:
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
