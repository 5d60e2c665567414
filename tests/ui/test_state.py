"""Reading state: a position is section + paragraph + quote, found again in a changed letter."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefreader import locations
from briefreader.ingest import read_letter_text
from briefreader.model import Letter, Paragraph
from briefreader.notes import Store, find_position
from briefreader.notes.reading import LAST_LETTER
from briefreader.parsing import parse_letter
from briefreader.ui.state import ReadingState


def sample(prefix: str) -> Letter:
    path = next(Path(locations.samples_dir()).glob(f"{prefix}_*.txt"))
    return parse_letter(read_letter_text(path), str(path))


def test_position_round_trip_and_last_letter(tmp_path: Path) -> None:
    letter = sample("000")
    state = ReadingState(Store.open(tmp_path))
    assert state.position(letter) == (0, 0)  # never opened: the start
    state.save(letter, 3, 2)
    again = ReadingState(Store.open(tmp_path))
    assert again.position(letter) == (3, 2)
    assert again.setting(LAST_LETTER) == letter.id


def test_a_paragraph_added_before_the_place_does_not_lose_it(tmp_path: Path) -> None:
    letter = sample("000")
    state = ReadingState(Store.open(tmp_path))
    state.save(letter, 3, 2)
    section = letter.sections[3]
    added = (Paragraph("Een nieuwe alinea die eerst ontbrak."), *section.paragraphs)
    changed = replace(
        letter,
        sections=(*letter.sections[:3], replace(section, paragraphs=added), *letter.sections[4:]),
    )
    store = Store.open(tmp_path)
    stored = store.position(letter.id)
    assert find_position(changed, stored) == (3, 3)


def test_a_place_past_the_end_is_clamped(tmp_path: Path) -> None:
    letter = sample("001")
    state = ReadingState(Store.open(tmp_path))
    state.save(letter, 0, 5)
    shorter = replace(letter, sections=letter.sections[:1])
    store = Store.open(tmp_path)
    stored = store.position(letter.id)
    assert stored is not None
    section, paragraph = find_position(shorter, replace(stored, section_index=9, quote=""))
    assert section == 0 and 0 <= paragraph < len(shorter.sections[0].paragraphs)


def test_a_read_only_store_is_reported_once_and_never_raises(tmp_path: Path) -> None:
    letter = sample("001")
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data dir should be")
    state = ReadingState(Store.open(blocker))
    state.save(letter, 0, 1)
    state.set_setting("theme", "nord")
    assert state.take_problem() is not None
    assert state.take_problem() is None  # reported once
