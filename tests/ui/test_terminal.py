"""End to end: the installed `briefreader` command in a real terminal (tmux)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

TMUX = shutil.which("tmux")
COMMAND = Path(sys.executable).parent / "briefreader"


class Terminal:
    """A tmux server of this test alone (its own socket, no user config) and one session."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        """Run a tmux command against this test's server; its output."""
        out = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout

    def keys(self, *keys: str) -> None:
        """Type these keys (tmux key names)."""
        self.tmux("send-keys", "-t", "reader", *keys)

    def screen(self) -> str:
        """The text on the terminal's screen now."""
        return self.tmux("capture-pane", "-p", "-t", "reader")

    def wait_for(self, *texts: str, timeout: float = 15.0) -> str:
        """The screen once all `texts` show on it; fails with the screen when they never do."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{texts!r} never appeared together; the screen was:\n{screen}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A 120x40 terminal running `briefreader` with tmp data and cache dirs."""
    if TMUX is None:
        pytest.skip("tmux is not installed: the real-terminal test needs it (.ci/run installs it)")
    if not COMMAND.exists():
        pytest.skip(f"no installed briefreader command at {COMMAND}")
    env = {
        "BRIEFREADER_DATA_DIR": str(tmp_path / "data"),
        "BRIEFREADER_CACHE_DIR": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    # COLUMNS / LINES from the shell can be stale while tmux sizes the window, and Textual
    # believes them over the terminal: the app must ask the terminal itself
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    term = Terminal(f"briefreader-test-{os.getpid()}")
    term.tmux(
        "new-session",
        "-d",
        "-s",
        "reader",
        "-x",
        "120",
        "-y",
        "40",
        f"env -u COLUMNS -u LINES {exports} {COMMAND}; sleep 5",
    )
    try:
        assert (
            term.tmux("display", "-p", "-t", "reader", "#{window_width}x#{window_height}").strip()
            == "120x40"
        )
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True)


def test_open_a_letter_and_jump_to_the_next_section(terminal: Terminal) -> None:
    terminal.wait_for("5 letters")  # the list is filled
    terminal.wait_for("Recente ontwikkelingen met betrekking")
    # the samples newest first: the third row is the letter of 3 February 2022
    terminal.keys("j", "j", "Enter")
    # the text may be drawn a frame after the header line: wait for both
    terminal.wait_for("§ 1/8 Opening", "Naar aanleiding van het verzoek van uw Kamer")
    terminal.keys("]")
    screen = terminal.wait_for(
        "§ 2/8 Veiligheidsordening", "Het kabinet blijft volop inzetten op de-escalatie"
    )
    lines = screen.splitlines()
    # the heading of the next section is at the top of the reader pane, under the progress line
    assert "Veiligheidsordening" in lines[1]
