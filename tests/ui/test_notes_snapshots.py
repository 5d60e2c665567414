"""Snapshots of the annotation dialog and the notes view at 80x24.

Regenerate after an intended change with
`pytest tests/ui/test_notes_snapshots.py --snapshot-update` and look at the SVGs first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.ui.notes_support import BEZOEK, RECENT, add_detached, add_note
from tests.ui.ui_support import MakeApp, settle

OPEN_THIRD = ["j", "j", "enter"]  # the letter of 3 February 2022


def test_annotate_dialog(snap_compare: Any, make_app: MakeApp) -> None:
    async def annotate(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(*OPEN_THIRD)
        await settle(pilot)
        await pilot.press("right_square_bracket", "a", *"Kern", "tab", *"NAVO")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=annotate)


def test_notes_view(snap_compare: Any, make_app: MakeApp, dirs: tuple[Path, Path]) -> None:
    add_note(dirs[0], RECENT, 1, 0, "De kern: de-escalatie en dialoog.", ["defensie", "NAVO"])
    add_note(dirs[0], BEZOEK, 0, 2, "Reis naar Kyiv\nmet de minister van BZ.", ["reis"])
    add_detached(dirs[0], RECENT, "Een zin die uit de brief verdween.", "Waar is dit gebleven?")

    async def notes(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=notes)
