"""End to end: the installed `briefreader` command in a real terminal (tmux)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.links_support import citing_folder
from tests.ui.terminal_support import (
    COMMAND,
    TMUX,
    kill_server,
    new_session,
    run_session,
    send,
    tmux,
    wait_for,
    wait_until,
)

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


# -- hostile files in a real terminal (issue 10) ----------------------------------------------

SESSIONS = itertools.count()
OSC52 = "\x1b]52;c;cHduZWQ=\x07"  # would put "pwned" on the terminal's clipboard
TITLE = "\x1b]2;gehackt\x07\x1b[2J"  # would set the window title and clear the screen


def start(tmp_path: Path, *args: str) -> str:
    """A 120x40 session running `briefreader ARGS`, then saying its exit status; tmux takes
    clipboard writes (OSC 52) into its own buffers, so that a leak would show there."""
    if TMUX is None:
        pytest.skip("tmux is not installed: the real-terminal test needs it (.ci/run installs it)")
    if not COMMAND.exists():
        pytest.skip(f"no installed briefreader command at {COMMAND}")
    name = f"briefreader-hostile-{os.getpid()}-{next(SESSIONS)}"  # never the last test's
    env = (
        f"BRIEFREADER_DATA_DIR={tmp_path / 'data'} BRIEFREADER_CACHE_DIR={tmp_path / 'cache'} "
        "TERM=xterm-256color"
    )
    quoted = " ".join(f"'{a}'" for a in args)
    command = f'env -u COLUMNS -u LINES {env} {COMMAND} {quoted}; echo "exit status $?"; sleep 30'
    new_session(name, (120, 40), "sleep 60")
    tmux("set-option", "-g", "set-clipboard", "on")
    tmux("respawn-pane", "-k", "-t", name, command)
    return name


@pytest.fixture
def terminal() -> Iterator[None]:
    """The tests' tmux server, for `start`, stopped once the test ends."""
    try:
        yield
    finally:
        kill_server()


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """A folder of letters with names that hold escapes, a FIFO and a link to /dev/zero,
    and one letter that is a single 2 MB word."""
    folder = tmp_path / "brieven"
    folder.mkdir()
    (folder / f"x{OSC52}.txt").write_text("")
    (folder / f"t{TITLE}.txt").write_text("")
    os.mkfifo(folder / "pijp.txt")
    (folder / "nul.txt").symlink_to("/dev/zero")
    body = "x" * 2_000_000
    (folder / "lang.txt").write_text(
        f"Betreft: Aaa een lange brief\n\nGeachte voorzitter,\n\n{body}\n\nHoogachtend,\n"
    )
    return folder


def test_hostile_file_names_fifos_and_devices_never_drive_the_terminal(
    tmp_path: Path, hostile_folder: Path, terminal: None
) -> None:
    session = start(tmp_path, str(hostile_folder))
    screen = wait_for(session, "4 file(s) could not be read", "Aaa een lange brief")
    assert screen.count("⚠") >= 4  # listed, not read: the FIFO and /dev/zero did not hang it
    assert tmux("list-buffers").stdout == ""  # nothing reached the clipboard
    title = tmux("display-message", "-p", "-t", session, "#{pane_title}").stdout
    assert "gehackt" not in title
    tmux("send-keys", "-t", session, "q")
    wait_for(session, "exit status 0")


def test_q_quits_a_reader_that_shows_a_two_megabyte_word(
    tmp_path: Path, hostile_folder: Path, terminal: None
) -> None:
    session = start(tmp_path, str(hostile_folder / "lang.txt"))
    wait_for(session, "1 letter")
    tmux("send-keys", "-t", session, "Enter")
    wait_for(session, "§ 1/1", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")  # laid out and drawn
    tmux("send-keys", "-t", session, "G", "q")  # to the end of it, then quit
    wait_for(session, "exit status 0")


def test_a_first_start_over_a_big_folder_parses_and_indexes_in_worker_processes(
    tmp_path: Path, terminal: None
) -> None:
    """Enough letters that parsing and indexing start worker processes, from inside the
    running reader (where stderr is Textual's, without a file descriptor)."""
    from briefreader.library import POOL_MIN as PARSE_POOL
    from briefreader.search.build import POOL_MIN as INDEX_POOL

    folder = tmp_path / "brieven"
    folder.mkdir()
    count = max(PARSE_POOL, INDEX_POOL) + 10
    for n in range(count):
        (folder / f"brief_{n:03d}.txt").write_text(
            " Aan de Voorzitter van de Tweede Kamer der Staten-Generaal \n\n"
            f"Den Haag, {n % 28 + 1} maart 2024 \n\n"
            f"Betreft: Voortgang nummer {n}\n\n"
            f"Hierbij informeer ik uw Kamer over de voortgang, brief nummer {n}. \n\n"
            "De Minister van Buitenlandse Zaken, \nW.B. Hoekstra \n",
            encoding="utf-8",
        )
    session = start(tmp_path, str(folder))
    wait_for(session, f"{count} letters", "Voortgang nummer")
    send(session, "/")
    send(session, "voortgnag")  # a typo: the index answers, not a scan of the titles
    wait_for(session, "hits in all letters", "Voortgang nummer 0  · title")
    send(session, "Escape")  # alone: Escape and q sent together read as Alt+q
    wait_until(session, footer_has("q Quit"), "the search bar closed")
    send(session, "q")
    wait_for(session, "exit status 0")
