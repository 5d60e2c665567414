"""Start-up: the reader's first frame (header, letter list with its rows, footer) loads only
what it shows, and keys pressed before the rest has loaded still do what they say.

How fast the first frame comes is measured in `benchmarks/` (no timings here); what it costs
is mostly what it imports, which is what these tests hold it to.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

from briefreader.ui.screens.notes import NotesScreen
from briefreader.ui.widgets.letter_list import LetterList
from briefreader.ui.widgets.letter_table import LetterTable
from briefreader.ui.widgets.letter_view import LetterView
from briefreader.ui.widgets.search_bar import SearchBar
from tests.ui.ui_support import MakeApp, pilot_test, settle, until

# Runs the reader headless over the samples (empty data dir: the samples are the library),
# and at the first frame that shows the list's rows prints the rows and the loaded modules.
FIRST_FRAME = """
import json, os, sys
from pathlib import Path
from briefreader.library import Library
from briefreader.notes import Store
from briefreader.ui.app import ReaderApp
from briefreader.ui.state import ReadingState
from briefreader.ui.widgets.letter_list import LetterList

data, cache = Path(sys.argv[1]), Path(sys.argv[2])
shown = LetterList.set_entries  # what puts the rows in the list

def set_entries(self, entries):
    shown(self, entries)

    def report():
        seen = {"rows": self.table.row_count, "modules": sorted(sys.modules)}
        print(json.dumps(seen), flush=True)
        os._exit(0)

    self.app.call_after_refresh(report)

LetterList.set_entries = set_entries
store = Store.open(data)
app = ReaderApp(Library.open([], data, cache), ReadingState(store), cache)
app.run(headless=True, size=(120, 40))
"""

# What the first frame does not show, and was once loaded for it: the parser and the format
# readers, search, notes' fuzzy re-anchoring, links between documents, the reader pane, the
# search bar and the dialogs, and Textual's text area.
NOT_AT_START = [
    "pypdfium2",
    "rapidfuzz",
    "briefreader.parsing.assemble",
    "briefreader.parsing.table",
    "briefreader.parsing.header",
    "briefreader.sources.formats",
    "briefreader.sources.pdf",
    "briefreader.sources.xml",
    "briefreader.sources.html",
    "briefreader.search.index",
    "briefreader.search.rank",
    "briefreader.notes.locate",
    "briefreader.notes.notebook",
    "briefreader.export",
    "briefreader.citing",
    "briefreader.links",
    "briefreader.parsing.identity",
    "briefreader.ui.layout",
    "briefreader.ui.widgets.reader_pane",
    "briefreader.ui.widgets.letter_view",
    "briefreader.ui.widgets.search_bar",
    "briefreader.ui.screens.annotate",
    "briefreader.ui.screens.notes",
    "briefreader.ui.screens.help",
    "textual.widgets._text_area",
]


def first_frame(data: Path, cache: Path) -> dict[str, object]:
    """The rows and the modules loaded at the reader's first frame with the list."""
    run = [sys.executable, "-c", FIRST_FRAME, str(data), str(cache)]
    done = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


def test_the_first_frame_loads_only_what_it_shows(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    first_frame(data, cache)  # the first start parses the samples (and loads the parser)
    seen = first_frame(data, cache)  # every later start: the letters come from the cache
    assert seen["rows"] == 5  # the frame with the samples listed, not an empty one
    modules = seen["modules"]
    assert isinstance(modules, list)
    assert "briefreader.ui.widgets.letter_list" in modules  # the probe sees our modules
    assert [m for m in NOT_AT_START if m in modules] == []


@pilot_test
async def test_a_search_typed_at_once_reaches_the_search_bar(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"kabinet")  # before the list, let alone the search bar
        bar = app.screen.query_one(SearchBar)
        box = bar.query_one(Input)
        assert bar.has_class("-open") and app.focused is box
        assert box.value == "kabinet"
        await until(pilot, lambda: bar.answered == ("kabinet", True), "the hits")
        assert bar.hits  # answered once the index is ready
        await settle(pilot)


@pilot_test
async def test_m_pressed_at_once_opens_the_notes_view(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")  # the notes view asks the reader pane where the cursor is
        await until(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes view")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, NotesScreen), "the list again")
        await settle(pilot)
        assert isinstance(app.focused, LetterTable)


@pilot_test
async def test_enter_as_soon_as_the_rows_show_opens_the_letter(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        letters = app.screen.query_one(LetterList)
        await until(pilot, lambda: letters.shown, "the rows")
        await pilot.press("enter")  # the reader pane may not be there yet: it comes first
        await until(pilot, lambda: app.screen.query(LetterView), "the reader pane")
        view = app.screen.query_one(LetterView)
        await until(pilot, lambda: view.letter is not None, "the letter open")
        await settle(pilot)
        assert view.letter is not None and view.letter.id == letters.shown[0].id
        assert app.focused is view
