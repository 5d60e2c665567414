"""A letter corrected on disk (a new id, the same document): the reader opens it where the
user left it, and a note whose passage changed shows the quote it keeps beside the new text,
in the reader and in the notes view."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefreader import locations
from briefreader.notes import Store, anchor_for
from briefreader.sources import read_document
from briefreader.ui.screens.notes import NotesScreen
from briefreader.ui.widgets.notes_list import NotesList

from .notes_support import RECENT
from .ui_support import MakeApp, listed, open_letter, parts, pilot_test, settle, until

SAMPLE = next(Path(locations.samples_dir()).glob("000_*.txt"))
OLD = "Het kabinet blijft volop inzetten op de-escalatie en dialoog."
NEW = "Het kabinet blijft zich volop inzetten voor de-escalatie en dialoog."


def copy_of_sample(root: Path) -> Path:
    folder = root / "letters"
    folder.mkdir()
    path = folder / SAMPLE.name
    shutil.copy(SAMPLE, path)
    return path


def correct(path: Path) -> None:
    """Change the wording of one sentence (the letter gets a new id)."""
    text = path.read_text(encoding="utf-8")
    assert OLD[:40] in text
    path.write_text(text.replace("blijft volop inzetten op", "blijft zich volop inzetten voor"))


@pilot_test
async def test_the_reading_position_follows_a_corrected_letter(
    tmp_path: Path, make_app: MakeApp
) -> None:
    path = copy_of_sample(tmp_path)
    app = make_app([path.parent])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        _, _, view, _ = parts(app)
        await pilot.press(*["right_square_bracket"] * 4, "j", "j")
        place = view.place
        assert place is not None and place.section == 4
        old_id = view.letter.id if view.letter else ""
    correct(path)
    app = make_app([path.parent])
    async with app.run_test(size=(120, 40)) as pilot:
        await listed(pilot)  # the reader pane is mounted once the list is on screen
        _, _, view, _ = parts(app)
        await until(pilot, lambda: view.letter is not None, "the letter read last reopened")
        await settle(pilot)
        assert view.letter is not None and view.letter.id != old_id  # corrected: a new id
        assert view.place is not None
        assert (view.place.section, view.place.paragraph) == (place.section, place.paragraph)


@pilot_test
async def test_a_note_on_a_corrected_passage_shows_its_quote_beside_the_new_text(
    tmp_path: Path, make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    path = copy_of_sample(tmp_path)
    letter = read_document(path)
    section, paragraph = next(
        (s, p)
        for s, sec in enumerate(letter.sections)
        for p, par in enumerate(sec.paragraphs)
        if par.text.startswith(OLD[:40])
    )
    with Store.open(dirs[0]) as store:
        store.add(anchor_for(letter, section, paragraph, 0, len(OLD)), "de-escalatie", [],
                  letter.title, letter.sections[section].title)  # fmt: skip
    correct(path)
    app = make_app([path.parent])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        _, _, view, _ = parts(app)
        await until(pilot, lambda: view.aside.changed, "the changed note marked")
        assert view.aside.changed == {(section, paragraph): OLD}
        layout = view.layout_
        assert layout is not None
        lines = [line.plain for line in layout.lines]
        at = next(i for i, line in enumerate(lines) if "changed since your note" in line)
        index = layout.passage_index(section, paragraph)
        assert index is not None
        passage = layout.passages[index]
        assert at == passage.end  # right under the passage, whose text is the new one
        assert NEW[:30] in " ".join(lines[passage.start : passage.end])
        assert f"“{OLD}”" in " ".join(" ".join(lines[at : at + 3]).split())
        assert (section, paragraph) in view.noted  # still attached, not detached
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes view")
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        await until(pilot, lambda: notes.changed, "the notes read")
        listed = notes.query_one(NotesList)
        entry = str(listed.get_option_at_index(0).prompt)
        assert OLD[:40] in entry and "changed, now:" in entry and NEW[:30] in entry
        assert "1 changed" in str(notes.query_one("#notes-title").render())
