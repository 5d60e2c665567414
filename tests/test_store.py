"""The annotation store: saving, listing, filtering, reading state, settings, permissions."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from briefreader.ingest import read_letter_text
from briefreader.locations import samples_dir
from briefreader.model import Letter
from briefreader.notes import Position, Store, StoreError, anchor_for
from briefreader.parsing import parse_letter


@pytest.fixture(scope="module")
def letter() -> Letter:
    path = sorted(samples_dir().glob("*.txt"))[0]
    return parse_letter(read_letter_text(path), str(path))


def test_open_creates_nothing_until_the_first_write(tmp_path: Path, letter: Letter) -> None:
    data = tmp_path / "data"
    store = Store.open(data)
    assert store.warning is None
    assert store.annotations() == []
    assert store.position("x") is None and store.setting("theme") is None
    assert not data.exists()
    store.add(anchor_for(letter, 1, 0), "note", [], letter.title, letter.sections[1].title)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for f in data.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f


def test_saved_annotations_survive_reopening(tmp_path: Path, letter: Letter) -> None:
    anchor = anchor_for(letter, 2, 1, 5, 30)
    with Store.open(tmp_path) as store:
        made = store.add(anchor, "Let op: datum", ["#Rusland", " rusland ", "NAVO"], "T", "S")
        assert made.tags == ("Rusland", "NAVO")
    with Store.open(tmp_path) as store:
        got = store.get(made.id)
        assert got == made
        assert got is not None and got.anchor.quote == letter.sections[2].paragraphs[1].text[5:30]


def test_anchor_keeps_quote_and_context(letter: Letter) -> None:
    whole = anchor_for(letter, 1, 0)
    para = letter.sections[1].paragraphs[0].text
    assert (whole.start, whole.end, whole.quote) == (0, len(para), para)
    assert whole.prefix.endswith("\n") and len(whole.prefix) == 32
    assert whole.prefix[:-1] in letter.sections[0].paragraphs[-1].text
    part = anchor_for(letter, 1, 0, 10, 20)
    assert part.prefix == para[:10] + "" or part.prefix.endswith(para[:10])
    assert part.suffix == para[20:52]
    with pytest.raises(ValueError):
        anchor_for(letter, 99, 0)


def test_update_delete_and_filters(tmp_path: Path, letter: Letter) -> None:
    store = Store.open(tmp_path)
    a = store.add(anchor_for(letter, 3, 0), "eerste", ["gas"], letter.title, "B")
    b = store.add(anchor_for(letter, 1, 0), "tweede", ["olie", "gas"], letter.title, "A")
    c = store.add(anchor_for(letter, 1, 0, 0, 5), "derde", [], "Other letter", None)
    # reading order within a letter, not the order the notes were made
    assert [x.id for x in store.annotations(letter.id)] == [b.id, c.id, a.id]
    assert {x.id for x in store.annotations(tag="GAS")} == {a.id, b.id}
    assert [x.id for x in store.annotations(text="TWEEDE")] == [b.id]
    assert store.tags() == ["gas", "olie"]
    changed = store.update(a.id, "herzien", ["kolen"])
    assert changed.note == "herzien" and changed.created == a.created
    store.delete(b.id)
    store.close()
    store = Store.open(tmp_path)
    assert store.get(b.id) is None
    assert store.get(a.id) == changed
    assert store.tags() == ["kolen"]
    with pytest.raises(StoreError):
        store.update(12345, "x", [])


def test_position_and_settings(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.set_position("abc", Position(2, 3, "Het kabinet"))
        store.set_position("abc", Position(4, 0, "Tijdens"))
        store.set_setting("theme", "textual-light")
    with Store.open(tmp_path) as store:
        assert store.position("abc") == Position(4, 0, "Tijdens")
        assert store.setting("theme") == "textual-light"


def test_reattach_places_a_detached_annotation(tmp_path: Path, letter: Letter) -> None:
    store = Store.open(tmp_path)
    a = store.add(anchor_for(letter, 1, 0, 0, 9), "n", ["t"], "Oude titel", "Oud")
    store.set_detached(a.id)
    assert store.get(a.id).detached  # type: ignore[union-attr]
    target = anchor_for(letter, 2, 0)
    moved = store.reattach(a.id, target, letter_title=letter.title)
    assert not moved.detached and moved.anchor == target and moved.letter_title == letter.title
    assert moved.note == "n" and moved.tags == ("t",)
    assert Store.open(tmp_path).get(a.id) == moved


def test_listing_kept_in_step_with_writes_matches_a_fresh_load(
    tmp_path: Path, letter: Letter
) -> None:
    """The in-memory order, updated write by write, is what a fresh open sorts from disk."""
    import random

    rng = random.Random(5)
    store = Store.open(tmp_path)
    spots = [(si, pi) for si, s in enumerate(letter.sections) for pi in range(len(s.paragraphs))]
    ids: list[int] = []
    for step in range(60):
        si, pi = rng.choice(spots)
        action = rng.random()
        if action < 0.5 or not ids:
            title = rng.choice([letter.title, "Andere brief", "andere brief"])
            ids.append(store.add(anchor_for(letter, si, pi, 0, 5), f"n{step}", [], title, None).id)
        elif action < 0.7:
            store.update(rng.choice(ids), f"bewerkt {step}", ["x"])
        elif action < 0.8:
            store.delete(ids.pop(rng.randrange(len(ids))))
        elif action < 0.9:
            store.relocate(rng.choice(ids), anchor_for(letter, si, pi), letter_title="Z",
                           section_title=None)  # fmt: skip
        else:
            store.set_detached(rng.choice(ids), rng.random() < 0.5)
        store.annotations()  # keep the in-memory order alive between writes
    fresh = Store.open(tmp_path)
    assert [a.id for a in store.annotations()] == [a.id for a in fresh.annotations()]
    assert store.annotations() == fresh.annotations()


def test_another_connections_writes_are_seen(tmp_path: Path, letter: Letter) -> None:
    """Two readers open at once: what one adds, edits or deletes, the other lists."""
    mine, theirs = Store.open(tmp_path), Store.open(tmp_path)
    kept = mine.add(anchor_for(letter, 1, 0), "van mij", ["a"], letter.title, None)
    assert theirs.get(kept.id) == kept
    assert [a.id for a in mine.annotations()] == [kept.id]  # mine has caught up once
    added = theirs.add(anchor_for(letter, 2, 0), "van hen", ["b"], letter.title, None)
    edited = theirs.update(kept.id, "door hen bewerkt", ["c"])
    gone = theirs.add(anchor_for(letter, 3, 0), "weg", [], letter.title, None)
    theirs.delete(gone.id)
    assert mine.annotations() == [edited, added]
    assert mine.tags() == ["b", "c"]
    assert mine.annotations() == Store.open(tmp_path).annotations()
