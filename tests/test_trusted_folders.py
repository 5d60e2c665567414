"""`search` over a large library trusts its folders' mtimes for a while, and stays right.

Stat'ing 100,000 files costs more than the whole answer may; a folder's mtime shows every
file added, removed or renamed in it. What it cannot show, a file edited in place, is
caught for the hits about to be printed, and for everything once the trust runs out. The
size from which a library is trusted is lowered here so that a few letters stand for many.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

from briefreader import library as library_module
from briefreader.cli import main
from tests.test_library_changes import letter_text, touch_later, write

OLD = 1_600_000_000 * 10**9  # an mtime long past: the folder is not racy


@pytest.fixture
def letters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(library_module, "TRUST_MIN", 3)
    folder = tmp_path / "letters"
    write(folder, 4)
    os.utime(folder, ns=(OLD, OLD))
    return folder


def search(folder: Path, query: str) -> list[dict[str, object]]:
    """What `briefreader search QUERY FOLDER --json` prints, decoded."""
    args = ["search", query, str(folder), "--json"]
    args += ["--cache-dir", str(folder.parent / "cache"), "--data-dir", str(folder.parent / "d")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(args) == 0
    hits: list[dict[str, object]] = json.loads(out.getvalue())
    return hits


def stats_of_letters(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """The letter files `os.stat` is asked about from now on."""
    seen: list[str] = []
    real = os.stat

    def counting(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(f"{folder}{os.sep}"):
            seen.append(os.path.basename(str(path)))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", counting)
    return seen


def test_a_warm_search_of_a_large_library_stats_its_folders_not_every_file(
    letters: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(search(letters, "hoekstra")) == 4
    stats = stats_of_letters(monkeypatch, letters)
    assert len(search(letters, "nummer 2")) >= 1
    assert len(stats) <= 1  # the hit's own file, checked before it is printed


def test_a_letter_added_or_removed_is_seen_at_once(letters: Path) -> None:
    search(letters, "hoekstra")
    (letters / "nieuw.txt").write_text(letter_text(9, "windmolens"), encoding="utf-8")
    assert [h["source"] for h in search(letters, "windmolens")] == [str(letters / "nieuw.txt")]
    os.utime(letters, ns=(OLD, OLD))
    search(letters, "hoekstra")
    (letters / "nieuw.txt").unlink()
    assert search(letters, "windmolens") == []


def test_a_hit_whose_file_was_edited_in_place_shows_the_text_it_has_now(letters: Path) -> None:
    assert search(letters, "gaat") and search(letters, "windmolens") == []
    touch_later(letters / "brief_001.txt", letter_text(1, "windmolens"))
    os.utime(letters, ns=(OLD, OLD))  # as if nothing was added, removed or renamed
    hits = search(letters, "nummer 1 gaat")
    assert hits[0]["source"] == str(letters / "brief_001.txt")
    assert "windmolens" in str(hits[0]["snippet"])


def test_an_edit_in_place_elsewhere_is_found_once_the_trust_runs_out(
    letters: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    search(letters, "hoekstra")
    touch_later(letters / "brief_002.txt", letter_text(2, "windmolens"))
    os.utime(letters, ns=(OLD, OLD))
    monkeypatch.setattr(library_module, "TRUST_NS", 0)
    assert [h["source"] for h in search(letters, "windmolens")] == [str(letters / "brief_002.txt")]


def test_a_folder_changed_just_now_is_never_trusted(letters: Path) -> None:
    """A change within the same clock tick as the listing keeps the folder's mtime."""
    os.utime(letters)  # now: the listing cannot tell a change in the same tick
    search(letters, "hoekstra")
    touch_later(letters / "brief_003.txt", letter_text(3, "windmolens"))
    assert len(search(letters, "windmolens")) == 1
