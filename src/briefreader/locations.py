"""Where briefreader keeps its state: the one module that imports platformdirs.

Functions only; nothing is read or created at import time. Every store and loader takes an
explicit `Path` made here (or by a test) so that state never lands anywhere unexpected.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "briefreader"


def data_dir(override: str | Path | None = None) -> Path:
    """The data directory: `--data-dir`, else `BRIEFREADER_DATA_DIR`, else the platform's.

    Always absolute (a relative one is taken from the current folder): SQLite opens a
    read-only store by a file URI, which only an absolute path has."""
    if override:
        return Path(override).expanduser().absolute()
    env = os.environ.get("BRIEFREADER_DATA_DIR")
    if env:
        return Path(env).expanduser().absolute()
    import platformdirs  # only here: a command given its folders never loads it

    return Path(platformdirs.user_data_dir(APP_NAME)).absolute()


def cache_dir(override: str | Path | None = None) -> Path:
    """The cache directory: `--cache-dir`, else `BRIEFREADER_CACHE_DIR`, else the platform's
    (always absolute, like `data_dir`)."""
    if override:
        return Path(override).expanduser().absolute()
    env = os.environ.get("BRIEFREADER_CACHE_DIR")
    if env:
        return Path(env).expanduser().absolute()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME)).absolute()


NOTES_DB = "notes.sqlite"  # the user's notes in the data dir (`notes.Store`)


def library_dir(data: Path) -> Path:
    """The user's library of letters inside the data directory."""
    return data / "letters"


def samples_dir() -> Path:
    """The sample letters shipped inside the package."""
    return Path(__file__).resolve().parent / "samples"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` and any missing parents readable by the user only; return it.

    Folders that exist keep their permissions. Every folder made here is user-only (a plain
    `mkdir -p` would give the parents the default mode): they hold the user's notes."""
    missing = []
    folder = Path(path)
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for part in reversed(missing):
        part.mkdir(mode=0o700, exist_ok=True)
    return path
