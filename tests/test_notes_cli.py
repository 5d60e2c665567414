"""`briefreader notes` and `briefreader export` from the shell, as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefreader.cli import main
from briefreader.ingest import read_letter_text
from briefreader.locations import samples_dir
from briefreader.model import Letter
from briefreader.notes import DB_NAME, Store, anchor_for
from briefreader.parsing import parse_letter

SAMPLES = sorted(samples_dir().glob("*.txt"))


def _letter(path: Path) -> Letter:
    return parse_letter(read_letter_text(path), str(path))


@pytest.fixture
def dirs(tmp_path: Path) -> list[str]:
    return ["--data-dir", str(tmp_path / "data"), "--cache-dir", str(tmp_path / "cache")]


def _annotate(data: Path, letter: Letter, note: str, tags: list[str]) -> int:
    with Store.open(data) as store:
        anchor = anchor_for(letter, 1, 0, 0, 60)
        return store.add(anchor, note, tags, letter.title, letter.sections[1].title).id


def test_no_notes_yet(dirs: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", *dirs]) == 0
    assert "No notes yet" in capsys.readouterr().out
    assert main(["notes", "--json", *dirs]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_notes_lists_and_exports(
    tmp_path: Path, dirs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _letter(SAMPLES[0]), _letter(SAMPLES[2])
    a = _annotate(tmp_path / "data", first, "Let op de datum", ["navo"])
    b = _annotate(tmp_path / "data", second, "Vergelijk met 2022", [])
    assert main(["notes", *dirs]) == 0
    out = capsys.readouterr().out
    assert first.title[:60] in out and "Let op de datum" in out and "[navo]" in out
    assert main(["notes", "--json", *dirs]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rows} == {a, b}
    row = next(r for r in rows if r["id"] == a)
    assert row["quote"] == first.sections[1].paragraphs[0].text[:60] and not row["detached"]
    assert row["letter"] == first.id and row["tags"] == ["navo"]

    # export to stdout: Markdown that parses, with both notes
    assert main(["export", *dirs]) == 0
    md = capsys.readouterr().out
    assert md.startswith("---\n") and "notes: 2" in md
    assert "Let op de datum" in md and "Vergelijk met 2022" in md
    assert any(t.type == "blockquote_open" for t in MarkdownIt("commonmark").parse(md))

    # export -o: a file; exporting again replaces it
    target = tmp_path / "memo" / "notes.md"
    assert main(["export", "-o", str(target), *dirs]) == 0
    assert "wrote 2 notes on 2 letters" in capsys.readouterr().err
    _annotate(tmp_path / "data", first, "Nog een", [])
    assert main(["export", "-o", str(target), *dirs]) == 0
    assert "notes: 3" in target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["notes.md"]

    # export PATH: only the notes on letters under that path
    assert main(["export", str(SAMPLES[2]), *dirs]) == 0
    md = capsys.readouterr().out
    assert "Vergelijk met 2022" in md and "Let op de datum" not in md


def test_notes_follow_a_corrected_letter(
    tmp_path: Path, dirs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "data" / "letters"
    library.mkdir(parents=True)
    original = library / "brief.txt"
    shutil.copyfile(SAMPLES[0], original)
    letter = _letter(original)
    aid = _annotate(tmp_path / "data", letter, "blijft bewaard", ["x"])
    text = original.read_text(encoding="utf-8")
    original.unlink()
    (library / "brief-v2.txt").write_text(text.replace("dialoog", "overleg"), encoding="utf-8")
    assert main(["notes", "--json", *dirs]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["id"] == aid and not row["detached"] and row["letter"] != letter.id
    assert row["note"] == "blijft bewaard"
    # and when the letter is gone altogether, the note is kept under its letter, which is
    # said to be missing: not "detached", which means the letter is there but not the passage
    (library / "brief-v2.txt").unlink()
    shutil.copyfile(SAMPLES[1], library / "ander.txt")
    assert main(["notes", *dirs]) == 0
    out = capsys.readouterr().out
    assert "(not in the library now)" in out and "blijft bewaard" in out
    assert "Detached" not in out
    assert main(["notes", "--json", *dirs]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert not row["in_library"] and not row["detached"] and row["note"] == "blijft bewaard"
    # Not stored as detached either: the reader may open that letter from another folder.
    stored = Store.open(tmp_path / "data").get(aid)
    assert stored is not None and not stored.detached and stored.note == "blijft bewaard"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefreader", *args], capture_output=True, text=True, timeout=60
    )


def test_a_damaged_database_is_reported_and_the_command_carries_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).write_bytes(b"\x00garbage" * 300)
    done = _run("notes", "--data-dir", str(data), "--cache-dir", str(tmp_path / "c"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert "damaged" in line and "kept it as notes.sqlite.damaged-" in line
    assert "No notes yet" in done.stdout
    assert len(list(data.glob("notes.sqlite.damaged-*"))) == 1


def test_export_to_a_place_that_cannot_be_written(tmp_path: Path, dirs: list[str]) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    done = _run("export", "-o", str(blocker / "notes.md"), *dirs)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"briefreader: {blocker / 'notes.md'}: cannot write")


def test_notes_in_a_read_only_data_dir(tmp_path: Path, dirs: list[str]) -> None:
    from tests.test_store_damage import read_only

    data = tmp_path / "data"
    _annotate(data, _letter(SAMPLES[0]), "alleen lezen", [])
    with read_only(data):
        done = _run("notes", *dirs)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "alleen lezen" in done.stdout
    assert "read-only" in done.stderr and "will not be saved" in done.stderr
    assert os.access(data, os.W_OK)
