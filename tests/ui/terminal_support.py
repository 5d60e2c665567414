"""Helpers for the real-terminal tests: a tmux server of the tests' own, the screen's text."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
# A tmux server of our own: another server's sessions, clients or environment (a COLUMNS
# variable, a smaller attached client) must not change the size of the terminal under test.
SOCKET = f"briefreader-test-{os.getpid()}"


def tmux(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a tmux command on the test's own server."""
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True,
                          check=check)  # fmt: skip


COMMAND = Path(sys.executable).parent / "briefreader"


def capture(session: str) -> str:
    """The text on the terminal's screen now."""
    out = subprocess.run(
        ["tmux", "-L", SOCKET, "capture-pane", "-p", "-t", session],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def wait_until(session: str, holds: Callable[[str], bool], what: str, timeout: float = 30.0) -> str:
    """The screen once `holds(screen)`; fails with the screen (saying `what` was awaited) when
    it never does. The screen is polled: a real terminal has no event to wait on."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = capture(session)
        if holds(screen):
            return screen
        time.sleep(0.05)  # the polling interval, not a wait for a state
    raise AssertionError(f"{what} never came to pass; the screen was:\n{screen}")


def wait_for(session: str, *texts: str) -> str:
    """The screen once all `texts` show on it together."""
    return wait_until(session, lambda screen: all(t in screen for t in texts), repr(texts))


def send(session: str, *keys: str) -> None:
    """Type `keys` (tmux key names or text) into the session."""
    tmux("send-keys", "-t", session, *keys)


def run_session(
    tmp_path: Path, args: tuple[str, ...] = (), size: tuple[int, int] = (120, 40)
) -> Iterator[str]:
    """A tmux session (120x40 unless `size` says) running `briefreader` with tmp data and
    cache dirs, on `args` (paths to open; none: the library, which shows the samples)."""
    if TMUX is None:
        pytest.skip("tmux is not installed: the real-terminal test needs it (.ci/run installs it)")
    if not COMMAND.exists():
        pytest.skip(f"no installed briefreader command at {COMMAND}")
    name = f"briefreader-test-{os.getpid()}"
    env = {
        "BRIEFREADER_DATA_DIR": str(tmp_path / "data"),
        "BRIEFREADER_CACHE_DIR": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    command = f"env -u COLUMNS -u LINES {exports} {COMMAND} {shlex.join(args)}; sleep 5"
    new_session(name, size, command)
    try:
        yield name
    finally:
        kill_server()


def new_session(name: str, size: tuple[int, int], command: str) -> None:
    """A detached session `name` of `size` running `command` on the tests' server. The last
    test's server may still be going away (tmux then says "server exited unexpectedly"), so a
    failed start is tried again for up to ten seconds."""
    made = None
    for _ in range(100):
        made = tmux(
            "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), command,
            check=False,
        )  # fmt: skip
        if made.returncode == 0:
            return
        time.sleep(0.1)
    assert made is not None and made.returncode == 0, made and made.stderr


def kill_server() -> None:
    """Stop the tests' tmux server and wait (up to five seconds) until it no longer answers,
    so that the next test starts a server of its own."""
    tmux("kill-server", check=False)
    for _ in range(50):
        if tmux("list-sessions", check=False).returncode != 0:
            return
        time.sleep(0.1)
