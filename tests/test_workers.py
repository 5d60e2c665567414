"""The worker processes that parse and index: they never outlive the program that started them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

SLOW = """
import os, time
from pathlib import Path

def work(chunk):
    (Path(os.environ["PIDS"]) / str(os.getpid())).touch()
    time.sleep(chunk[0])
    return b"x" * 200_000  # more than a pipe holds: a result nobody reads blocks its writer
"""

PARENT = """
import os
from briefreader.catalog.workers import run_chunks
import slow

def done(chunk, result):
    os._exit(0)  # the program ends mid-run: killed, or a reader that quits without waiting

run_chunks(slow.work, [[0.5], [2.0], [2.0], [2.0], [2.0], [2.0]], done, workers=2)
"""


def alive(pid: int) -> bool:
    """Whether process `pid` still runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_workers_leave_when_the_program_that_started_them_ends(tmp_path: Path) -> None:
    """A program that ends while its workers are mid-chunk, with chunks still queued, leaves
    no process behind: they used to wait for ever (70 MB each) and hold its output open."""
    (tmp_path / "slow.py").write_text(textwrap.dedent(SLOW))
    pids = tmp_path / "pids"
    pids.mkdir()
    env = dict(os.environ, PIDS=str(pids), PYTHONPATH=str(tmp_path))
    subprocess.run(
        [sys.executable, "-c", PARENT], env=env, check=True, timeout=60, stdout=subprocess.DEVNULL
    )
    workers = [int(p.name) for p in pids.iterdir()]
    assert workers  # the program ended with work under way and more queued
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if alive(pid)]
