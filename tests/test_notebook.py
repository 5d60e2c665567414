"""The notebook: `briefreader notes`, `briefreader export` and the reader's `e` show the same
notes, in the same places, under the same headings, because they read the same notebook."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from briefreader.cli import main
from briefreader.export import EXPORT_NAME
from briefreader.library import Library
from briefreader.locations import samples_dir
from briefreader.model import Letter
from briefreader.notes import Anchor, Store, anchor_for
from briefreader.notes import notebook as notebook_module
from briefreader.notes.notebook import open_notebook
from briefreader.sources import read_document
from tests.test_store_damage import read_only

SAMPLES = sorted(samples_dir().glob("*.txt"))
WHEN = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data", tmp_path / "cache"


def _args(dirs: tuple[Path, Path]) -> list[str]:
    return ["--data-dir", str(dirs[0]), "--cache-dir", str(dirs[1])]


def _seed(data: Path) -> None:
    """A note in the library, a detached one, and one whose letter has left the library."""
    first, second = read_document(SAMPLES[0]), read_document(SAMPLES[2])
    with Store.open(data) as store:
        store.add(anchor_for(first, 1, 0, 0, 60), "Let op", ["navo"], first.title, "Kern")
        # a passage that is no longer in its letter: re-anchoring finds it nowhere
        lost = Anchor(second.id, 1, 0, 0, 34, "Een zin die uit de brief verdween.", "", "")
        store.set_detached(store.add(lost, "Kwijt", [], second.title, None).id)
        gone = Anchor("weg", 0, 2, 0, 27, "Een brief die er niet meer is", "", "")
        store.add(gone, "Blijft bewaard", ["oud"], "Verdwenen brief", "Inleiding")


def test_a_note_whose_letter_left_the_library_keeps_its_section(
    dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _seed(dirs[0])
    assert main(["export", *_args(dirs)]) == 0
    md = capsys.readouterr().out
    part = md[md.index("## Verdwenen brief") :]
    assert "not in the library now" in part
    # filed under the section it was written on, as the reader's notes view shows it; only a
    # note whose letter is here but whose passage is not is "not found in the current text"
    assert "### Inleiding" in part and "Blijft bewaard" in part
    assert md.count("### Not found in the current text") == 1
    assert md.index("### Not found in the current text") < md.index("## Verdwenen brief")
    assert main(["notes", "--json", *_args(dirs)]) == 0
    rows = {r["note"]: r for r in json.loads(capsys.readouterr().out)}
    assert not rows["Blijft bewaard"]["in_library"] and not rows["Blijft bewaard"]["detached"]
    assert rows["Kwijt"]["in_library"] and rows["Kwijt"]["detached"]
    assert rows["Let op"]["in_library"] and not rows["Let op"]["detached"]


def test_the_cli_export_and_the_readers_export_are_byte_identical(
    dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefreader.ui.app import ReaderApp
    from briefreader.ui.state import ReadingState

    monkeypatch.setattr(notebook_module, "now", lambda: WHEN)
    _seed(dirs[0])
    cli_file = dirs[0].parent / "memo.md"
    assert main(["export", "-o", str(cli_file), *_args(dirs)]) == 0

    async def press_e() -> None:
        store = Store.open(dirs[0])
        app = ReaderApp(Library.open([], dirs[0], dirs[1]), ReadingState(store), dirs[1])
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("e")
            await app.workers.wait_for_complete()
        store.close()

    asyncio.run(press_e())
    reader_file = dirs[0] / "exports" / EXPORT_NAME
    assert reader_file.read_bytes() == cli_file.read_bytes()
    assert b"Blijft bewaard" in cli_file.read_bytes()


def test_notes_show_where_a_note_is_now_even_when_the_store_cannot_save_it(
    tmp_path: Path, dirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    library = dirs[0] / "letters"
    library.mkdir(parents=True)
    original = library / "brief.txt"
    shutil.copyfile(SAMPLES[0], original)
    letter: Letter = read_document(original)
    with Store.open(dirs[0]) as store:
        store.add(anchor_for(letter, 1, 0, 0, 60), "volgt de brief", [], letter.title, None)
    # the letter is corrected elsewhere (a new id), and the notes can no longer be saved
    text = original.read_text(encoding="utf-8")
    last = letter.sections[-1].paragraphs[-1].text.split()[-1]
    original.write_text(text.replace(last, last + " (gecorrigeerd)"), encoding="utf-8")
    corrected = read_document(original)
    assert corrected.id != letter.id
    with read_only(dirs[0]):
        assert main(["notes", "--json", *_args(dirs)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["letter"] == corrected.id and row["in_library"]
    with Store.open(dirs[0]) as store:  # nothing was saved meanwhile
        (stored,) = store.annotations()
    assert stored.anchor.letter_id == letter.id


def test_the_notebook_lists_notes_in_reading_order_with_their_letters(
    dirs: tuple[Path, Path],
) -> None:
    _seed(dirs[0])
    with Store.open(dirs[0]) as store:
        book = open_notebook(store, Library.open([], dirs[0], dirs[1]))
    assert [a.note for a in book.annotations][-1] == "Blijft bewaard"  # its title sorts last
    assert {book.letter(a) is None for a in book.annotations if a.note == "Blijft bewaard"} == {
        True
    }
    assert all(book.letter(a) is not None for a in book.annotations if a.note != "Blijft bewaard")
