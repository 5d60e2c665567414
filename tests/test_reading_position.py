"""The reading position follows a corrected letter: same document, new text, new id."""

from __future__ import annotations

from pathlib import Path

from briefreader.library import Library
from briefreader.notes import Store
from briefreader.notes.reading import last_read, reading_position, save_reading_position
from briefreader.sources.named import read_named

BODY = [
    "Eerste alinea over de begroting.",
    "Tweede alinea over de NAVO-top in Vilnius.",
    "Derde alinea over de steun aan Oekraïne.",
    "Vierde alinea met de planning.",
]


def _write(path: Path, paragraphs: list[str]) -> None:
    path.write_text(
        "Den Haag, 3 februari 2022\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
    )


def _place(letter, words: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return next(
        (si, pi)
        for si, s in enumerate(letter.sections)
        for pi, p in enumerate(s.paragraphs)
        if words in p.text
    )


def test_a_corrected_letter_keeps_its_reading_position(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    path = folder / "kst-36045-151.txt"
    _write(path, BODY)
    store = Store.open(tmp_path / "data")
    first = read_named(path)
    save_reading_position(store, first, *_place(first, "steun aan Oekraïne"))
    # The publisher corrects a typo in the first paragraph: new text, new id, same document.
    _write(path, ["Eerste alinea over de begroting 2024.", *BODY[1:]])
    corrected = read_named(path)
    assert corrected.id != first.id and corrected.identifier == "kst-36045-151"
    assert reading_position(store, corrected) == _place(corrected, "steun aan Oekraïne")
    library = Library([folder], tmp_path / "cache")
    library.scan()
    last = last_read(store, library)
    assert last is not None and last.id == corrected.id


def test_a_moved_copy_without_identifier_follows_by_path(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    _write(path, BODY)
    store = Store.open(tmp_path / "data")
    first = read_named(path)
    assert first.identifier is None
    save_reading_position(store, first, *_place(first, "planning"))
    _write(path, [*BODY[:1], "Een nieuwe alinea ingevoegd.", *BODY[1:]])
    corrected = read_named(path)
    assert reading_position(store, corrected) == _place(corrected, "planning")


def test_a_letter_never_read_opens_at_the_start(tmp_path: Path) -> None:
    path = tmp_path / "kst-36045-151.txt"
    _write(path, BODY)
    other = tmp_path / "kst-36045-152.txt"
    _write(other, BODY[:2])
    store = Store.open(tmp_path / "data")
    save_reading_position(store, read_named(path), *_place(read_named(path), "planning"))
    assert reading_position(store, read_named(other)) == (0, 0)
