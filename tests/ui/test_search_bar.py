"""Pilot tests of the search bar: `/` across all letters, enter to jump, `n` / `N`, escape."""

from __future__ import annotations

from textual.widgets import Input

from briefreader.ui.widgets.search_bar import HitList, SearchBar
from tests.ui.ui_support import MakeApp, open_letter, parts, pilot_test, search_ready, settle


async def search(pilot: object, query: str) -> SearchBar:
    """Open the bar, type `query` and wait for the hits."""
    await search_ready(pilot)  # type: ignore[arg-type]
    await pilot.press("slash", *query)  # type: ignore[attr-defined]
    await pilot.pause(0.3)  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    bar: SearchBar = pilot.app.screen.query_one(SearchBar)  # type: ignore[attr-defined]
    return bar


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
        await pilot.press("enter")
        await settle(pilot)
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
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        _, _, view, _ = parts(app)
        chosen = bar.hits[2]
        assert view.letter is not None and view.letter.id == chosen.letter_id


@pilot_test
async def test_n_and_shift_n_walk_the_matches_in_the_letter(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "MH17")
        await pilot.press("enter")
        await settle(pilot)
        screen, _, view, _ = parts(app)
        stops = screen.hit_stops
        assert len(stops) >= 2
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
        await settle(pilot)
        await pilot.press("slash", *"Ollongren")  # typed at once, before the index exists
        await search_ready(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        bar = app.screen.query_one(SearchBar)
        assert bar.query_text == "Ollongren"
        assert bar.hits and all("Ollongren" in h.snippet for h in bar.hits[:1])


@pilot_test
async def test_closing_the_bar_with_an_empty_box_clears_the_marks(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "MH17")
        await pilot.press("enter")
        await settle(pilot)
        screen, _, view, _ = parts(app)
        assert view.marks and screen.hit_stops
        await pilot.press("slash", "backspace", "escape")
        await settle(pilot)
        assert view.marks == {} and screen.hit_stops == [] and screen.last_query == ""
        assert app.focused is view


@pilot_test
async def test_with_a_letter_open_the_search_covers_it_first_and_tab_widens_it(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        screen, _, view, _ = parts(app)
        assert view.letter is not None
        bar = await search(pilot, "Oekraine")
        assert not bar.scope_all
        assert bar.hits and {h.letter_id for h in bar.hits} == {view.letter.id}
        assert f"{len(bar.hits)} hits in this letter" in bar.status_text
        assert view.marks, "the matches are highlighted in the text as you type"
        assert len(screen.hit_stops) >= 2
        await pilot.press("tab")
        await pilot.pause(0.3)
        await settle(pilot)
        assert bar.scope_all and "all letters" in bar.status_text
        assert len({h.letter_id for h in bar.hits}) >= 2
