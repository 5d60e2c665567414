"""Fixtures for the reader tests: the real app over the bundled samples, in tmp dirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader import locations
from briefreader.library import Library
from briefreader.notes import Store
from briefreader.ui.app import ReaderApp
from briefreader.ui.state import ReadingState
from tests.ui.ui_support import MakeApp


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    """A data dir and a cache dir of this test only (never the developer's own)."""
    return tmp_path / "data", tmp_path / "cache"


@pytest.fixture
def make_app(dirs: tuple[Path, Path]) -> MakeApp:
    """Build the reader app over `paths` (default: the bundled samples) with tmp dirs."""
    data, cache = dirs

    def make(paths: list[Path] | None = None) -> ReaderApp:
        library = Library.open(paths or [locations.samples_dir()], data, cache)
        store = Store.open(data)
        return ReaderApp(library, ReadingState(store), cache, store.warning)

    return make
