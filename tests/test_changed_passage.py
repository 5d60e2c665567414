"""A note whose passage was corrected in the letter: marked changed, its own quote kept and
the new wording beside it, alike in `notes --json`, `notes` and the export; every passage
cited in the Dutch convention with its page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefreader.cli import main
from briefreader.notes import Store, anchor_for
from briefreader.sources.named import read_named

OLD = "De regering steunt het voorstel van de Commissie volledig en zonder voorbehoud."
NEW = "De regering steunt het voorstel van de Commissie grotendeels en met voorbehoud."
KEPT = "Over de planning wordt de Kamer voor de zomer nader geïnformeerd door het kabinet."


def _text(middle: str) -> str:
    filler = "\n".join(f"Regel {n} van de eerste pagina met wat tekst erin." for n in range(6))
    return (
        f"Den Haag, 3 februari 2022\n\n{filler}\n\f{middle}\n\n{KEPT}\n\n"
        "De Minister van Buitenlandse Zaken,\n\nW.B. Hoekstra\n"
    )


def _where(letter, words: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return next(
        (si, pi)
        for si, s in enumerate(letter.sections)
        for pi, p in enumerate(s.paragraphs)
        if p.text.startswith(words)
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A library with Kamerstuk 36 045, nr. 151 and two notes on its second page; then the
    letter is corrected in the first noted passage."""
    data = tmp_path / "data"
    path = data / "letters" / "kst-36045-151.txt"
    path.parent.mkdir(parents=True)
    path.write_text(_text(OLD), encoding="utf-8")
    letter = read_named(path)
    store = Store.open(data)
    for words, note in ((OLD[:20], "steun"), (KEPT[:20], "planning")):
        si, pi = _where(letter, words)
        store.add(anchor_for(letter, si, pi), note, [], letter.title, None)
    store.close()
    path.write_text(_text(NEW), encoding="utf-8")
    return data


def _run(data: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(data), "--cache-dir", str(data.parent / "cache")])


def test_notes_json_marks_the_changed_passage(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data, "notes", "--json") == 0
    rows = {r["note"]: r for r in json.loads(capsys.readouterr().out)}
    changed, same = rows["steun"], rows["planning"]
    assert (changed["changed"], changed["quote"], changed["now"]) == (True, OLD, NEW)
    assert not changed["detached"]
    assert (same["changed"], same["now"], same["quote"]) == (False, None, KEPT)
    assert changed["citation"] == "(Kamerstuk 36 045, nr. 151, p. 2)"


def test_notes_listing_shows_old_and_new(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data, "notes") == 0
    out = capsys.readouterr().out
    assert "“De regering steunt het voorstel van de Commissie volledig" in out
    assert "changed: now reads “De regering steunt het voorstel van de Commissie grotendeels" in out
    assert out.count("changed:") == 1


def test_export_keeps_the_quote_and_shows_the_new_text(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data, "export") == 0
    out = capsys.readouterr().out
    assert f"> {OLD}" in out and f"> {KEPT}" in out
    assert f"it now reads:* “{NEW}”" in out
    assert out.count("now reads") == 1
    assert out.count("— (Kamerstuk 36 045, nr. 151, p. 2)") == 2
    assert "- Cited as: Kamerstuk 36 045, nr. 151" in out
    # Running again (the store now holds the placement) gives the same.
    assert _run(data, "export") == 0
    assert capsys.readouterr().out.count("now reads") == 1
