"""End to end in a real terminal (tmux): annotate a passage, see it marked, list it, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.terminal_support import send, wait_for, wait_until

pytestmark = pytest.mark.e2e


def tags_field(screen: str) -> str:
    """The screen line of the note dialog's tags field (the line under its label)."""
    lines = screen.splitlines()
    at = next(i for i, line in enumerate(lines) if "Tags, separated by commas" in line)
    return lines[at + 1]


def tagged(screen: str) -> bool:
    """Whether NAVO stands in the tags field (its placeholder, which names NAVO too, gone)."""
    return "NAVO" in tags_field(screen) and "e.g." not in tags_field(screen)


def test_annotate_mark_list_and_export(session: str, tmp_path: Path) -> None:
    wait_for(session, "Recente ontwikkelingen met")
    send(session, "j", "j", "Enter")
    wait_for(session, "§ 1/8 Opening")
    send(session, "]")
    wait_for(session, "§ 2/8 Veiligheidsordening")
    send(session, "a")
    wait_for(session, "Annotate", "Tags, separated by commas")
    send(session, "Kern van de brief", "Tab", "NAVO")  # at once, as a fast typist's keys come
    wait_until(session, tagged, "NAVO typed into the tags field")
    send(session, "C-s")
    # the toast and the margin mark come in frames of their own: wait for both
    wait_for(session, "Note saved", "✎ Het kabinet blijft volop inzetten")
    send(session, "e")
    screen = wait_for(session, "written to")
    export = tmp_path / "data" / "exports" / "briefreader-notes.md"
    assert "Kern van de brief" in export.read_text(encoding="utf-8")
    send(session, "m")
    screen = wait_for(session, "#NAVO")
    assert "Kern van de brief" in screen and "§ Veiligheidsordening" in screen
