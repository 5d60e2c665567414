"""Rough edges a daily user hits: the footer's q and ?, the help's groups, one Help in the
palette, `G` at 100%."""

from __future__ import annotations

import pytest
from textual.widgets import Footer, Input, TextArea
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from briefreader.ui.screens.annotate import AnnotateScreen
from briefreader.ui.screens.help import HelpScreen, help_text
from briefreader.ui.screens.reading import ReadingScreen

from .ui_support import MakeApp, listed, open_letter, parts, pilot_test, until


def visible_keys(app: object) -> set[str]:
    """The footer keys drawn wholly inside the terminal."""
    footer = app.screen.query_one(Footer)  # type: ignore[attr-defined]
    width = app.size.width  # type: ignore[attr-defined]
    return {
        key.key for key in footer.query(FooterKey) if key.region.width and key.region.right <= width
    }


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
@pilot_test
async def test_the_footer_shows_quit_and_help_at_80_and_100_columns(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await listed(pilot)
        assert {"q", "question_mark"} <= visible_keys(app)
        await open_letter(pilot, "Recente ontwikkelingen")
        assert {"q", "question_mark"} <= visible_keys(app)


@pilot_test
async def test_help_lists_letter_keys_with_the_reader_not_under_everywhere(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await listed(pilot)
        screen, _, _, _ = parts(app)
        groups = dict(screen.help_groups())
        everywhere = {b.key for b in groups["Everywhere"]}  # type: ignore[union-attr]
        assert not {"right_square_bracket", "left_square_bracket", "a", "y"} & everywhere
        assert {"q", "question_mark", "slash"} <= everywhere
        reader = {b.key for b in groups["Reader (a letter open)"]}  # type: ignore[union-attr]
        assert {"right_square_bracket", "a", "y", "o"} <= reader
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Follow reference" in help_text(screen.help_groups()).plain


@pilot_test
async def test_the_palette_has_one_help_entry(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Keys" not in titles and titles.count("Help") == 1
        assert len(titles) == len(set(titles))
        assert {"Follow reference", "Cited by", "Dossier"} <= set(titles)


@pilot_test
async def test_G_reaches_the_end_of_the_letter_at_100_percent(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        _, _, view, _ = parts(app)
        await pilot.press("G")
        await pilot.pause()
        assert view.place is not None and view.place.percent == 100
        assert "│ 100% │" in str(app.screen.query_one("#where").render())
        await pilot.press("k")
        assert view.place is not None and view.place.percent < 100


@pilot_test
async def test_toasts_never_cover_the_note_dialog(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_letter(pilot, "Recente ontwikkelingen")
        await pilot.press("right_square_bracket", "a")  # a long paragraph: a tall dialog
        await until(pilot, lambda: isinstance(app.screen, AnnotateScreen), "the dialog")
        app.notify("Something happened elsewhere", timeout=30)
        await until(pilot, lambda: app.screen.query(Toast), "the toast mounted")
        await pilot.pause()
        fields = [*app.screen.query(Input), *app.screen.query(TextArea)]
        assert len(fields) == 3
        for toast in app.screen.query(Toast):
            covered = [f.id for f in fields if toast.region.overlaps(f.region)]
            assert not toast.visible or not covered, covered
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReadingScreen), "back in the reader")
        # the toast shows once the dialog is gone
        await until(pilot, lambda: any(t.visible for t in app.screen.query(Toast)), "shown")
