"""Pilot tests: the real reader app over the bundled samples, driven key by key."""

from __future__ import annotations

import re
from pathlib import Path

from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

from briefreader.ui.app import ReaderApp
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.screens.reading import ReadingScreen
from briefreader.ui.widgets.letter_table import LetterTable
from briefreader.ui.widgets.letter_view import LetterView
from briefreader.ui.widgets.toc import Toc
from tests.ui.ui_support import MakeApp, listed, open_letter, parts, pilot_test, settle, until


def offered(app: ReaderApp, label: str) -> bool:
    """Whether the command palette is up with `label` as its highlighted command."""
    palette = app.screen
    if not isinstance(palette, CommandPalette):
        return False
    commands = palette.query_one(CommandList)
    if commands.highlighted is None:
        return False
    return label in str(commands.get_option_at_index(commands.highlighted).prompt)


NATO = "Geannoteerde agenda voor de NAVO"  # the Q&A sample: many sections, nested


@pilot_test
async def test_list_has_focus_and_every_sample_newest_first(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _, letters, _, _ = parts(app)
        assert isinstance(app.focused, LetterTable)
        assert len(letters.shown) == 5
        dates = [e.date for e in letters.shown if e.date]
        assert dates == sorted(dates, reverse=True)
        assert app.screen.has_class("-no-letter")


@pilot_test
async def test_enter_opens_letter_with_cursor_on_first_paragraph(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        screen, _, view, toc = parts(app)
        assert app.focused is view
        assert view.letter is not None and view.letter.title.startswith("Recente")
        assert view.place is not None
        assert (view.place.section, view.place.paragraph) == (0, 0)
        assert toc.option_count == len(view.letter.sections)
        assert screen.query_one("#sidebar").display  # the list stays visible on a wide screen


@pilot_test
async def test_section_keys_move_and_the_toc_follows(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        _, _, view, toc = parts(app)
        await pilot.press("right_square_bracket")
        assert view.place is not None and view.place.section == 1
        assert toc.highlighted == 1
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert view.place.section == 3 and toc.highlighted == 3
        await pilot.press("left_square_bracket")
        assert view.place.section == 2 and toc.highlighted == 2
        where = str(app.screen.query_one("#where").render())
        assert "§ 3/8 Politieke en diplomatieke ontwikkelingen" in where


@pilot_test
async def test_j_and_k_move_the_passage_cursor(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        _, _, view, toc = parts(app)
        await pilot.press("j")  # the opening section has one paragraph: j goes to section 2
        assert view.place is not None and (view.place.section, view.place.paragraph) == (1, 0)
        assert toc.highlighted == 1
        await pilot.press("j", "down")
        assert (view.place.section, view.place.paragraph) == (1, 2)
        await pilot.press("k", "up")
        assert (view.place.section, view.place.paragraph) == (1, 0)


@pilot_test
async def test_top_bottom_and_page_keys(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        _, _, view, toc = parts(app)
        await pilot.press("G")
        assert view.place is not None and view.place.section == 7
        assert view.place.percent > 90 and toc.highlighted == 7
        await pilot.press("g")
        assert (view.place.section, view.place.paragraph) == (0, 0) and view.scroll_y == 0
        await pilot.press("space")
        assert view.scroll_y > 0 and view.place.section >= 1
        await pilot.press("b")
        assert view.scroll_y == 0
        await pilot.press("d")
        half = view.scroll_y
        assert 0 < half < view.size.height
        await pilot.press("u")
        assert view.scroll_y == 0


@pilot_test
async def test_enter_on_a_toc_entry_jumps_there(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, NATO)
        _, _, view, toc = parts(app)
        await pilot.press("t")
        assert app.focused is toc
        await pilot.press("j", "j", "j", "enter")
        assert app.focused is view
        assert view.place is not None and view.place.section == 3
        assert view.letter is not None
        assert view.letter.sections[3].title == "2. Antwoord van het kabinet"


@pilot_test
async def test_help_lists_every_binding_and_closes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-table").render())
        for words in ("Next section", "Copy passage", "Page down", "Filter", "Quit"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


@pilot_test
async def test_filter_narrows_the_list_by_title_or_sender(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _, letters, _, _ = parts(app)
        await pilot.press("f", *"commissie")
        assert [e.kind for e in letters.shown] == ["verslag"]
        await pilot.press("enter")  # back to the rows, then open the one left
        await pilot.press("enter")
        await settle(pilot)
        _, _, view, _ = parts(app)
        assert view.letter is not None and view.letter.title.startswith(NATO)
        await pilot.press("f", "escape")
        assert len(letters.shown) == 5


@pilot_test
async def test_copy_puts_passage_and_citation_on_the_clipboard(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        await pilot.press("right_square_bracket", "y")
        await until(pilot, lambda: app.clipboard, "the passage copied")
        clip = app.clipboard
        assert clip.startswith("Het kabinet blijft volop inzetten op de-escalatie")
        # cited as Dutch texts do, with the page of the PDF the text came from
        last = clip.strip().splitlines()[-1]
        assert re.fullmatch(r"\(Recente ontwikkelingen .*, 3 februari 2022, p\. \d+(-\d+)?\)", last)
        assert (dirs[1] / "clipboard.txt").read_text(encoding="utf-8") == clip


@pilot_test
async def test_reopening_returns_to_letter_section_and_paragraph(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, NATO)
        await pilot.press("right_square_bracket", "right_square_bracket", "j")
        _, _, view, _ = parts(app)
        assert view.place is not None
        left = (view.place.section, view.place.paragraph)
        await pilot.press("q")
    again = make_app()
    async with again.run_test(size=(90, 30)) as pilot:  # another width: position still holds
        await settle(pilot)
        _, letters, view, toc = parts(again)
        assert view.letter is not None and view.letter.title.startswith(NATO)
        assert view.place is not None and (view.place.section, view.place.paragraph) == left
        assert toc.highlighted == left[0]
        assert letters.current is not None and letters.current.title.startswith(NATO)
        assert isinstance(again.focused, LetterTable)


@pilot_test
async def test_narrow_terminal_folds_the_list_one_key_away(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        screen, _, view, _ = parts(app)
        assert not screen.query_one("#sidebar").display
        assert view.display
        await pilot.press("l")
        assert screen.query_one("#sidebar").display
        assert isinstance(app.focused, LetterTable)


@pilot_test
async def test_theme_choice_is_remembered(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
        await pilot.press("q")
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


@pilot_test
async def test_q_quits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pilot_test
async def test_command_palette_goes_to_a_section(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        await pilot.press("ctrl+p", *"Section: Militaire steun")
        await until(pilot, lambda: offered(app, "Section: Militaire steun"), "the section")
        await pilot.press("enter")
        await settle(pilot)
        _, _, view, toc = parts(app)
        assert view.place is not None and view.place.section == 3
        assert toc.highlighted == 3


@pilot_test
async def test_filter_with_no_match_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _, letters, _, _ = parts(app)
        assert str(letters.query_one("#list-status").render()) == "5 letters"
        await pilot.press("f", *"xyzzy")
        assert letters.shown == []
        assert "no letter matches 'xyzzy'" in str(letters.query_one("#list-status").render())


@pilot_test
async def test_mouse_opens_letters_jumps_in_the_toc_and_picks_passages(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _, letters, view, toc = parts(app)
        row = next(i for i, e in enumerate(letters.shown) if e.title.startswith("Recente"))
        await pilot.click(LetterTable, offset=(5, row + 1))  # below the column headings
        await pilot.click(LetterTable, offset=(5, row + 1))  # a second click opens
        await settle(pilot)
        assert view.letter is not None and view.letter.title.startswith("Recente")
        await pilot.click(Toc, offset=(4, 1 + 4))  # the fifth entry, inside the border
        await settle(pilot)
        assert view.place is not None and view.place.section == 4
        passage = view.passage
        assert passage is not None
        target = passage.start - round(view.scroll_y)  # this passage's first screen row
        await pilot.press("j")
        await pilot.click(LetterView, offset=(10, target))
        assert view.place.section == 4 and view.place.paragraph == 0


@pilot_test
async def test_keys_typed_right_after_f_go_into_the_filter(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        _, letters, _, _ = parts(app)
        box = letters.query_one("#filter", Input)
        for key in ("f", "q", "j"):  # queued at once, as a fast typist's keys arrive
            app.post_message(events.Key(key, key))
        await until(pilot, lambda: box.value == "qj" or not app.is_running, "the keys typed")
        assert app.is_running  # `q` went into the box, it did not quit
        assert letters.shown == []


@pilot_test
async def test_one_cursor_bar_when_the_cursor_moves_from_the_toc(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        _, _, view, toc = parts(app)
        await pilot.press("G", "g")  # every line drawn once, while the reader had the focus
        await pilot.press("t", "right_square_bracket")  # the cursor moves, the TOC keeps focus
        await pilot.pause()
        assert app.focused is toc
        barred = [y for y in range(view.size.height) if view.render_line(y).text.startswith("▌")]
        passage = view.passage
        assert passage is not None
        top = round(view.scroll_y)
        assert barred == list(range(passage.start - top, min(passage.end - top, view.size.height)))


@pilot_test
async def test_command_palette_opens_a_letter_by_title(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Letter: Geannoteerde agenda")
        await until(pilot, lambda: offered(app, "Letter: Geannoteerde agenda"), "the letter")
        await pilot.press("enter")
        await settle(pilot)
        _, _, view, _ = parts(app)
        assert view.letter is not None and view.letter.title.startswith(NATO)


def footer_keys(app: ReaderApp) -> dict[str, bool]:
    """The footer's keys by description: whether each is lit (False: dimmed)."""
    return {
        key.description: not key.has_class("-disabled")
        for key in app.screen.query_one(Footer).query(FooterKey)
    }


@pilot_test
async def test_letter_keys_in_the_footer_light_up_once_a_letter_is_open(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await listed(pilot)
        keys = footer_keys(app)
        assert keys["Search"] and keys["Notes"]
        assert not {"Next section", "Annotate", "Copy passage"} & set(keys)
        await open_letter(pilot, "Recente ontwikkelingen")
        await until(pilot, lambda: footer_keys(app).get("Annotate"), "the letter keys shown")
        keys = footer_keys(app)
        assert keys["Next section"] and keys["Copy passage"]
        await pilot.press("f")  # typing in the filter: `/` is text there
        await until(pilot, lambda: not footer_keys(app)["Search"], "the search key dimmed")
