"""End to end: the installed `briefreader` command in a real terminal (tmux)."""

from __future__ import annotations

import pytest

from tests.ui.terminal_support import tmux, wait_for

pytestmark = pytest.mark.e2e


def test_open_a_letter_and_jump_to_the_next_section(session: str) -> None:
    wait_for(session, "5 letters")  # the list is filled
    wait_for(session, "Recente ontwikkelingen met betrekking")
    # the samples newest first: the third row is the letter of 3 February 2022
    tmux("send-keys", "-t", session, "j", "j", "Enter")
    # the text may be drawn a frame after the header line: wait for both
    wait_for(session, "§ 1/8 Opening", "Naar aanleiding van het verzoek van uw Kamer")
    tmux("send-keys", "-t", session, "]")
    screen = wait_for(
        session, "§ 2/8 Veiligheidsordening", "Het kabinet blijft volop inzetten op de-escalatie"
    )
    lines = screen.splitlines()
    # the heading of the next section is at the top of the reader pane, under the progress line
    assert "Veiligheidsordening" in lines[1]
