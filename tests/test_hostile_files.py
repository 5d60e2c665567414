"""Hostile files never hurt the user: names and text that would drive the terminal, stray C1
bytes, FIFOs and devices, and `add` / `export -o` that must never overwrite or follow links.

(Issue 10, items 1-4, 8, 9, 11, 13; the reader's side is in ui/test_hostile_reader.py and the
real terminal's in ui/test_terminal.py.)
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefreader import files
from briefreader.cli import add as adding
from briefreader.cli import main
from briefreader.errors import UserError
from briefreader.ingest import read_bytes
from briefreader.library import Library
from briefreader.notes import Anchor, Store
from briefreader.textsafe import clean_text_chars, json_safe, shown_name, shown_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = SAMPLES / "001_c2f46bf8e516480e.txt"
OSC52 = "\x1b]52;c;cHduZWQ=\x07"  # "pwned" to the terminal's clipboard
TITLE = "\x1b]0;gehackt\x07\x1b[2J"  # a window title, then clear the screen
# What a terminal obeys or what changes how a line reads: ESC, BEL, C1 controls (CSI, OSC,
# DCS), bidi overrides and isolates, zero-width characters and tag characters.
OBEYED = ("\x1b", "\x07", "\x9b", "\x9d", "\x90", "\u202e", "\u2066", "\u200b", "\U000e0041")
LETTER = "Geachte voorzitter,\n\nDe eerste alinea van de brief.\n\nHoogachtend,\n"


def run(*args: str, tmp_path: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command line as a user runs it (a hang guard, not a speed goal)."""
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
        cwd=cwd,
        errors="surrogateescape",
    )


def assert_safe(out: str) -> None:
    for char in OBEYED:
        assert char not in out, f"{char!r} reached the terminal: {out!r}"


# -- 1: names and text shown -----------------------------------------------------------------


def test_one_sanitiser_removes_escapes_bidi_zero_width_and_tags() -> None:
    text = f"Een{OSC52} brief\u202eomgekeerd\u202c met\u200bnul\U000e0041 en \x9b31mkleur"
    for shown in (clean_text_chars(text), shown_text(text), shown_name(text)):
        assert_safe(shown)
    assert shown_text(text) == "Een briefomgekeerd metnul en kleur"
    # a name stays recognisable and on one line: each unsafe character shows as ?
    assert shown_name("brief\nnaam\x1b.txt") == "brief?naam?.txt"
    # JSON keeps the data, escaped
    assert json.loads(json_safe(json.dumps("a\x9d\u202eb", ensure_ascii=False))) == "a\x9d\u202eb"


@pytest.mark.parametrize("name", [f"x{OSC52}.txt", f"t{TITLE}.txt", "twee\nregels.txt"])
def test_file_names_reach_no_terminal_and_errors_stay_one_line(name: str, tmp_path: Path) -> None:
    folder = tmp_path / "brieven"
    folder.mkdir()
    (folder / name).write_text("")  # empty: every command names it in an error
    (folder / "goed.txt").write_text(LETTER)
    for args in (
        ("parse", str(folder / name)),
        ("add", str(folder / name)),
        ("search", "alinea", str(folder)),
    ):
        proc = run(*args, tmp_path=tmp_path)
        assert_safe(proc.stdout + proc.stderr)
        errors = proc.stderr.strip().splitlines()
        assert len(errors) == 1 and "is empty" in errors[0], proc.stderr
        assert "Traceback" not in proc.stderr


def test_added_file_names_are_printed_safely(tmp_path: Path) -> None:
    letter = tmp_path / f"x{OSC52}.txt"
    letter.write_text(LETTER)
    proc = run("add", str(letter), tmp_path=tmp_path)
    assert proc.returncode == 0
    assert_safe(proc.stdout)
    assert proc.stdout.startswith("added ")


def test_letter_text_with_escapes_is_printed_without_them(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(f"Geachte voorzitter,\n\nDe{OSC52} alinea\u202e met{TITLE} tekst.\n")
    for args in (("parse", str(letter)), ("parse", "--json", str(letter))):
        proc = run(*args, tmp_path=tmp_path)
        assert proc.returncode == 0
        assert_safe(proc.stdout)
    assert "De alinea met tekst." in run("parse", str(letter), tmp_path=tmp_path).stdout


# -- 2: a stray C1 byte or an unterminated OSC ---------------------------------------------------


@pytest.mark.parametrize("stray", [b"\x9d", b"\x90", b"\x1b]0;titel zonder einde"])
def test_a_stray_c1_byte_or_unterminated_osc_keeps_the_rest_of_the_letter(
    stray: bytes, tmp_path: Path
) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_bytes(
        b"Geachte voorzitter,\n\nDe eerste alinea over \xc3\xa9\xc3\xa9n zaak."
        + stray
        + b"\n\nDe tweede alinea.\n\nDe derde alinea.\n\nHoogachtend,\n"
    )
    proc = run("parse", "--json", str(letter), tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    parsed = json.loads(proc.stdout)
    text = " ".join([parsed["title"], *(p for s in parsed["sections"] for p in s["paragraphs"])])
    assert "De tweede alinea." in text and "De derde alinea." in text
    assert "één zaak" in text  # still read as UTF-8: a stray byte does not garble the rest
    assert_safe(text)


# -- 3, 4: FIFOs and devices ---------------------------------------------------------------------


def test_a_fifo_is_refused_by_parse_search_and_add_without_waiting(tmp_path: Path) -> None:
    folder = tmp_path / "brieven"
    folder.mkdir()
    fifo = folder / "pijp.txt"
    os.mkfifo(fifo)
    (folder / "goed.txt").write_text(LETTER)
    for args in (("parse", str(fifo)), ("add", str(fifo)), ("search", "alinea", str(folder))):
        proc = run(*args, tmp_path=tmp_path)  # a FIFO with no writer would block forever
        assert "pijp.txt: is not a regular file" in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data" / "letters" / "pijp.txt").exists()


def test_a_link_to_dev_zero_is_refused_not_read_without_end(tmp_path: Path) -> None:
    link = tmp_path / "z.txt"
    link.symlink_to("/dev/zero")
    proc = run("parse", str(link), tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "z.txt: is not a regular file (a device)" in proc.stderr
    entries = Library([tmp_path], None).scan()
    assert [e.error for e in entries] == ["is not a regular file (a device); not read"]


def test_the_size_limit_holds_for_what_is_read_not_what_stat_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "groot.txt"
    big.write_text("woord " * 1000)
    monkeypatch.setattr("briefreader.ingest.MAX_BYTES", 4000)
    with pytest.raises(UserError, match="too large"):
        read_bytes(big)


# -- 8: add --------------------------------------------------------------------------------------


def _add(tmp_path: Path, *paths: Path) -> int:
    return main(["add", "--data-dir", str(tmp_path / "data"), *map(str, paths)])


def test_add_never_overwrites_another_letter_of_the_same_name(tmp_path: Path) -> None:
    letters = tmp_path / "data" / "letters"
    letters.mkdir(parents=True)
    (letters / "brief.txt").write_text(LETTER)
    (letters / "brief-2.txt").write_text(LETTER.replace("eerste", "tweede"))
    new = tmp_path / "elders" / "brief.txt"
    new.parent.mkdir()
    new.write_text(LETTER.replace("eerste", "derde"))
    assert _add(tmp_path, new) == 0
    texts = sorted(p.read_text() for p in letters.iterdir())
    assert len(texts) == 3 and all("Geachte" in t for t in texts)
    assert {("eerste" in t, "tweede" in t, "derde" in t) for t in texts} == {
        (True, False, False),
        (False, True, False),
        (False, False, True),
    }
    assert _add(tmp_path, new) == 0  # the same letter again: not a fourth copy
    assert len(list(letters.iterdir())) == 3


def test_add_works_where_the_file_system_has_no_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # as os.link on FAT or a share

    monkeypatch.setattr(os, "link", no_links)
    letters = tmp_path / "data" / "letters"
    letters.mkdir(parents=True)
    (letters / "brief.txt").write_text(LETTER)
    new = tmp_path / "elders" / "brief.txt"
    new.parent.mkdir()
    new.write_text(LETTER.replace("eerste", "derde"))
    assert _add(tmp_path, new) == 0
    assert (letters / "brief.txt").read_text() == LETTER  # never replaced
    assert "derde" in (letters / "brief-2.txt").read_text()
    assert sorted(p.name for p in letters.iterdir()) == ["brief-2.txt", "brief.txt"]


def test_add_never_writes_through_a_link_in_the_library(tmp_path: Path) -> None:
    outside = tmp_path / "buiten.txt"
    outside.write_text("niet van briefreader\n")
    letters = tmp_path / "data" / "letters"
    letters.mkdir(parents=True)
    (letters / "brief.txt").symlink_to(outside)
    (letters / "brief-2.txt").symlink_to(tmp_path / "bestaat-niet.txt")  # dangling
    new = tmp_path / "brief.txt"
    new.write_text(LETTER)
    assert _add(tmp_path, new) == 0
    assert outside.read_text() == "niet van briefreader\n"
    assert not (tmp_path / "bestaat-niet.txt").exists()
    assert (letters / "brief-3.txt").read_text() == LETTER


def test_a_failed_copy_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    assert _add(tmp_path, SAMPLE) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list((tmp_path / "data" / "letters").iterdir()) == []


def test_add_copies_the_bytes_it_checked_not_a_file_changed_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(LETTER)
    checked = adding.letter_from_bytes

    def check_then_change(data: bytes, source: str):  # type: ignore[no-untyped-def]
        got = checked(data, source)
        letter.write_bytes(b"\x00\x01 replaced after the check")  # would be refused
        return got

    monkeypatch.setattr(adding, "letter_from_bytes", check_then_change)
    assert _add(tmp_path, letter) == 0
    assert (tmp_path / "data" / "letters" / "brief.txt").read_text() == LETTER


# -- 9: export -o --------------------------------------------------------------------------------


def _export(tmp_path: Path, target: str) -> int:
    return main(["export", "--data-dir", str(tmp_path / "data"), "-o", target, str(SAMPLE)])


def test_export_never_replaces_a_fifo_a_device_or_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    outside = tmp_path / "buiten.md"
    outside.write_text("van de gebruiker\n")
    link = tmp_path / "link.md"
    link.symlink_to(outside)
    targets = [fifo, link]
    if os.geteuid() == 0:  # only root may make a device node
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append(device)
    for target in targets:
        capsys.readouterr()
        assert _export(tmp_path, str(target)) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "not replaced" in err[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert link.is_symlink() and outside.read_text() == "van de gebruiker\n"
    if os.geteuid() == 0:
        assert stat.S_ISCHR((tmp_path / "null").lstat().st_mode)


def test_export_to_a_regular_file_or_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "notities.md"
    target.write_text("oud\n")
    assert _export(tmp_path, str(target)) == 0
    assert target.read_text().startswith("---")
    assert _export(tmp_path, "-") == 0
    assert capsys.readouterr().out.startswith("---")
    assert not (tmp_path / "-").exists()


# -- 11: note text -------------------------------------------------------------------------------


def test_note_text_is_printed_without_escapes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store.open(data) as store:
        anchor = Anchor("brief", 0, 0, 0, 5, f"citaat{OSC52}", "", "")
        store.add(anchor, f"notitie{TITLE} over \u202edefensie\u202c", ["tag\x9b"], "Brief", None)
    for args in (
        ("notes",),
        ("notes", "--json"),
        ("export",),
        ("search", "defensie", str(SAMPLE)),
        ("search", "defensie", str(SAMPLE), "--json"),
    ):
        proc = run(*args, tmp_path=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "notitie" in proc.stdout, args
        assert_safe(proc.stdout + proc.stderr)
    notes = json.loads(run("notes", "--json", tmp_path=tmp_path).stdout)
    assert notes[0]["note"] == f"notitie{TITLE} over \u202edefensie\u202c"  # the data is whole


# -- 13: --limit ---------------------------------------------------------------------------------


def test_a_huge_limit_is_not_an_internal_error(tmp_path: Path) -> None:
    proc = run(
        "search", "kabinet", str(SAMPLES), "--limit", "99999999999999999999", tmp_path=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() and "internal error" not in proc.stderr
