"""The command line as a user types it: options in either place, `add`, `--version`."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from briefreader import __version__
from briefreader.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = SAMPLES / "001_c2f46bf8e516480e.txt"


def test_data_dir_before_or_after_the_command(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path / "a"), "add", str(SAMPLE)]) == 0
    assert main(["add", "--data-dir", str(tmp_path / "b"), str(SAMPLE)]) == 0
    for name in ("a", "b"):
        assert (tmp_path / name / "letters" / SAMPLE.name).read_bytes() == SAMPLE.read_bytes()


def test_add_makes_a_private_data_dir_and_refuses_what_does_not_parse(
    tmp_path: Path, capsys: object
) -> None:
    data = tmp_path / "data"
    bad = tmp_path / "leeg.txt"
    bad.write_text("")
    assert main(["add", "--data-dir", str(data), str(bad)]) == 1
    assert not (data / "letters" / "leeg.txt").exists()
    assert main(["add", "--data-dir", str(data), str(SAMPLE)]) == 0
    for folder in (data, data / "letters"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_python_dash_m_and_version() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "briefreader", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stdout.strip() == f"briefreader {__version__}"


def test_add_takes_what_it_can_and_names_what_it_refuses(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    binary = tmp_path / "binair.txt"
    binary.write_bytes(b"\x00\x01\x02")
    assert main(["add", "--data-dir", str(data), str(binary), str(SAMPLE)]) == 1
    err = capsys.readouterr().err
    assert "binair.txt" in err and "not added" in err
    assert (data / "letters" / SAMPLE.name).exists()
    assert main(["add", "--data-dir", str(data), str(SAMPLES)]) == 0
    assert len(list((data / "letters").iterdir())) == 5
