"""A start shows the list the last scan found at once, then every row once this scan ends.

A library of 100,000 letters takes seconds to check file by file; its newest letters, and
how many there are, are on screen before that, and a letter among them opens meanwhile.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from briefreader import library as library_module
from briefreader.library import Entry, Library
from briefreader.ui.widgets.letter_list import LetterList
from briefreader.ui.widgets.letter_view import LetterView
from tests.test_library_changes import letter_text, write
from tests.ui.ui_support import MakeApp, listed, parts, pilot_test, until


@pytest.fixture
def letters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(library_module, "HEAD", 3)
    folder = tmp_path / "letters"
    write(folder, 6)
    return folder


def test_a_scan_leaves_its_newest_rows_and_count_for_the_next_start(
    letters: Path, tmp_path: Path
) -> None:
    scanned = Library([letters], tmp_path / "cache").scan()
    again = Library([letters], tmp_path / "cache")
    assert again.last_known() == (6, scanned[:3])
    assert again.entry(scanned[1].id) == scanned[1]  # openable before any scan
    assert Library([letters], tmp_path / "other-cache").last_known() is None


def test_damaged_last_rows_make_the_start_wait_for_the_scan(letters: Path, tmp_path: Path) -> None:
    lib = Library([letters], tmp_path / "cache")
    lib.scan()
    assert lib.cache.db is not None
    with lib.cache.db:
        lib.cache.db.execute("UPDATE heads SET rows = '[[1, {\"id\": 2}], 3'")
    assert Library([letters], tmp_path / "cache").last_known() is None
    with lib.cache.db:
        lib.cache.db.execute('UPDATE heads SET rows = \'[["/x", "{}"]]\'')
    assert Library([letters], tmp_path / "cache").last_known() is None


@pilot_test
async def test_the_list_shows_the_last_known_rows_while_it_checks_then_every_row(
    make_app: MakeApp, letters: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app([letters])
    async with app.run_test(size=(120, 40)) as pilot:
        await listed(pilot)  # the first start: nothing known, it waits for the scan
    (letters / "nieuw.txt").write_text(letter_text(40, "windmolens"), encoding="utf-8")
    release = threading.Event()
    real_scan = Library.scan

    def slow_scan(self: Library, *args: object, **kwargs: object) -> list[Entry]:
        assert release.wait(30), "the test never let the scan end"
        return real_scan(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "scan", slow_scan)
    app = make_app([letters])
    async with app.run_test(size=(120, 40)) as pilot:
        letter_list = app.screen.query_one(LetterList)
        status = letter_list.query_one("#list-status")
        await until(pilot, lambda: letter_list.table.row_count == 3, "the last known rows")
        assert "6 letters (checking for changes…)" in str(status.render())
        await pilot.press("enter")  # a known letter opens before the scan ends
        await until(pilot, lambda: app.screen.query(LetterView), "the reader pane")
        view = parts(app)[2]
        await until(pilot, lambda: view.letter is not None, "the letter open")
        release.set()
        await until(pilot, lambda: letter_list.table.row_count == 7, "every row")
        assert str(status.render()) == "7 letters"
        assert any(e.path.name == "nieuw.txt" for e in letter_list.entries)


@pilot_test
async def test_a_first_start_says_how_far_parsing_got_and_how_fast(
    make_app: MakeApp, letters: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefreader.sources.named

    monkeypatch.setattr(library_module, "POOL_MIN", 10**9)  # parse here, a letter a chunk
    monkeypatch.setattr(library_module, "CHUNK", 1)
    release = threading.Event()
    real = briefreader.sources.named.read_named

    def slow_after_the_first(path: Path) -> object:
        if path.name != "brief_000.txt":
            assert release.wait(30), "the test never let the parse go on"
        return real(path)

    monkeypatch.setattr(briefreader.sources.named, "read_named", slow_after_the_first)
    app = make_app([letters])
    async with app.run_test(size=(120, 40)) as pilot:
        letter_list = app.screen.query_one(LetterList)
        status = letter_list.query_one("#list-status")
        await until(pilot, lambda: "parsing letters: 1/6 (" in str(status.render()), "progress")
        assert str(status.render()).endswith("/s)")
        release.set()
        await until(pilot, lambda: str(status.render()) == "6 letters", "the whole list")
