"""Snapshots of the main screens at 80x24 and 160x50, over the bundled samples.

Regenerate after an intended change with `pytest tests/ui/test_snapshots.py --snapshot-update`
and look at the SVGs before committing them.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.ui_support import MakeApp, search_ready, searched, settle

SIZES = [(80, 24), (160, 50)]
OPEN_THIRD = ["j", "j", "enter"]  # the letter of 3 February 2022, eight sections


async def loaded(pilot: Pilot[Any]) -> None:
    """Wait for the library to be listed."""
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_letter_list(snap_compare: Any, make_app: MakeApp, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_reading_a_section(snap_compare: Any, make_app: MakeApp, size: tuple[int, int]) -> None:
    async def open_and_jump(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(*OPEN_THIRD)
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "j")

    assert snap_compare(make_app(), terminal_size=size, run_before=open_and_jump)


def test_help(snap_compare: Any, make_app: MakeApp) -> None:
    async def help_open(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=help_open)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_search_bar(snap_compare: Any, make_app: MakeApp, size: tuple[int, int]) -> None:
    async def search(pilot: Pilot[Any]) -> None:
        await search_ready(pilot)
        await pilot.press("slash")
        await searched(pilot, "Hoekstra")

    assert snap_compare(make_app(), terminal_size=size, run_before=search)
