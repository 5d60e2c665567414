"""Annotating in the reader: `a` opens the dialog (on the text selected with the mouse, if
any), `ctrl+s` saves, `escape` cancels; notes are marked in the margin, edited and deleted
(after asking) with `c`; a letter re-anchors its notes on opening; a data dir that cannot be
written is reported and the reader reads on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from briefreader.notes import Store, StoreError, anchor_for
from briefreader.ui.layout import GUTTER
from briefreader.ui.screens.annotate import AnnotateScreen
from briefreader.ui.screens.confirm import ConfirmScreen
from briefreader.ui.screens.reading import ReadingScreen
from briefreader.ui.widgets.letter_view import LetterView
from tests.ui.notes_support import RECENT, add_note, notes_in, sample, toasts
from tests.ui.ui_support import MakeApp, open_letter, parts, pilot_test, settle, until

KABINET = "Het kabinet blijft volop inzetten op de-escalatie en dialoog."


def margin(view: LetterView, section: int, paragraph: int) -> list[str]:
    """The two margin cells of each screen row of a passage (it must be on screen)."""
    layout = view.layout_
    assert layout is not None
    index = layout.passage_index(section, paragraph)
    assert index is not None
    p = layout.passages[index]
    top = round(view.scroll_y)
    return [view.render_line(n - top).text[:2] for n in range(p.start, p.end)]


@pilot_test
async def test_a_then_ctrl_s_saves_the_note_and_marks_the_passage(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("right_square_bracket", "a")
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press(*"Kern", "enter", *"Zie", "tab")
        await pilot.press(*"EU, #NAVO", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        [saved] = notes_in(dirs[0])
        assert saved.note == "Kern\nZie"
        assert saved.tags == ("EU", "NAVO")
        assert saved.anchor.quote.startswith(KABINET)
        assert (saved.anchor.section_index, saved.anchor.paragraph_index) == (1, 0)
        assert saved.section_title == "Veiligheidsordening"
        _, _, view, _ = parts(app)
        assert view.noted == {(1, 0)}
        rows = margin(view, 1, 0)
        assert rows[0].startswith("✎") and len(rows) > 3
        assert margin(view, 1, 1)[0].strip() == ""  # the next paragraph has no note
        assert "Note saved" in toasts(pilot)


@pilot_test
async def test_escape_asks_before_discarding_typed_text_and_saves_nothing(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("a", *"weg", "escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")  # no: back to the note, the text still there
        await until(pilot, lambda: isinstance(app.screen, AnnotateScreen), "the dialog back")
        assert app.screen.query_one("#note-text", TextArea).text == "weg"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "asked again")
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the dialog closed")
        await settle(pilot)
        assert notes_in(dirs[0]) == []
        assert parts(app)[2].noted == frozenset()


@pilot_test
async def test_escape_with_nothing_typed_closes_at_once(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AnnotateScreen), "the dialog")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the dialog closed")


@pilot_test
async def test_the_quote_can_be_narrowed_to_part_of_the_paragraph(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("right_square_bracket", "a", "shift+tab")
        # cut before "blijft" and after "inzetten": the quote is the words between
        await pilot.press("ctrl+right", "ctrl+right", "right", "ctrl+u")
        await pilot.press("ctrl+right", "ctrl+right", "ctrl+right", "ctrl+k", "ctrl+s")
        await settle(pilot)
        [saved] = notes_in(dirs[0])
        assert saved.anchor.quote == "blijft volop inzetten"
        assert (saved.anchor.start, saved.anchor.end) == (12, 33)
        assert saved.anchor.prefix.endswith("Het kabinet ")


@pilot_test
async def test_a_quote_not_in_the_paragraph_is_refused_and_the_text_kept(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("right_square_bracket", "a", *"mijn", "shift+tab")
        await pilot.press("ctrl+k", *"xyz", "ctrl+s")
        assert isinstance(app.screen, AnnotateScreen)
        await until(pilot, lambda: app.screen.has_class("-error"), "the problem shown")
        error = str(app.screen.query_one("#note-error").render())
        assert "must be a part of the paragraph" in error
        assert app.screen.query_one("#note-error").display
        assert app.screen.query_one("#note-text", TextArea).text == "mijn"
        assert notes_in(dirs[0]) == []


@pilot_test
async def test_c_edits_the_note_and_ctrl_d_deletes_after_asking(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    add_note(dirs[0], RECENT, 1, 0, "eerste versie", ["oud"])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        _, _, view, _ = parts(app)
        assert view.noted == {(1, 0)}
        await pilot.press("c")  # on the opening paragraph: no note there
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("right_square_bracket", "c")
        assert isinstance(app.screen, AnnotateScreen) and app.screen.editing
        note = app.screen.query_one("#note-text", TextArea)
        assert note.text == "eerste versie"
        await pilot.press(*" en 2", "tab", "ctrl+u", *"nu", "ctrl+s")
        await settle(pilot)
        [edited] = notes_in(dirs[0])
        assert (edited.note, edited.tags) == ("eerste versie en 2", ("nu",))
        await pilot.press("c", "ctrl+d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: back in the dialog, nothing deleted
        assert isinstance(app.screen, AnnotateScreen)
        await pilot.press("ctrl+d", "y")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert notes_in(dirs[0]) == []
        assert view.noted == frozenset()


@pilot_test
async def test_opening_a_letter_reanchors_its_notes(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    letter = sample(RECENT)
    # stored at a stale position (as if paragraphs moved): the quote finds the passage again
    right = anchor_for(letter, 2, 3)
    stale = anchor_for(letter, 1, 1)
    wrong = replace(right, section_index=stale.section_index, paragraph_index=1)
    with Store.open(dirs[0]) as store:
        store.add(wrong, "verschoven", [], letter.title, None)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        _, _, view, _ = parts(app)
        assert view.noted == {(2, 3)}
        [moved] = notes_in(dirs[0])
        assert (moved.anchor.section_index, moved.anchor.paragraph_index) == (2, 3)
        assert moved.note == "verschoven" and not moved.detached


@pilot_test
async def test_a_data_dir_that_cannot_be_written_is_reported_and_the_reader_reads_on(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    dirs[0].parent.mkdir(parents=True, exist_ok=True)
    dirs[0].write_text("not a folder")  # the data dir cannot be created: read-only store
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("a")
        assert isinstance(app.screen, ReadingScreen)  # no dialog to type into in vain
        assert "Notes cannot be saved" in toasts(pilot) and str(dirs[0]) in toasts(pilot)
        await pilot.press("j", "j")
        place = parts(app)[2].place
        assert place is not None and place.section == 1 and app.is_running


@pilot_test
async def test_a_failed_save_brings_the_dialog_back_with_the_text(
    make_app: MakeApp, dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise StoreError(dirs[0], "the disk is full")

    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_letter(pilot, RECENT)
        monkeypatch.setattr(Store, "add", full)  # the disk fills up while the reader is open
        await pilot.press("a", *"blijf", "ctrl+s")
        await until(pilot, lambda: "Not saved" in toasts(pilot), "the failure reported")
        await until(pilot, lambda: isinstance(app.screen, AnnotateScreen), "the dialog back")
        assert app.screen.query_one("#note-text", TextArea).text == "blijf"
        assert "the disk is full" in str(app.screen.query_one("#note-error").render())
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # the disk has room again: the same text is saved
        await until(pilot, lambda: notes_in(dirs[0]), "the note saved")
        assert [a.note for a in notes_in(dirs[0])] == ["blijf"]


async def select(
    pilot: Pilot[Any], view: LetterView, start: tuple[int, int], end: tuple[int, int]
) -> None:
    """Drag the mouse over the letter from text (column, layout line) `start` to `end`
    (both characters included)."""
    left = GUTTER + 1  # the margin and the pane's padding come before the text
    top = round(view.scroll_y)
    await pilot.mouse_down(view, offset=(left + start[0], start[1] - top))
    await pilot.hover(view, offset=(left + end[0], end[1] - top))
    await pilot.mouse_up(view, offset=(left + end[0], end[1] - top))
    await pilot.pause()


def line_with(view: LetterView, words: str) -> tuple[int, int]:
    """(column, layout line) where `words` stand on screen."""
    assert view.layout_ is not None
    n = next(i for i, line in enumerate(view.layout_.lines) if words in line.plain)
    return view.layout_.lines[n].plain.index(words), n


@pilot_test
async def test_text_selected_with_the_mouse_becomes_the_quote(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("right_square_bracket")
        _, _, view, _ = parts(app)
        # "kabinet" stands three times in this paragraph: the second one is selected
        x, n = line_with(view, "het kabinet voortgaan")
        await select(pilot, view, (x + 4, n), (x + 10, n))
        assert app.screen.get_selected_text() == "kabinet"
        await pilot.press("a")
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.query_one("#note-quote", TextArea).text == "kabinet"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [saved] = notes_in(dirs[0])
        paragraph = sample(RECENT).sections[1].paragraphs[0].text
        assert saved.anchor.quote == "kabinet"
        assert saved.anchor.start == paragraph.index("kabinet voortgaan")
        assert app.screen.get_selected_text() is None  # the selection is used up


@pilot_test
async def test_a_selection_across_paragraphs_quotes_the_first_whole(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("right_square_bracket")
        _, _, view, _ = parts(app)
        start = line_with(view, "blijft volop inzetten")
        end = line_with(view, "De omvang van de")
        await select(pilot, view, start, (end[0] + 8, end[1]))
        await pilot.press("a")
        assert "reaches past this paragraph" in toasts(pilot)
        quote = app.screen.query_one("#note-quote", TextArea).text
        assert quote == sample(RECENT).sections[1].paragraphs[0].text


@pilot_test
async def test_keys_typed_right_after_tab_go_into_the_tags(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, RECENT)
        await pilot.press("right_square_bracket", "a")
        await until(pilot, lambda: isinstance(app.focused, TextArea), "the dialog's note")
        dialog = app.screen
        for key in ("k", "tab", "n"):  # queued at once, as a fast typist's keys come
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        tags = dialog.query_one("#note-tags", Input)
        await until(pilot, lambda: tags.value, "a key in the tags")
        assert tags.value == "n"
        assert dialog.query_one("#note-text", TextArea).text == "k"
