"""The index on disk: built once, updated by letter id, and only ever a cache."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from briefreader.library import Library
from briefreader.search import SearchIndex

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def scanned(folder: Path, cache: Path) -> Library:
    lib = Library([folder], cache)
    lib.scan()
    return lib


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A library folder holding two of the samples."""
    out = tmp_path / "letters"
    out.mkdir()
    for name in ("000", "002"):
        src = next(SAMPLES.glob(f"{name}_*.txt"))
        shutil.copy(src, out / src.name)
    return out


def test_index_is_kept_in_the_cache_dir_and_reused(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    lib = scanned(folder, cache)
    first = SearchIndex.open(cache)
    first.update(lib)
    first.close()
    assert (cache / "search.sqlite").is_file()

    calls: list[tuple[int, int]] = []
    again = SearchIndex.open(cache)
    again.update(scanned(folder, cache), progress=lambda done, total: calls.append((done, total)))
    assert calls == []  # nothing new: nothing indexed again
    assert again.search("Gazprom")


def test_adding_changing_and_removing_letters(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    index = SearchIndex.open(cache)
    index.update(scanned(folder, cache))
    assert len(index.letter_ids()) == 2
    assert index.search("Budapest Memorandum")  # in 000
    assert not index.search("Accountability")  # in 004, not in the folder

    src = next(SAMPLES.glob("004_*.txt"))
    shutil.copy(src, folder / src.name)
    calls: list[tuple[int, int]] = []
    index.update(scanned(folder, cache), progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (1, 1)  # only the new letter was indexed
    assert index.search("Accountability")[0].kind == "heading"

    # A changed letter is a new letter (ids are content hashes): the old text goes.
    path = next(folder.glob("000_*.txt"))
    path.write_text(
        path.read_text(encoding="utf-8").replace("zogeheten Budapest", "zogeheten Boedapest"),
        encoding="utf-8",
    )
    index.update(scanned(folder, cache))
    assert len(index.letter_ids()) == 3
    assert not index.search('"Budapest Memorandum"')
    assert index.search('"Boedapest Memorandum"')

    next(folder.glob("002_*.txt")).unlink()
    index.update(scanned(folder, cache))
    assert len(index.letter_ids()) == 2
    assert not index.search("KLM")
    # The vocabulary forgets words only the removed letter had, so typos cannot reach them.
    assert "klm" not in index.vocabulary().counts


def test_deleting_or_damaging_the_cache_only_costs_a_rebuild(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    index = SearchIndex.open(cache)
    index.update(scanned(folder, cache))
    index.close()

    (cache / "search.sqlite").write_bytes(b"this is not a database" * 100)
    for extra in cache.glob("search.sqlite-*"):
        extra.unlink()
    damaged = SearchIndex.open(cache)
    assert damaged.path == cache / "search.sqlite"  # rebuilt on disk, not just in memory
    damaged.update(scanned(folder, cache))
    assert damaged.search("Gazprom")
    damaged.close()

    (cache / "search.sqlite").unlink()
    rebuilt = SearchIndex.open(cache)
    assert rebuilt.letter_ids() == set()
    rebuilt.update(scanned(folder, cache))
    assert rebuilt.search("Gazprom")


def test_an_index_of_another_schema_is_rebuilt(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    index = SearchIndex.open(cache)
    index.update(scanned(folder, cache))
    with index.db:
        index.db.execute("UPDATE meta SET value = 'old' WHERE key = 'schema'")
    index.close()
    again = SearchIndex.open(cache)
    assert again.letter_ids() == set()
    again.update(scanned(folder, cache))
    assert again.search("Gazprom")


def test_search_within_given_letters(folder: Path) -> None:
    index = SearchIndex.open(None)
    lib = scanned(folder, None)  # type: ignore[arg-type]
    index.update(lib)
    everywhere = {h.letter_id for h in index.search("oekraine", limit=50)}
    assert len(everywhere) == 2
    one = sorted(everywhere)[0]
    assert {h.letter_id for h in index.search("oekraine", limit=50, letter_ids=[one])} == {one}
    assert index.search("oekraine", letter_ids=[]) == []
    many = [one] + [f"not-a-letter-{i}" for i in range(100)]  # filtered, not by row range
    assert {h.letter_id for h in index.search("oekraine", limit=50, letter_ids=many)} == {one}


def test_find_reference(folder: Path) -> None:
    src = next(SAMPLES.glob("004_*.txt"))
    shutil.copy(src, folder / src.name)
    index = SearchIndex.open(None)
    index.update(scanned(folder, None))  # type: ignore[arg-type]
    named = index.find_reference("36045-151")
    assert named is not None
    for spelling in ("36 045, nr. 151", "Kamerstuk 36 045, nr. 151", "36045 nr 151", "36045-151"):
        assert index.find_reference(spelling) == named
    assert index.find_reference("36045-150") is None  # another number of that dossier
    assert index.find_reference("21501-02-151") is None  # the number, in another dossier
    assert index.find_reference("Oekraïne") is None


def test_two_readers_updating_one_cache_at_once(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for src in SAMPLES.glob("00[134]_*.txt"):
        shutil.copy(src, folder / src.name)
    indexes = [SearchIndex.open(cache), SearchIndex.open(cache)]
    errors: list[BaseException] = []

    def build(index: SearchIndex) -> None:
        try:
            index.update(scanned(folder, cache))
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=build, args=(i,)) for i in indexes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for index in indexes:
        assert len(index.letter_ids()) == 5
        assert len(index.search("Ollongren")) == 3  # each letter indexed once


def test_a_typo_finds_the_compounds_of_the_corrected_word(tmp_path: Path) -> None:
    letters = tmp_path / "brieven"
    letters.mkdir()
    (letters / "stikstof.txt").write_text(
        "Den Haag, 4 oktober 2023\n\n"
        "De aanpak van stikstof gaat door.\n\n"
        "De provincies krijgen stikstofruimte uit de opkoopregelingen.\n\n"
        "Ook de stikstofdepositie op natuurgebieden daalt.\n",
        encoding="utf-8",
    )
    lib = Library([letters], tmp_path / "cache")
    lib.scan()
    index = SearchIndex.open(None)
    index.update(lib)
    found = {h.snippet for h in index.search("stikstf")}
    assert any("stikstofruimte" in s for s in found)
    assert any("stikstofdepositie" in s for s in found)


def test_the_passage_with_the_words_together_ranks_above_mentions_apart(tmp_path: Path) -> None:
    letters = tmp_path / "brieven"
    letters.mkdir()
    (letters / "bureau.txt").write_text(
        "Den Haag, 4 juni 2024\n\n"
        "Het Bureau Wetgeving helpt bij wetten. Over de begroting besluit de Kamer; het "
        "bureau van de griffie zet de begroting op de agenda, met het Bureau Onderzoek.\n\n"
        "De Kamer wil een eigen Bureau Begroting en Verantwoording.\n",
        encoding="utf-8",
    )
    lib = Library([letters], tmp_path / "cache")
    lib.scan()
    index = SearchIndex.open(None)
    index.update(lib)
    hits = index.search("bureau begroting")
    assert len(hits) == 2
    assert "eigen Bureau Begroting" in hits[0].snippet
