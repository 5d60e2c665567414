"""The reader app: builds the library and store from explicit paths and runs the Textual app.

`run_reader()` is what `briefreader [PATH ...]` calls. The app itself only wires things
together: the main screen gets the library, the reading state and the cache folder (search
index, clipboard file); the theme the user picks is remembered in the store.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import WorkerFailed

from briefreader.errors import UserError, write_crash_log
from briefreader.library import Library
from briefreader.notes import Store
from briefreader.textsafe import shown_name, shown_text
from briefreader.ui.commands import GoToCommands
from briefreader.ui.screens.reading import ReadingScreen
from briefreader.ui.state import STORE_ERRORS, THEME, ReadingState
from briefreader.ui.writes import finish_writes


class ReaderApp(App[None]):
    """briefreader's terminal reader."""

    TITLE = "briefreader"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses elsewhere work too
    COMMANDS = App.COMMANDS | {GoToCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "screen.help", "Help", id="app.help"),
        Binding("e", "export", "Export", id="app.export"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette"),
    ]

    def __init__(
        self,
        library: Library,
        state: ReadingState,
        cache_dir: Path,
        warning: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.state = state
        self.cache_dir = cache_dir
        self.warning = warning
        self.crash: tuple[BaseException, Path | None] | None = None  # what ended the app

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a toast; its text (file names, letter text, errors quoting them) is made safe
        to show first, and never read as markup (a file may be called `[b]x.txt`)."""
        super().notify(
            shown_text(message, multiline=True),
            title=shown_text(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def _handle_exception(self, error: Exception) -> None:
        """A bug of ours: the traceback goes to a log file in the cache dir, not the screen;
        `run_reader` then says so in one line and exits non-zero."""
        cause = error.error if isinstance(error, WorkerFailed) else error  # a thread's own
        self.crash = (cause, write_crash_log(self.cache_dir, cause))
        super()._handle_exception(error)
        self._exit_renderables.clear()  # Textual would print the traceback on exit

    def get_default_screen(self) -> Screen[None]:
        """The reading screen."""
        return ReadingScreen(self.library, self.state, self.cache_dir)

    def on_mount(self) -> None:
        """Restore the theme, report a damaged store, and remember theme changes."""
        theme = self.state.setting(THEME)
        if theme and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.warning:
            self.notify(self.warning, severity="warning", timeout=15)

    def _theme_changed(self, theme: Theme) -> None:
        self.state.set_setting(THEME, theme.name)

    def action_export(self) -> None:
        """Write every note as Markdown to the export file (in a thread) and say where."""
        store = self.state.store
        if store is None:
            self.notify("There is no notes database to export.", severity="error")
            return
        self._export(store)

    @work(thread=True, group="export")
    def _export(self, store: Store) -> None:
        from briefreader.ui.notework import export_notes  # the notebook loads when it is asked for

        try:
            path, count = export_notes(store, self.library)
        except STORE_ERRORS as exc:
            self.call_from_thread(
                self.notify, f"Export failed: {exc}", severity="error", timeout=12
            )
            return
        self.call_from_thread(self._exported, path, count)

    def _exported(self, path: Path | None, count: int) -> None:
        if path is None:
            self.notify("No notes to export yet: a annotates the passage under the cursor.")
            return
        notes = f"{count} note{'s' * (count != 1)}"
        self.notify(f"{notes} written to {path}", title="Exported", timeout=10)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette's main actions, besides Textual's own."""
        # Textual's "Keys" panel would stand beside our "Help", which lists every key
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
        if isinstance(screen, ReadingScreen):
            yield SystemCommand("Help", "List every key, by where it works", screen.action_help)
            yield SystemCommand("Letters", "Go to the letter list", screen.action_letters)
            yield SystemCommand("Filter letters", "Type to filter", screen.action_filter)
            yield SystemCommand(
                "Search", "Search all letters (typos are fine)", screen.action_search
            )
            if screen.letter is not None:
                # loaded by now: a letter is open
                from briefreader.ui.widgets.reader_pane import ReaderPane

                yield SystemCommand(
                    "Contents", "Go to the table of contents", screen.action_contents
                )
                yield SystemCommand(
                    "Next section", "Jump to the next section", screen.action_next_section
                )
                yield SystemCommand(
                    "Previous section",
                    "Jump to the previous section",
                    screen.action_previous_section,
                )
                yield SystemCommand(
                    "Copy passage", "Copy the current passage with a citation", screen.action_copy
                )
                yield SystemCommand(
                    "Annotate", "Note on the current passage", screen.action_annotate
                )
                pane = screen.query_one(ReaderPane)
                yield SystemCommand(
                    "Follow reference", "Open what this passage cites", pane.action_follow
                )
                yield SystemCommand(
                    "Cited by",
                    "Documents in your library that cite this one",
                    partial(pane.action_related, "cited_by"),
                )
                yield SystemCommand(
                    "Dossier",
                    "This document's dossier, oldest first",
                    partial(pane.action_related, "dossier"),
                )
            yield SystemCommand("Notes", "Every note, filterable", screen.action_notes)
        yield SystemCommand("Export notes", "Write all notes as Markdown", self.action_export)


def run_reader(paths: Sequence[Path], data_dir: Path, cache_dir: Path) -> int:
    """Open the reader on `paths` (else the library, else the samples); the exit status."""
    for path in paths:
        if not path.exists():
            raise UserError(path, "no such file or folder")
    library = Library.open(paths, data_dir, cache_dir)
    store = Store.open(data_dir)
    app = ReaderApp(library, ReadingState(store), cache_dir, store.warning)
    loop = asyncio.new_event_loop()  # ours, so that quitting need not wait for the workers
    status = run_app(app, loop=loop)
    finish_writes()  # a note saved just before `q` is written before the store closes
    store.close()
    if any(t is not threading.current_thread() and not t.daemon for t in threading.enumerate()):
        # A thread worker cannot be stopped: parsing or indexing a 50 MB letter would hold
        # the process for minutes after `q`. What is left writes only caches, which SQLite
        # keeps whole through a kill, so end here.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    loop.close()
    return status


def run_app(app: ReaderApp, **run: Any) -> int:
    """Run the reader app; the exit status: 0, or 1 after a crash, said in one line on stderr
    with the log file that holds the details."""
    app.run(**run)
    if app.crash is None and not app.return_code:
        return 0
    if app.crash is not None:
        error, log = app.crash
        where = f"; details in {shown_name(log)}" if log else ""
        what = shown_name(f"{type(error).__name__}: {error}")
        print(f"briefreader: the reader stopped on an internal error ({what}){where}",
              file=sys.stderr)  # fmt: skip
    return 1
