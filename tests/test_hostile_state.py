"""Damaged state never hurts the user: caches that are damaged, of another make or on a full
disk are rebuilt (or done without), and a relative data dir works with a read-only store.

(Issue 10, items 6 and 7; `/` in the reader over a damaged index is in
ui/test_hostile_reader.py.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefreader.catalog.parsecache import CACHE_SCHEMA
from briefreader.cli import main
from briefreader.library import Library
from briefreader.notes import Anchor, Store
from briefreader.notes import db as store_db
from briefreader.search import SearchIndex
from briefreader.search import index as searchindex
from briefreader.search.fts import SCHEMA

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def search(tmp_path: Path, capsys: pytest.CaptureFixture[str], query: str = "kabinet") -> str:
    """`briefreader search` over the samples; its output (it must succeed)."""
    capsys.readouterr()
    args = ["search", query, str(SAMPLES), "--cache-dir", str(tmp_path / "cache")]
    assert main([*args, "--data-dir", str(tmp_path / "data")]) == 0
    out = capsys.readouterr()
    assert "internal error" not in out.err
    return out.out


def _garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)


def _malformed(path: Path) -> None:
    # a real database with its pages damaged in the middle: "database disk image is malformed"
    data = bytearray(path.read_bytes())
    data[4096 : len(data) - 4096] = b"\x07" * (len(data) - 8192)
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    # tables of our names and schema marks, but another make's columns: "no such column"
    for name in [path.name, path.name + "-wal", path.name + "-shm"]:
        path.with_name(name).unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        f"INSERT INTO meta VALUES ('schema', '{SCHEMA}');"
        "CREATE TABLE letters (id TEXT); CREATE TABLE files (path TEXT);"
        "CREATE TABLE blocks (x INT); CREATE TABLE vocab (term TEXT);"
        f"PRAGMA user_version = {CACHE_SCHEMA};"
    )
    db.close()


@pytest.mark.parametrize("damage", [_garbage, _malformed, _foreign])
@pytest.mark.parametrize("cache", ["search.sqlite", "letters.sqlite"])
def test_a_damaged_or_foreign_cache_is_rebuilt_and_search_answers(
    cache: str,
    damage,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    before = search(tmp_path, capsys)
    assert before.strip()
    damage(tmp_path / "cache" / cache)
    assert search(tmp_path, capsys) == before
    assert search(tmp_path, capsys) == before  # and the next time too: the cache works again
    db = sqlite3.connect(tmp_path / "cache" / cache)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()


def test_an_index_damaged_while_open_is_rebuilt_before_answering(tmp_path: Path) -> None:
    library = Library([SAMPLES], tmp_path / "cache")
    library.scan()
    index = SearchIndex.open(tmp_path / "cache")
    index.update(library)
    expected = [h.letter_id for h in index.search("kabinet")]
    index.db.execute("DROP TABLE vocab")  # as if another version had changed it underneath
    assert [h.letter_id for h in index.search("kabinet")] == expected
    index.close()


def test_a_full_disk_falls_back_to_searching_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = search(tmp_path, capsys)
    (tmp_path / "cache" / "search.sqlite").unlink()
    real = searchindex.connect

    def full_disk(path: Path | None) -> sqlite3.Connection:
        db = real(path)
        if path is not None:  # the file may not grow: every write fails with SQLITE_FULL
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(searchindex, "connect", full_disk)
    assert search(tmp_path, capsys) == before


def test_a_relative_data_dir_with_a_read_only_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    with Store.open(Path("data")) as store:
        store.add(Anchor("brief", 0, 0, 0, 5, "citaat", "", ""), "mijn notitie", [], "Brief", None)
    monkeypatch.setattr(store_db, "writable", lambda folder: False)  # a read-only data dir
    capsys.readouterr()
    assert main(["notes", "--data-dir", "data"]) == 0
    out = capsys.readouterr()
    assert "mijn notitie" in out.out
    assert "read-only" in out.err and "file URI" not in out.err
