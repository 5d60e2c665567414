"""Where `y` also saves what it copies (the text itself: `citing.quote_with_citation`)."""

from __future__ import annotations

from pathlib import Path

from briefreader.errors import UserError
from briefreader.files import replace_file
from briefreader.locations import ensure_private_dir

CLIP_FILE = "clipboard.txt"


def save_clip(folder: Path, text: str) -> Path | None:
    """Write `text` to the clipboard file in `folder`, for terminals that refuse OSC 52.

    The file is replaced, never written through: a link planted at its name is replaced by
    the file, not followed (it would overwrite whatever it points at). None when it cannot
    be saved."""
    path = folder / CLIP_FILE
    try:
        ensure_private_dir(folder)  # the cache dir, user-only like every folder we make
        replace_file(path, text, 0o600, ours=True)
    except (OSError, UserError):
        return None
    return path
