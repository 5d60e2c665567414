"""End to end: the installed `briefreader` command in a real terminal (tmux)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ui.links_support import citing_folder
from tests.ui.terminal_support import run_session, send, tmux, wait_for, wait_until

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


def footer_has(*texts: str) -> Callable[[str], bool]:
    """Whether the screen's last line (the footer) shows all `texts`."""
    return lambda screen: all(t in (screen.splitlines() or [""])[-1] for t in texts)


def test_references_open_in_a_real_80x24_terminal(tmp_path: Path) -> None:
    """A folder with a letter citing `Kamerstuk 21 501-20, nr. 512` and that letter: the list
    shows `21 501-20`; `o` on a reference outside the library shows its official address;
    `o` on the one inside opens it; the footer shows `q` and `?` at 80x24."""
    folder = citing_folder(tmp_path)
    for session in run_session(tmp_path, (str(folder),), size=(80, 24)):
        wait_for(session, "2 letters", "21 501-20")
        wait_until(session, footer_has("q Quit", "? Help"), "q and ? in the footer")
        # newest first: the citing letter of 12 March 2024, then the undated Kamerstuk
        send(session, "Enter")
        wait_for(session, "Vervolg op de eurotop", "Hierbij informeer ik uw Kamer")
        send(session, "j", "o")  # the second paragraph cites Kamerstuk 36 045, nr. 151
        wait_for(session, "zoek.officielebekendmakingen.nl/kst-36045-151.html")
        send(session, "k", "o")  # the first cites Kamerstuk 21 501-20, nr. 512: it opens
        wait_for(session, "Kamerstuk 21 501-20, nr. 512 · Kamerbrief")
        wait_until(session, footer_has("q Quit", "? Help"), "q and ? in the reader's footer")
