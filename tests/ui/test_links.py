"""References that open: `o` follows a cite, a click on a link does too, `i` lists what cites
the letter, `D` its dossier; a document outside the library shows (and copies) its address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.widgets._toast import Toast

from briefreader.ui.screens.choose import ChooseScreen
from briefreader.ui.widgets.letter_table import LetterTable

from .links_support import citing_folder
from .test_reader import offered
from .ui_support import MakeApp, listed, parts, pilot_test, settle, until


def toasts(pilot: Pilot[Any]) -> str:
    """The text of every toast on screen."""
    return "\n".join(str(t.render()) for t in pilot.app.screen.query(Toast))


async def open_row(pilot: Pilot[Any], title_start: str) -> None:
    """Open the letter whose title starts so (or whose official id it is), from the list."""
    await listed(pilot)
    _, letters, _, _ = parts(pilot.app)
    row = next(
        i
        for i, e in enumerate(letters.shown)
        if e.title.startswith(title_start) or e.identifier == title_start
    )
    letters.table.move_cursor(row)
    pilot.app.screen.set_focus(letters.table)
    await pilot.press("enter")
    await settle(pilot)


@pilot_test
async def test_o_opens_the_cited_letter_from_the_library(tmp_path: Path, make_app: MakeApp) -> None:
    app = make_app([citing_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_row(pilot, "Vervolg op de eurotop")
        _, _, view, _ = parts(app)
        await pilot.press("o")  # the first paragraph cites one document: it opens at once
        await until(
            pilot,
            lambda: view.letter and view.letter.identifier == "kst-21501-20-512",
            "the cited letter open",
        )

        def header() -> str:
            return "\n".join(line.plain for line in view.layout_.lines[:8])  # type: ignore[union-attr]

        await until(pilot, lambda: "Cited by: Vervolg op de eurotop" in header(), "cited by")
        assert "Kamerstuk 21 501-20, nr. 512 · Kamerbrief" in header()


@pilot_test
async def test_o_outside_the_library_shows_and_copies_the_official_address(
    tmp_path: Path, make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    app = make_app([citing_folder(tmp_path)])
    url = "https://zoek.officielebekendmakingen.nl/kst-36045-151.html"
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_row(pilot, "Vervolg op de eurotop")
        _, _, view, _ = parts(app)
        await pilot.press("j", "o")
        await until(pilot, lambda: url in toasts(pilot), "the address shown")
        assert view.letter is not None and view.letter.title == "Vervolg op de eurotop"
        assert (dirs[1] / "clipboard.txt").read_text(encoding="utf-8") == url


@pilot_test
async def test_o_on_a_passage_citing_two_documents_asks_which(
    tmp_path: Path, make_app: MakeApp
) -> None:
    app = make_app([citing_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_row(pilot, "Vervolg op de eurotop")
        _, _, view, _ = parts(app)
        await pilot.press("j", "j", "o")
        await until(pilot, lambda: isinstance(app.screen, ChooseScreen), "the chooser")
        rows = app.screen.query_one(OptionList)
        assert rows.option_count == 2
        assert "in your library" in str(rows.get_option_at_index(0).prompt)
        assert "not in your library" in str(rows.get_option_at_index(1).prompt)
        await pilot.press("1")
        await until(
            pilot,
            lambda: view.letter and view.letter.identifier == "kst-21501-20-512",
            "the chosen letter open",
        )


@pilot_test
async def test_i_lists_what_cites_the_letter_and_enter_opens_it(
    tmp_path: Path, make_app: MakeApp
) -> None:
    app = make_app([citing_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_row(pilot, "kst-21501-20-512")
        _, _, view, _ = parts(app)
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ChooseScreen), "the cited-by list")
        assert "Vervolg op de eurotop" in str(
            app.screen.query_one(OptionList).get_option_at_index(0).prompt
        )
        await pilot.press("enter")
        await until(
            pilot,
            lambda: view.letter and view.letter.title == "Vervolg op de eurotop",
            "the citing letter open",
        )


@pilot_test
async def test_clicking_a_reference_follows_it(tmp_path: Path, make_app: MakeApp) -> None:
    app = make_app([citing_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_row(pilot, "Vervolg op de eurotop")
        _, _, view, _ = parts(app)
        layout = view.layout_
        assert layout is not None
        row, col = next(
            (n, line.plain.index("Kamerstuk 21 501-20"))
            for n, line in enumerate(layout.lines)
            if "Kamerstuk 21 501-20" in line.plain and n > 6
        )
        await pilot.click(view, offset=(col + 2 + 3, row - round(view.scroll_y)))
        await until(
            pilot,
            lambda: view.letter and view.letter.identifier == "kst-21501-20-512",
            "the clicked letter open",
        )


@pilot_test
async def test_the_list_shows_numbers_and_kinds_and_filters_on_them(
    tmp_path: Path, make_app: MakeApp
) -> None:
    app = make_app([citing_folder(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(LetterTable)
        lines = [table.columns.header(), *(table.columns.row(e) for e in table.rows)]
        assert all(len(line) == table.scrollable_content_region.width for line in lines)
        assert "Number" in lines[0] and "Kind" in lines[0] and "Sender" not in lines[0]
        assert any("21 501-20, nr. 512" in line and "Kamerbrief" in line for line in lines)
        _, letters, _, _ = parts(app)
        for query, count in (("21501-20", 1), ("kamerbrief 2024", 1), ("kst-21501", 1)):
            await pilot.press("f", *query)
            await until(pilot, lambda c=count: len(letters.shown) == c, f"{query} filtered")
            await pilot.press("escape")
        # a filter narrowing to a letter without a number keeps the columns where they were
        await pilot.press("f", *"vervolg")
        await until(pilot, lambda: len(letters.shown) == 1, "one letter left")
        assert "Number" in table.columns.header()


@pilot_test
async def test_the_palette_lists_a_dossier_oldest_first_and_opens_a_document(
    tmp_path: Path, make_app: MakeApp
) -> None:
    app = make_app([citing_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await listed(pilot)
        _, _, view, _ = parts(app)
        await pilot.press("ctrl+p", *"Dossier: 21 501-20")
        await until(pilot, lambda: offered(app, "Dossier: 21 501-20 (1 document"), "offered")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ChooseScreen), "the dossier")
        first = app.screen.query_one(OptionList).get_option_at_index(0)
        assert "Kamerstuk 21 501-20, nr. 512" in str(first.prompt)
        await pilot.press("enter")
        await until(
            pilot,
            lambda: view.letter is not None and view.letter.identifier == "kst-21501-20-512",
            "the document open",
        )


@pilot_test
async def test_the_palette_finds_a_letter_by_its_number(tmp_path: Path, make_app: MakeApp) -> None:
    app = make_app([citing_folder(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await listed(pilot)
        _, _, view, _ = parts(app)
        await pilot.press("ctrl+p", *"21 501-20, nr. 512")
        await until(pilot, lambda: offered(app, "(21 501-20, nr. 512)"), "offered")
        await pilot.press("enter")
        await until(
            pilot,
            lambda: view.letter is not None and view.letter.identifier == "kst-21501-20-512",
            "the letter open",
        )
