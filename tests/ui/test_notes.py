"""The notes view (`m`): every note, detached ones apart, filter by `#tag` and words, `enter`
jumps to the passage, `r` re-attaches a detached note, `d` deletes after asking; `e` writes
the Markdown export to one stable file and says where."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import OptionList

from briefreader.export import EXPORT_NAME
from briefreader.notes import DB_NAME, Annotation
from briefreader.notes.schema import SCHEMA_VERSION
from briefreader.ui.screens.confirm import ConfirmScreen
from briefreader.ui.screens.notes import NotesScreen
from briefreader.ui.screens.reading import ReadingScreen
from briefreader.ui.widgets import notes_list as notes_module
from briefreader.ui.widgets.notes_list import DETACHED
from tests.ui.notes_support import BEZOEK, RECENT, add_detached, add_note, notes_in, sample, toasts
from tests.ui.ui_support import MakeApp, open_letter, parts, pilot_test, settle

LOST = "Deze zin staat niet meer in de brief, want de brief is gecorrigeerd."


def seed(data: Path) -> dict[str, Annotation]:
    """Three notes on two letters, and one whose passage is gone."""
    return {
        "kern": add_note(data, RECENT, 1, 0, "kern van de zaak", ["defensie"]),
        "steun": add_note(data, RECENT, 3, 2, "militaire steun", ["navo"]),
        "bezoek": add_note(data, BEZOEK, 0, 2, "over het bezoek", ["defensie", "reis"]),
        "lost": add_detached(data, RECENT, LOST, "losgeraakt"),
    }


def notes_screen(pilot_app: object) -> NotesScreen:
    screen = getattr(pilot_app, "screen", None)
    assert isinstance(screen, NotesScreen)
    return screen


@pilot_test
async def test_m_lists_every_note_and_the_detached_apart(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    notes = seed(dirs[0])
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = notes_screen(app)
        assert [a.note for a in screen.shown[:3]] == [
            "over het bezoek",  # letters by title, then in reading order
            "kern van de zaak",
            "militaire steun",
        ]
        assert [a.id for a in screen.shown[3:]] == [notes["lost"].id]
        listed = screen.query_one(OptionList)
        ids = [listed.get_option_at_index(i).id for i in range(listed.option_count)]
        ids = [i for i in ids if i is not None]
        assert ids.index(DETACHED) == 3 and ids[4] == str(notes["lost"].id)
        assert listed.get_option(DETACHED).disabled
        tags = str(screen.query_one("#notes-tags").render())
        assert "#defensie #navo #reis" in tags
        assert "1 detached" in str(screen.query_one("#notes-title").render())
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


@pilot_test
async def test_the_filter_takes_tags_and_words(make_app: MakeApp, dirs: tuple[Path, Path]) -> None:
    seed(dirs[0])
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = notes_screen(app)
        await pilot.press("f", *"#def")
        assert sorted(a.note for a in screen.shown) == ["kern van de zaak", "over het bezoek"]
        await pilot.press(*" zaak")  # a tag and a word: both must hold
        assert [a.note for a in screen.shown] == ["kern van de zaak"]
        await pilot.press("ctrl+u", *"gecorrigeerd")  # words match quotes too
        assert [a.note for a in screen.shown] == ["losgeraakt"]
        await pilot.press("ctrl+u", *"#geen")
        assert screen.shown == []
        assert "No notes match" in str(screen.query_one(OptionList).get_option_at_index(0).prompt)


@pilot_test
async def test_enter_jumps_to_the_passage(make_app: MakeApp, dirs: tuple[Path, Path]) -> None:
    seed(dirs[0])
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("f", *"#navo", "enter", "enter")  # filter, back to the list, jump
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        _, _, view, toc = parts(app)
        assert view.letter is not None and view.letter.title.startswith(RECENT)
        assert view.place is not None and (view.place.section, view.place.paragraph) == (3, 2)
        assert app.focused is view and toc.highlighted == 3
        assert (3, 2) in view.noted


@pilot_test
async def test_r_reattaches_a_detached_note_to_the_readers_passage(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    notes = seed(dirs[0])
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("right_square_bracket", "j")  # Veiligheidsordening, paragraph 2
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("home", "r")  # only a detached note is re-attached
        assert isinstance(app.screen, NotesScreen)
        assert "Only a detached note" in toasts(pilot)
        await pilot.press("end", "r")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        [back] = [a for a in notes_in(dirs[0]) if a.id == notes["lost"].id]
        assert not back.detached and back.note == "losgeraakt"
        assert (back.anchor.section_index, back.anchor.paragraph_index) == (1, 1)
        assert back.anchor.quote == sample(RECENT).sections[1].paragraphs[1].text
        assert "detached" not in str(notes_screen(app).query_one("#notes-title").render())
        await pilot.press("escape")
        await settle(pilot)
        assert (1, 1) in parts(app)[2].noted


@pilot_test
async def test_d_deletes_only_after_yes(make_app: MakeApp, dirs: tuple[Path, Path]) -> None:
    seed(dirs[0])
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(notes_in(dirs[0])) == 4
        await pilot.press("d", "y")
        await settle(pilot)
        assert "over het bezoek" not in [a.note for a in notes_in(dirs[0])]
        assert len(notes_screen(app).shown) == 3


@pilot_test
async def test_e_writes_the_export_to_one_file_and_says_where(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert "No notes to export yet" in toasts(pilot)
        assert not (dirs[0] / "exports").exists()
        seed(dirs[0])
        await pilot.press("e")
        await settle(pilot)
        path = dirs[0] / "exports" / EXPORT_NAME
        text = path.read_text(encoding="utf-8")
        assert "kern van de zaak" in text and "militaire steun" in text
        assert "4 notes written to" in toasts(pilot) and str(path) in toasts(pilot)
        add_note(dirs[0], BEZOEK, 0, 5, "nog een", [])
        await pilot.press("e")
        await settle(pilot)
        assert "nog een" in path.read_text(encoding="utf-8")  # the same file, replaced
        assert [p.name for p in path.parent.iterdir()] == [EXPORT_NAME]
        shutil.rmtree(path.parent)
        path.parent.write_text("in the way")  # the export cannot be written: said, no crash
        await pilot.press("e")
        await settle(pilot)
        assert "Export failed" in toasts(pilot) and str(path) in toasts(pilot)
        assert app.is_running


@pilot_test
async def test_a_long_list_stops_at_a_limit_and_says_how_many_more(
    make_app: MakeApp, dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notes_module, "AT_MOST", 2)
    notes = seed(dirs[0])
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = notes_screen(app)
        assert len(screen.shown) == 3 and screen.shown[-1].id == notes["lost"].id
        more = screen.query_one(OptionList).get_option(notes_module.MORE)
        assert "1 more" in str(more.prompt) and more.disabled
        await pilot.press("f", *"#navo")
        assert [a.note for a in screen.shown] == ["militaire steun"]


@pilot_test
async def test_a_read_only_store_lists_notes_and_changes_none(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    seed(dirs[0])
    with sqlite3.connect(dirs[0] / DB_NAME) as db:  # as if a newer briefreader wrote it
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert len(notes_screen(app).shown) == 4
        await pilot.press("d")
        assert isinstance(app.screen, NotesScreen)  # no question that cannot be acted on
        assert "Notes cannot be changed" in toasts(pilot) and "newer briefreader" in toasts(pilot)
        await pilot.press("escape", "e")
        await settle(pilot)
        assert len(notes_in(dirs[0])) == 4
        assert "4 notes written to" in toasts(pilot)  # exporting only reads the notes
