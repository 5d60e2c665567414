"""A damaged database, a read-only data dir, a full disk: clear messages, nothing lost."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefreader.notes import DB_NAME, Anchor, Annotation, Store, StoreError


def _anchor(n: int) -> Anchor:
    return Anchor("brief", 0, n, 0, 6, "citaat", "voor ", " na")


def _fill(data: Path, count: int) -> list[int]:
    return [a.id for a in _fill_notes(data, count)]


def _fill_notes(data: Path, count: int) -> list[Annotation]:
    with Store.open(data) as store:
        return [store.add(_anchor(n), f"notitie {n} " * 20, ["tag"], "Brief", None)
                for n in range(count)]  # fmt: skip


def _run(*cmd: str) -> bool:
    return subprocess.run(cmd, capture_output=True).returncode == 0


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make `folder` unwritable for this process: permission bits, or for root (who ignores
    them) a read-only bind mount of the folder onto itself."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    if not (_run("mount", "--bind", str(folder), str(folder))):
        pytest.skip("running as root without permission to mount")
    try:
        if not _run("mount", "-o", "remount,bind,ro", str(folder)):
            pytest.skip("cannot remount read-only")
        yield
    finally:
        _run("umount", str(folder)) or _run("umount", "-l", str(folder))


@contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[None]:
    """A real file system of `size_kb` at `folder` (a tmpfs; needs root)."""
    folder.mkdir()
    if os.geteuid() != 0 or not _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k",
                                     "tmpfs", str(folder)):  # fmt: skip
        pytest.skip("needs root and mount to make a small disk")
    try:
        yield
    finally:
        _run("umount", str(folder)) or _run("umount", "-l", str(folder))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "zeroed header"])
def test_a_damaged_database_is_kept_aside_and_a_new_one_started(
    tmp_path: Path, damage: str
) -> None:
    saved = {a.id: a for a in _fill_notes(tmp_path, 200)}
    path = tmp_path / DB_NAME
    if damage == "garbage":
        path.write_bytes(b"Dit is geen database\n" * 500)
    elif damage == "truncated":
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size // 2)
    else:
        with path.open("r+b") as f:
            f.write(b"\0" * 100)
    broken = path.read_bytes()

    store = Store.open(tmp_path)
    assert store.warning is not None and "damaged" in store.warning
    (kept,) = tmp_path.glob(f"{DB_NAME}.damaged-*[0-9]")
    assert kept.name in store.warning
    assert kept.read_bytes() == broken  # the user's file, untouched, for recovery
    # What the damaged file still held is carried over, exactly as it was saved.
    recovered = sorted(store.annotations(), key=lambda a: a.id)
    for a in recovered:
        assert (a.anchor, a.note, a.created) == (
            saved[a.id].anchor,
            saved[a.id].note,
            saved[a.id].created,
        )
    if damage == "truncated":  # half the pages are still there
        assert recovered and f"recovering {len(recovered)} notes" in store.warning
    if damage == "garbage":
        assert recovered == []
    made = store.add(_anchor(1), "opnieuw", [], "Brief", None)
    store.close()
    with Store.open(tmp_path) as again:
        assert again.warning is None
        assert sorted(again.annotations(), key=lambda a: a.id) == [*recovered, made]


def test_a_read_only_data_dir_still_reads(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = _fill(data, 3)
    with read_only(data):
        store = Store.open(data)
        assert store.warning is not None and "will not be saved" in store.warning
        assert str(data) in store.warning
        assert [a.id for a in store.annotations()] == ids
        with pytest.raises(StoreError, match="will not be saved"):
            store.add(_anchor(9), "nieuw", [], "Brief", None)
        with pytest.raises(StoreError):
            store.set_position("brief", store_position())
        store.close()
    assert [a.id for a in Store.open(data).annotations()] == ids


def store_position():  # type: ignore[no-untyped-def]
    from briefreader.notes import Position

    return Position(0, 0, "Het")


def test_a_data_dir_that_cannot_be_created(tmp_path: Path) -> None:
    parent = tmp_path / "parent"
    parent.mkdir()
    with read_only(parent):
        store = Store.open(parent / "data")
        assert store.warning is not None and str(parent) in store.warning
        assert store.annotations() == [] and store.position("x") is None
        with pytest.raises(StoreError):
            store.add(_anchor(1), "n", [], "Brief", None)
    assert not (parent / "data").exists()


def test_a_full_disk_refuses_new_notes_and_keeps_the_old(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    with small_disk(disk, 1024):
        filler = disk / "other-files"
        filler.write_bytes(b"x" * 256 * 1024)
        store = Store.open(disk / "data")
        saved = []
        with pytest.raises(StoreError, match="disk is full"):
            for n in range(100_000):
                saved.append(store.add(_anchor(n), "notitie " * 50, ["t"], "Brief", None).id)
        assert len(saved) > 10
        assert [a.id for a in store.annotations()] == saved  # the failed one left no trace
        store.close()
        with Store.open(disk / "data") as again:
            assert [a.id for a in again.annotations()] == saved
            filler.unlink()  # the user makes room: saving works again
            made = again.add(_anchor(1), "kort", [], "Brief", None)
            assert again.get(made.id) == made
