"""The library's parse cache gives back the letter the parser made, to the source line."""

from __future__ import annotations

import stat
from pathlib import Path

from briefreader.library import Library
from briefreader.locations import ensure_private_dir, samples_dir
from briefreader.sources import read_document


def test_a_cached_letter_is_the_parsed_letter_with_its_source_lines(tmp_path: Path) -> None:
    first = Library([samples_dir()], tmp_path / "cache")
    entries = first.scan()
    again = Library([samples_dir()], tmp_path / "cache")  # a new process: from the cache
    assert again.scan() == entries
    for entry in entries:
        cached = again.letter(entry.id)
        assert cached == read_document(entry.path)
        spans = [p.span for s in cached.sections for p in s.paragraphs]
        assert any(span.end > 0 for span in spans)  # the lines a bug report points at


def test_every_folder_made_for_the_users_data_is_theirs_alone(tmp_path: Path) -> None:
    target = ensure_private_dir(tmp_path / "nieuw" / "data" / "exports")
    for folder in (target, target.parent, target.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert ensure_private_dir(target) == target  # already there: fine
