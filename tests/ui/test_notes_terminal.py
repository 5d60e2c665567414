"""End to end in a real terminal (tmux): annotate a passage, see it marked, list it, export."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.ui.test_terminal import session, tmux, wait_for  # noqa: F401  (session: the tmux fixture)

pytestmark = pytest.mark.e2e


def keys(name: str, *typed: str) -> None:
    """Send keys one group at a time, as a person would (a focus change takes a moment)."""
    for k in typed:
        tmux("send-keys", "-t", name, k)
        time.sleep(0.25)


def test_annotate_mark_list_and_export(session: str, tmp_path: Path) -> None:  # noqa: F811
    wait_for(session, "Recente ontwikkelingen met")
    keys(session, "j", "j", "Enter")
    wait_for(session, "§ 1/8 Opening")
    keys(session, "]")
    wait_for(session, "§ 2/8 Veiligheidsordening")
    keys(session, "a")
    wait_for(session, "Annotate")
    keys(session, "Kern van de brief", "Tab", "NAVO", "C-s")
    screen = wait_for(session, "Note saved")
    assert "✎ Het kabinet blijft volop inzetten" in screen
    keys(session, "e")
    screen = wait_for(session, "written to")
    export = tmp_path / "data" / "exports" / "briefreader-notes.md"
    assert "Kern van de brief" in export.read_text(encoding="utf-8")
    keys(session, "m")
    screen = wait_for(session, "#NAVO")
    assert "Kern van de brief" in screen and "§ Veiligheidsordening" in screen
