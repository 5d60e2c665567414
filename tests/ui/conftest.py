"""Fixtures for the reader tests: the real app over the bundled samples, in tmp dirs, and the
settings every snapshot is taken with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from briefreader import locations
from briefreader.library import Library
from briefreader.notes import Store
from briefreader.ui.app import ReaderApp
from briefreader.ui.state import ReadingState
from tests.ui.terminal_support import run_session
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


@pytest.fixture
def session(tmp_path: Path) -> Iterator[str]:
    """A 120x40 tmux session running `briefreader` with tmp data and cache dirs."""
    yield from run_session(tmp_path)


@pytest.fixture(autouse=True)
def snapshot_settings(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The settings every snapshot is taken with: cursors that do not blink (a frame caught
    mid-blink would differ from run to run)."""
    if "snap_compare" in request.fixturenames:
        for widget in (Input, TextArea):
            monkeypatch.setattr(widget.cursor_blink, "_default", False)
