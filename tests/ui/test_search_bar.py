"""Pilot tests of the search bar: `/` across all letters, enter to jump, `n` / `N`, escape."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from briefreader.search import letter_matches
from briefreader.ui.widgets.reader_pane import ReaderPane
from briefreader.ui.widgets.search_bar import HitList, SearchBar
from tests.ui.ui_support import (
    MakeApp,
    listed,
    open_letter,
    parts,
    pilot_test,
    search_ready,
    searched,
    settle,
    until,
)


async def search(pilot: Pilot[Any], query: str) -> SearchBar:
    """Open the bar, type `query` and wait for the hits."""
    await search_ready(pilot)
    await pilot.press("slash")
    return await searched(pilot, query)


async def choose(pilot: Pilot[Any]) -> None:
    """Press enter on the highlighted hit and wait until the reader shows it."""
    bar = pilot.app.screen.query_one(SearchBar)
    view = parts(pilot.app)[2]
    hit = bar.hits[bar.query_one(HitList).highlighted or 0]
    await pilot.press("enter")
    await until(pilot, lambda: view.letter is not None and view.letter.id == hit.letter_id)
    await settle(pilot)


@pilot_test
async def test_slash_searches_all_letters_and_enter_jumps_to_the_hit(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search(pilot, "Hoekstra")
        assert isinstance(app.focused, Input) and bar.has_class("-open")
        assert bar.hits, "a name in the samples must be found"
        first = bar.hits[0]
        titles = {h.title for h in bar.hits}
        assert len(titles) >= 2  # across letters, not only the open one
        await choose(pilot)
        _, _, view, toc = parts(app)
        assert not bar.has_class("-open")
        assert app.focused is view
        assert view.letter is not None and view.letter.id == first.letter_id
        assert view.place is not None and view.place.section == first.section_index
        assert toc.highlighted == first.section_index
        if first.kind == "paragraph":
            assert view.place.paragraph == first.paragraph_index
            assert (first.section_index, first.paragraph_index) in view.marks


@pilot_test
async def test_typos_still_find_and_down_walks_the_hits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search(pilot, "Oekraine")  # without the diaeresis
        assert len(bar.hits) > 5
        await pilot.press("down")
        assert isinstance(app.focused, HitList)
        await pilot.press("j", "j")
        chosen = bar.hits[2]
        await choose(pilot)
        _, _, view, _ = parts(app)
        assert view.letter is not None and view.letter.id == chosen.letter_id


@pilot_test
async def test_slash_from_the_hits_goes_back_to_the_query_in_the_same_scope(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        bar = await search(pilot, "Oekraine")
        await pilot.press("tab")  # all letters
        await until(pilot, lambda: bar.answered == ("Oekraine", True), "all letters searched")
        await pilot.press("down", "slash")
        assert app.focused is bar.query_one(Input)
        assert bar.scope_all and bar.has_class("-open")


@pilot_test
async def test_n_and_shift_n_walk_the_matches_in_the_letter(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "MH17")
        await choose(pilot)
        _, _, view, _ = parts(app)
        pane = app.screen.query_one(ReaderPane)
        await until(pilot, lambda: len(pane.matches.stops) >= 2, "the matches in the letter")
        stops = pane.matches.stops
        assert view.place is not None
        start = (view.place.section, view.place.paragraph)
        await pilot.press("g", "n")
        assert (view.place.section, view.place.paragraph) == stops[0]
        await pilot.press("n")
        assert (view.place.section, view.place.paragraph) == stops[1]
        await pilot.press("N")
        assert (view.place.section, view.place.paragraph) == stops[0]
        await pilot.press("N")  # wraps to the last match
        assert (view.place.section, view.place.paragraph) == stops[-1]
        assert start in stops


@pilot_test
async def test_escape_closes_the_bar_and_gives_the_focus_back(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await search(pilot, "zzzqqq")
        assert bar.hits == []
        assert "nothing matches" in str(bar.query_one("#search-status").render())
        await pilot.press("escape")
        assert not bar.has_class("-open")
        assert not isinstance(app.focused, Input)


@pilot_test
async def test_a_query_typed_while_indexing_is_answered_when_the_index_is_ready(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await listed(pilot)
        await pilot.press("slash")
        bar = await searched(pilot, "Ollongren")  # typed at once, before the index exists
        assert bar.index is not None
        assert bar.query_text == "Ollongren"
        assert bar.hits and all("Ollongren" in h.snippet for h in bar.hits[:1])


@pilot_test
async def test_closing_the_bar_with_an_empty_box_clears_the_marks(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "MH17")
        await choose(pilot)
        _, _, view, _ = parts(app)
        pane = app.screen.query_one(ReaderPane)
        await until(pilot, lambda: view.marks and pane.matches.stops, "the marks")
        await pilot.press("slash", "backspace", "escape")
        await until(pilot, lambda: not view.marks, "the marks cleared")
        assert pane.matches.stops == () and pane.matches.query == ""
        assert app.focused is view


@pilot_test
async def test_with_a_letter_open_the_search_covers_it_first_and_tab_widens_it(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        _, _, view, _ = parts(app)
        pane = app.screen.query_one(ReaderPane)
        assert view.letter is not None
        bar = await search(pilot, "Oekraine")
        assert not bar.scope_all
        assert bar.hits and {h.letter_id for h in bar.hits} == {view.letter.id}
        found = len(letter_matches(view.letter, "Oekraine"))  # occurrences, not passages
        assert found > len(bar.hits) and f"{found} matches in this letter" in bar.status_text
        assert view.marks, "the matches are highlighted in the text as you type"
        assert len(pane.matches.stops) >= 2
        await pilot.press("tab")
        await until(pilot, lambda: bar.answered == ("Oekraine", True), "all letters searched")
        assert bar.scope_all and "all letters" in bar.status_text
        assert len({h.letter_id for h in bar.hits}) >= 2


@pilot_test
async def test_all_letters_says_50_of_how_many_and_lists_more_on_demand(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        bar = await search(pilot, "kabinet")
        assert bar.index is not None
        total = bar.index.count("kabinet")
        assert total > 50, "the samples hold more than 50 passages with this word"
        assert len(bar.hits) == 50 and f"50 of {total} hits in all letters" in bar.status_text
        hits = bar.query_one(HitList)
        assert "more" in str(hits.get_option_at_index(50).prompt)
        hits.highlighted = 50
        bar.screen.set_focus(hits)
        await pilot.press("enter")
        await until(pilot, lambda: len(bar.hits) == min(total, 100), "more hits listed")
        assert hits.highlighted == 50  # on the first of the new ones
        shown = f"{len(bar.hits)} of {total}" if total > 100 else f"{total} hits"
        assert shown in bar.status_text
