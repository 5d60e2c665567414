"""The README's commands work as written in a checkout: the check_parse line runs the
installed package (`python -m briefreader`), never a `briefreader` that may not be on PATH."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _line(word: str) -> str:
    return next(ln for ln in README.splitlines() if word in ln and ln.startswith("python "))


def test_the_check_parse_line_names_the_python_that_has_the_package() -> None:
    line = _line("check_parse.py")
    args = shlex.split(line)
    cmd = args[args.index("--cmd") + 1]
    assert cmd.startswith("python -m briefreader parse --json")


def test_the_check_parse_line_scores_the_samples_clean() -> None:
    args = shlex.split(_line("check_parse.py"))
    tool = ROOT / args[1]
    if not tool.is_file():
        pytest.skip("the shared folder is not beside this checkout")
    cmd = args[args.index("--cmd") + 1].replace("python", shlex.quote(sys.executable), 1)
    argv = [sys.executable, *args[1 : args.index("--cmd")], "--cmd", cmd]
    run = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "5/5 clean" in run.stdout
