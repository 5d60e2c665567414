"""What files a library holds, read with `os.scandir`: paths, sizes and mtimes, and a digest.

`list_files(paths)` walks the folders once (no `Path` object per file) and gives every
visible file as a `(path, size, mtime_ns)` tuple, with a digest of them all. A digest equal
to the one stored after the last scan means that nothing changed: the library is then
known without reading a row of the cache, nor even which files are letters (the digest
covers every file, so a letter file cannot change unseen; another file changing costs only
a scan). Otherwise the parse cache compares the tuples with what it holds in one pass.
A file edited in place keeps its folder's mtime, so a listing reads every file's own stat.

Each folder's mtime is kept too (`folders`), read before its files are: a file added,
removed or renamed since changes it. `unchanged(folders)` checks those alone, a stat per
folder instead of per file; what it cannot see is a file edited in place, so only a
caller that verifies in full now and then trusts it (`Library.status`). A folder changed
in the last `RACY_NS` is never trusted: a change in the same clock tick keeps its mtime.
"""

from __future__ import annotations

import hashlib
import os
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from briefreader.errors import UserError

Stat = tuple[str, int, int]  # absolute path, size in bytes, mtime in nanoseconds
Folder = tuple[str, int]  # absolute path, mtime in nanoseconds (-1: not to be trusted)
RACY_NS = 2_000_000_000


@dataclass
class Listing:
    """The files under some paths: every visible file of the folders, and files as given."""

    groups: list[list[Stat]] = field(default_factory=list)  # per path given, as found
    given: set[str] = field(default_factory=set)  # named by the user: a letter whatever its name
    problems: list[tuple[str, str]] = field(default_factory=list)  # path, why it cannot be read
    folders: list[Folder] = field(default_factory=list)  # every folder walked, with its mtime
    digest: str = ""

    @property
    def files(self) -> list[Stat]:
        """Every file, in no particular order."""
        return [f for group in self.groups for f in group]

    def in_order(self) -> list[Stat]:
        """Every file, each path's by name (sorting is left out of the digest: it costs as
        much as hashing)."""
        return [f for group in self.groups for f in sorted(group, key=itemgetter(0))]

    def letters(self, is_letter: Callable[[str], bool]) -> list[Stat]:
        """The files that are letters, in order: given by name, or named like one."""
        return [
            f for f in self.in_order() if f[0] in self.given or is_letter(os.path.basename(f[0]))
        ]


def _walk(folder: str, out: list[Stat], listing: Listing) -> None:
    """Every visible file under `folder`, recursively, with its stat; the folders' mtimes."""
    try:
        mtime = os.stat(folder).st_mtime_ns  # before reading: a file added meanwhile shows
        if time.time_ns() - mtime < RACY_NS:
            mtime = -1
        listing.folders.append((folder, mtime))
        with os.scandir(folder) as found:
            items = list(found)
    except OSError:
        return
    for item in items:
        if item.name.startswith("."):
            continue  # hidden files and folders
        try:
            if item.is_dir(follow_symlinks=False):
                _walk(item.path, out, listing)
            elif item.is_dir():
                continue  # a link to a folder is not followed (it may loop), as os.walk does
            else:  # a FIFO or a device too: listed, so that opening it is refused in words
                st = item.stat()
                out.append((item.path, st.st_size, st.st_mtime_ns))
        except OSError as exc:
            listing.problems.append((item.path, exc.strerror or str(exc)))


def list_files(paths: Sequence[Path], extra: str = "") -> Listing:
    """The files under `paths` (files as given, folders recursively), absolute, by name.

    Absolute paths keep the parse cache's keys the same however the user typed the folder.
    `extra` goes into the digest (the parser's version: a new parser changes the library).
    A path that does not exist is a `UserError`; a file that cannot be stat'ed is listed
    among the problems.
    """
    listing = Listing()
    for given in paths:
        if given.is_dir():
            found: list[Stat] = []
            _walk(str(given.resolve()), found, listing)
            listing.groups.append(found)
        elif given.exists():
            path = str(given.resolve())
            try:
                st = os.stat(path)
            except OSError as exc:
                listing.problems.append((path, exc.strerror or str(exc)))
                continue
            listing.groups.append([(path, st.st_size, st.st_mtime_ns)])
            listing.given.add(path)
        else:
            raise UserError(given, "no such file or folder")
    listing.digest = _digest(listing, extra)
    return listing


def _digest(listing: Listing, extra: str) -> str:
    """A digest of every path, size and mtime, in the order found. A folder lists its files
    in the same order while it is unchanged; a changed order only costs a scan. Joined into
    a few long strings and arrays: hashing 100,000 tuples one by one costs more than their
    stats."""
    files = listing.files
    digest = hashlib.blake2b(repr((extra, listing.problems)).encode(), digest_size=16)
    digest.update("\0".join(f[0] for f in files).encode("utf-8", "surrogateescape"))
    digest.update(array("q", [f[1] for f in files]).tobytes())
    digest.update(array("q", [f[2] for f in files]).tobytes())
    return digest.hexdigest()


def unchanged(folders: Sequence[Folder], files: Sequence[Stat]) -> bool:
    """Whether these folders and files all have the mtimes (and sizes) they had: no file was
    added, removed or renamed in the folders since (see the module docstring)."""
    try:
        for path, mtime in folders:
            if mtime < 0 or os.stat(path).st_mtime_ns != mtime:
                return False
        for path, size, mtime in files:
            st = os.stat(path)
            if (st.st_size, st.st_mtime_ns) != (size, mtime):
                return False
    except OSError:
        return False
    return True


def has_files(folder: Path, is_letter: Callable[[str], bool]) -> bool:
    """Whether `folder` holds at least one letter file (stops at the first)."""
    for _, subdirs, files in os.walk(folder):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        if any(not f.startswith(".") and is_letter(f) for f in files):
            return True
    return False
