"""Bad input gets a one-line answer naming the file, exit 1, and no traceback, ever."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "001_c2f46bf8e516480e.txt"


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BRIEFREADER_DATA_DIR": str(tmp_path / "data"),
        "BRIEFREADER_CACHE_DIR": str(tmp_path / "cache"),
    }
    env.pop("BRIEFREADER_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "briefreader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def assert_user_error(proc: subprocess.CompletedProcess[str], name: str, problem: str) -> None:
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert name in lines[0] and problem in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"  \n\n \r\n"), "is empty"),
        (lambda p: p.write_bytes(b"ELF\x00\x01\x02binary"), "binary"),
        (lambda p: p.write_bytes(b"%PDF-1.7\n..."), "PDF"),
        (lambda p: p.mkdir(), "directory"),
        (lambda p: None, "no such file"),
    ],
    ids=["empty", "blank", "binary", "pdf", "directory", "missing"],
)
def test_parse_refuses_with_one_line(make, problem: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "brief.txt"
    make(target)
    proc = run("parse", str(target), tmp_path=tmp_path)
    assert_user_error(proc, str(target), problem)
    assert proc.stdout == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("Tekst.\n")
    target.chmod(0)
    assert_user_error(run("parse", str(target), tmp_path=tmp_path), str(target), "permission")


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("cp1252"),
        lambda s: s.encode("latin-1"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
        lambda s: s.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["cp1252", "latin1", "bom", "crlf", "cr"],
)
def test_encodings_and_line_ends_read_correctly(encode, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        " Aan de Voorzitter van de Tweede Kamer der Staten-Generaal \n\n"
        "Den Haag, 3 februari 2022 \n\n"
        "De situatie in Oekraïne en Moldavië is zorgelijk; de coöperatie met de\n"
        "EU-partners blijft geïntensiveerd.\n\n"
        "Reisadvies Oekraïne\n\nHet reisadvies is oranje.\n"
    )
    target = tmp_path / "brief.txt"
    target.write_bytes(encode(text))
    proc = run("parse", "--json", str(target), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["date"] == "2022-02-03"
    assert doc["sections"][0]["paragraphs"] == [
        "De situatie in Oekraïne en Moldavië is zorgelijk; de coöperatie met de "
        "EU-partners blijft geïntensiveerd."
    ]
    assert [s["title"] for s in doc["sections"]] == [None, "Reisadvies Oekraïne"]
    assert "\ufeff" not in proc.stdout and "\r" not in proc.stdout


def test_terminal_escapes_never_reach_the_output(tmp_path: Path) -> None:
    hostile = (
        "Den Haag, 3 februari 2022\n\n"
        "Het \x1b[31mkabinet\x1b[0m stuurt\x07 een \x1b]52;c;ZXZpbA==\x07brief "
        "over \x1b]0;titel\x1b\\de \x9b2Jsituatie.\n"
    )
    target = tmp_path / "brief.txt"
    target.write_text(hostile, encoding="utf-8")
    proc = run("parse", "--json", str(target), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    para = doc["sections"][0]["paragraphs"][0]
    assert para == "Het kabinet stuurt een brief over de situatie."
    plain = run("parse", str(target), tmp_path=tmp_path).stdout
    for bad in ("\x1b", "\x07", "\x9b", "\x00"):
        assert bad not in proc.stdout and bad not in plain


def test_outline_and_json_of_a_sample(tmp_path: Path) -> None:
    outline = run("parse", str(SAMPLE), tmp_path=tmp_path)
    assert outline.returncode == 0
    assert "2022-01-20" in outline.stdout and "W.B. Hoekstra" in outline.stdout
    doc = json.loads(run("parse", str(SAMPLE), "--json", tmp_path=tmp_path).stdout)
    for key in (
        "id",
        "source",
        "kind",
        "title",
        "date",
        "place",
        "recipient",
        "signatories",
        "sections",
        "footnotes",
        "references",
    ):
        assert key in doc
    assert doc["source"] == str(SAMPLE)


@pytest.mark.parametrize(
    "args", [("parse",), ("search", "x", "--limit", "abc"), ("add",)], ids=["parse", "limit", "add"]
)
def test_a_wrong_command_line_is_a_one_line_error(args: tuple[str, ...], tmp_path: Path) -> None:
    proc = run(*args, tmp_path=tmp_path)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1
    assert "--help" in proc.stderr and "Traceback" not in proc.stderr
