"""Where `y` also saves what it copies (the text itself: `citing.quote_with_citation`)."""

from __future__ import annotations

from pathlib import Path

from briefreader.locations import ensure_private_dir

CLIP_FILE = "clipboard.txt"


def save_clip(folder: Path, text: str) -> Path | None:
    """Write `text` to the clipboard file in `folder`, for terminals that refuse OSC 52."""
    path = folder / CLIP_FILE
    try:
        ensure_private_dir(folder)  # the cache dir, user-only like every folder we make
        path.write_text(text, encoding="utf-8")
    except OSError:
        return None
    return path
