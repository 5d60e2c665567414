"""Quoting: the text `y` copies, a passage with a citation line, and where it is also saved."""

from __future__ import annotations

from pathlib import Path

from briefreader.errors import UserError
from briefreader.files import replace_file
from briefreader.locations import ensure_private_dir
from briefreader.model import Letter

CLIP_FILE = "clipboard.txt"


def citation(letter: Letter, section: int, paragraph: int) -> str:
    """The passage `(section, paragraph)` followed by a line saying where it comes from."""
    sec = letter.sections[section] if 0 <= section < len(letter.sections) else None
    if sec is not None and 0 <= paragraph < len(sec.paragraphs):
        text = sec.paragraphs[paragraph].text
    else:
        text = sec.title or "" if sec else ""
    parts = [letter.title]
    if letter.date:
        parts.append(letter.date.isoformat())
    if sec is not None and sec.title:
        parts.append(f"section “{sec.title}”")
    return f"{text}\n\n— {', '.join(parts)}\n"


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
