"""Files written without surprises: never through a link, never over a device, whole or not
at all.

- `place_new(data, name, folder)`: a new file in a folder under a name of its own (`add`).
- `replace_file(path, text)`: `path` replaced atomically by a temporary file renamed over it;
  only a regular file (or nothing) is replaced (the clipboard file, an export).
- `refuse_special(path)`: `UserError` unless `path` is missing or a regular file.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import stat
import tempfile
from pathlib import Path

from briefreader.errors import UserError


def place_new(data: bytes, name: str, folder: Path) -> Path:
    """Put `data` into `folder` under `name`, or `stem-2.suffix`, ...: the first name that is
    free or already holds these very bytes. Written to a temporary file first, then linked
    under its name, which fails rather than replace anything that is there."""
    stem, suffix = os.path.splitext(name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".adding-", dir=folder)  # O_EXCL: never a link
    except OSError as exc:
        raise UserError(folder, f"cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        for n in itertools.count(1):
            dest = folder / (name if n == 1 else f"{stem}-{n}{suffix}")
            if holds(dest, data):
                return dest  # added before
            try:
                _link_or_copy(tmp, dest, data)
                return dest
            except FileExistsError:
                continue
        raise AssertionError("unreachable")
    except OSError as exc:
        raise UserError(folder / name, f"cannot write ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _link_or_copy(tmp: str, dest: Path, data: bytes) -> None:
    """Give the whole temporary file the name `dest`; `FileExistsError` if the name is taken.

    A hard link never replaces anything. A file system without hard links (FAT, some network
    shares) gets a new file made with `O_EXCL | O_NOFOLLOW` instead, removed again if the
    write fails, so no half file is left under the name."""
    try:
        os.link(tmp, dest, follow_symlinks=False)
        return
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(dest)
        raise


def holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a regular file (not a link) with exactly these bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        return stat.S_ISREG(st.st_mode) and st.st_size == len(data) and f.read() == data


def refuse_special(path: Path) -> None:
    """`UserError` unless `path` is missing or a regular file (not a link to one)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UserError(path, f"cannot write ({exc.strerror or exc})") from None
    if stat.S_ISLNK(mode):
        raise UserError(path, "is a symbolic link; not replaced (give the file it points to)")
    if stat.S_ISDIR(mode):
        raise UserError(path, "is a folder; give a file name to write to")
    if not stat.S_ISREG(mode):
        raise UserError(path, "is not a regular file (a device or pipe); not replaced")


def replace_file(path: Path, text: str, mode: int | None = None, ours: bool = False) -> None:
    """Write `text` to `path` through a temporary file beside it and a rename: a reader sees
    the old file or the new one, and nothing at `path` is ever written through.

    Only a regular file (or nothing) at `path` is replaced; a file of `ours` (in the cache
    folder) is replaced whatever it is, a link by a file of its own. `UserError` when it
    cannot be written."""
    if not ours:
        refuse_special(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise UserError(path, f"cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        if not ours:
            refuse_special(path)  # again: it may have been made meanwhile
        os.replace(tmp, path)
    except (OSError, UnicodeError, UserError) as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, UserError):
            raise
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UserError(path, f"cannot write ({problem})") from None
