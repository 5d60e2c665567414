"""A library sees what changed on disk, and only that costs a parse; an interrupted scan resumes."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

import briefreader.sources.named
from briefreader import library as library_module
from briefreader.cli import main
from briefreader.library import Library
from briefreader.search import SearchIndex


def letter_text(n: int, word: str = "gewoon") -> str:
    return (
        " Aan de Voorzitter van de Tweede Kamer der Staten-Generaal \n\n"
        f"Den Haag, {n % 28 + 1} maart 2024 \n\n"
        f"Hierbij informeer ik uw Kamer over brief nummer {n}, die over {word} gaat. \n\n"
        "De Minister van Buitenlandse Zaken, \nW.B. Hoekstra \n"
    )


def write(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    files = [folder / f"brief_{n:03d}.txt" for n in range(count)]
    for n, path in enumerate(files):
        path.write_text(letter_text(n), encoding="utf-8")
    return files


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed in this process from now on (the pool is kept out: it parses apart)."""
    seen: list[str] = []
    real = briefreader.sources.named.read_named

    def counting(path: Path) -> object:
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(briefreader.sources.named, "read_named", counting)
    monkeypatch.setattr(library_module, "POOL_MIN", 10**9)
    return seen


def touch_later(path: Path, text: str) -> None:
    """Rewrite a file in place, its mtime surely different from before."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_a_second_scan_parses_nothing_and_gives_the_same_list(
    tmp_path: Path, parses: list[str]
) -> None:
    write(tmp_path / "letters", 6)
    first = Library([tmp_path / "letters"], tmp_path / "cache").scan()
    assert len(parses) == 6
    parses.clear()
    again = Library([tmp_path / "letters"], tmp_path / "cache")
    assert again.scan() == first
    assert again.status() == (6, [])
    assert parses == []


def test_a_changed_file_is_parsed_again_a_deleted_one_dropped_an_added_one_found(
    tmp_path: Path, parses: list[str]
) -> None:
    files = write(tmp_path / "letters", 6)
    Library([tmp_path / "letters"], tmp_path / "cache").scan()
    parses.clear()
    touch_later(files[1], letter_text(1, "windmolens"))
    files[2].unlink()
    (tmp_path / "letters" / "nieuw.txt").write_text(letter_text(99), encoding="utf-8")
    entries = Library([tmp_path / "letters"], tmp_path / "cache").scan()
    assert sorted(parses) == ["brief_001.txt", "nieuw.txt"]
    names = sorted(e.path.name for e in entries)
    assert names == ["brief_000.txt", "brief_001.txt", "brief_003.txt"] + [
        "brief_004.txt",
        "brief_005.txt",
        "nieuw.txt",
    ]
    changed = next(e for e in entries if e.path.name == "brief_001.txt")
    lib = Library([tmp_path / "letters"], tmp_path / "cache")
    lib.scan()
    assert "windmolens" in lib.letter(changed.id).sections[0].paragraphs[0].text


def test_an_unreadable_file_is_reported_on_every_run_not_only_the_first(tmp_path: Path) -> None:
    write(tmp_path / "letters", 2)
    (tmp_path / "letters" / "leeg.txt").write_bytes(b"")
    count, broken = Library([tmp_path / "letters"], tmp_path / "cache").status()
    assert (count, [e.path.name for e in broken]) == (3, ["leeg.txt"])
    count, again = Library([tmp_path / "letters"], tmp_path / "cache").status()
    assert (count, again) == (3, broken)


class Interrupted(Exception):
    pass


def test_an_interrupted_scan_keeps_what_it_parsed_and_the_next_one_resumes(
    tmp_path: Path, parses: list[str]
) -> None:
    count = 2 * library_module.CHUNK + 5
    write(tmp_path / "letters", count)

    def stop_after_first_chunk(done: int, total: int) -> None:
        raise Interrupted

    with pytest.raises(Interrupted):
        Library([tmp_path / "letters"], tmp_path / "cache").scan(stop_after_first_chunk)
    assert len(parses) == library_module.CHUNK
    parses.clear()
    progress: list[tuple[int, int]] = []
    entries = Library([tmp_path / "letters"], tmp_path / "cache").scan(
        lambda done, total: progress.append((done, total))
    )
    assert len(entries) == count
    assert len(parses) == count - library_module.CHUNK  # the rest, not all again
    assert progress[-1] == (count - library_module.CHUNK,) * 2


def test_worker_processes_parse_what_one_process_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "letters", library_module.POOL_MIN + 3)

    def not_here(path: Path) -> None:
        raise AssertionError(f"{path} parsed in the main process")

    with monkeypatch.context() as patch:
        patch.setattr(briefreader.sources.named, "read_named", not_here)
        pooled = Library([tmp_path / "letters"], tmp_path / "pooled").scan()
    alone = Library([tmp_path / "letters"], None)
    library_module.POOL_MIN, saved = 10**9, library_module.POOL_MIN
    try:
        assert alone.scan() == pooled
    finally:
        library_module.POOL_MIN = saved
    again = Library([tmp_path / "letters"], tmp_path / "pooled")
    again.scan()
    assert again.letter(pooled[0].id) == alone.letter(pooled[0].id)


def test_search_sees_an_edited_letter_and_forgets_a_deleted_one(tmp_path: Path) -> None:
    files = write(tmp_path / "letters", 4)
    cache = tmp_path / "cache"

    def search(query: str) -> list[str]:
        lib = Library([tmp_path / "letters"], cache)
        lib.status()
        index = SearchIndex.open(cache)
        try:
            index.update(lib)
            return sorted({h.letter_id for h in index.search(query)})
        finally:
            index.close()

    assert search("windmolens") == []
    assert len(search("hoekstra")) == 4
    touch_later(files[0], letter_text(0, "windmolens"))
    files[3].unlink()
    assert len(search("windmolens")) == 1
    assert len(search("hoekstra")) == 3
    assert len(search("hoekstra")) == 3  # in step: nothing read, the same answer


def test_an_index_built_by_worker_processes_answers_as_one_built_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefreader.search import build as index_module

    count = index_module.POOL_MIN + 5
    write(tmp_path / "letters", count)
    lib = Library([tmp_path / "letters"], tmp_path / "cache")
    lib.scan()
    answers = []
    for pool_min in (index_module.POOL_MIN, 10**9):
        monkeypatch.setattr(index_module, "POOL_MIN", pool_min)
        index = SearchIndex.open(tmp_path / f"index-{pool_min}")
        try:
            index.update(lib)
            assert len(index.letter_ids()) == count
            answers.append([(h.letter_id, h.snippet) for h in index.search("brief nummer 17")])
        finally:
            index.close()
    assert answers[0] == answers[1]
    assert answers[0]


def test_a_link_to_a_folder_above_is_not_followed_round_and_round(tmp_path: Path) -> None:
    write(tmp_path / "letters", 2)
    (tmp_path / "letters" / "terug").symlink_to(tmp_path / "letters")
    entries = Library([tmp_path / "letters"], tmp_path / "cache").scan()
    assert sorted(e.path.name for e in entries) == ["brief_000.txt", "brief_001.txt"]


def test_a_warm_search_still_names_each_hits_file_and_identifier(tmp_path: Path) -> None:
    write(tmp_path / "letters", 3)
    (tmp_path / "letters" / "kst-36045-151.txt").write_text(letter_text(7, "windmolens"))
    args = ["search", "windmolens", str(tmp_path / "letters"), "--json"]
    args += ["--cache-dir", str(tmp_path / "cache"), "--data-dir", str(tmp_path / "data")]
    outputs = []
    for _ in range(2):  # the second run finds nothing changed and builds no entries
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(args) == 0
        outputs.append(json.loads(out.getvalue()))
    assert outputs[0] == outputs[1]
    assert outputs[1][0]["source"].endswith("kst-36045-151.txt")
    assert outputs[1][0]["identifier"] == "kst-36045-151"
