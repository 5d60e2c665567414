"""The one exception a user may see, as a one-line message naming the file; and the log a
crash leaves for a bug report."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import traceback
from pathlib import Path


class UserError(Exception):
    """A problem with the user's input or environment: shown as one line, exit status 1."""

    def __init__(self, path: Path | str | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


def write_crash_log(folder: Path, error: BaseException) -> Path | None:
    """Write the traceback of `error` to a new `crash-*.log` in `folder` (the cache dir, else
    the temporary folder); its path, or None when no log could be written."""
    text = "".join(traceback.format_exception(error))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for where in (folder, Path(tempfile.gettempdir())):
        try:
            where.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, name = tempfile.mkstemp(prefix=f"crash-{stamp}-", suffix=".log", dir=where)
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
                f.write(f"briefreader crashed at {dt.datetime.now().isoformat()}\n\n{text}")
            return Path(name)
        except OSError:
            continue
    return None
