"""Files that fail to parse are listed with their error; the rest of the library opens."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefreader import locations
from tests.ui.notes_support import toasts
from tests.ui.ui_support import MakeApp, parts, pilot_test, settle, until


@pilot_test
async def test_broken_files_are_marked_and_the_rest_opens(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    good = next(Path(locations.samples_dir()).glob("001_*.txt"))
    shutil.copy(good, folder / "good.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    app = make_app([folder])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        _, letters, view, _ = parts(app)
        errors = {e.path.name: e.error for e in letters.shown if e.error}
        assert set(errors) == {"empty.txt", "binary.txt"}
        await until(pilot, lambda: "could not be read" in toasts(pilot), "the report")
        assert "2 file(s) could not be read" in toasts(pilot)
        assert "empty.txt: is empty" in toasts(pilot)
        broken_row = next(i for i, e in enumerate(letters.shown) if e.error)
        letters.table.move_cursor(row=broken_row)
        await pilot.press("enter")
        await settle(pilot)
        assert view.letter is None and app.is_running
        good_row = next(i for i, e in enumerate(letters.shown) if not e.error)
        letters.table.move_cursor(row=good_row)
        await pilot.press("enter")
        await settle(pilot)
        assert view.letter is not None and view.letter.title.startswith("Bezoek van de")
