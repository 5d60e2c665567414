"""Benchmark of the reader's notes: the notes view, its filter, re-anchoring on opening, export.

Notes are spread over every paragraph of the bundled samples (round robin, each with a tag of
five and a note of a dozen words) in a real store in a temporary data dir. Each figure is
measured REPEAT times in one run and reported as median and spread (min-max):

- `m` to a filled notes view (the store read in a thread worker, the list built), headless;
- one key typed in the filter to the list redrawn (at most AT_MOST notes are listed), beside
  the floor: the same key path when the list is empty;
- opening a letter carrying a share of the notes: the reader's re-anchoring of them;
- `export_notes`: every note rendered as Markdown and written atomically.

    python benchmarks/bench_notes_ui.py [--repeat 5] [--notes 100 1000 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from briefreader import locations
from briefreader.library import Library
from briefreader.notes import Store, anchor_for
from briefreader.notes import reanchor_letter as reanchor
from briefreader.ui.app import ReaderApp
from briefreader.ui.notework import export_notes
from briefreader.ui.screens.notes import NotesScreen
from briefreader.ui.state import ReadingState

TAGS = ["defensie", "navo", "oekraine", "sancties", "eu"]


def fill(data: Path, library: Library, count: int) -> None:
    """`count` notes round robin over every paragraph of the library."""
    places = [
        (letter, s, p)
        for letter in library.letters()
        for s, section in enumerate(letter.sections)
        for p in range(len(section.paragraphs))
    ]
    with Store.open(data) as store:
        for i in range(count):
            letter, s, p = places[i % len(places)]
            note = f"Notitie {i}: dit is relevant voor het debat over de steun aan Oekraïne."
            store.add(
                anchor_for(letter, s, p),
                note,
                [TAGS[i % len(TAGS)]],
                letter.title,
                letter.sections[s].title,
            )


def spread(label: str, seconds: list[float]) -> str:
    ms = sorted(1000 * s for s in seconds)
    mid = statistics.median(ms)
    return f"{label:<44} median {mid:8.1f} ms  (min {ms[0]:.1f}, max {ms[-1]:.1f})"


async def notes_shown(app: ReaderApp, pilot: Any) -> None:
    """Until the notes view is up and filled. Not `wait_for_complete`: the reader's `m` runs in
    a worker that waits for the view to close, so it never completes while the view is up."""
    while not (isinstance(app.screen, NotesScreen) and app.screen.all):
        await asyncio.sleep(0.001)
    await pilot.pause()


async def ui_figures(app: ReaderApp, repeat: int) -> tuple[list[float], ...]:
    opened: list[float] = []
    typed: list[float] = []
    floor: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(repeat):
            t0 = time.perf_counter()
            await pilot.press("m")
            await notes_shown(app, pilot)
            opened.append(time.perf_counter() - t0)
            assert isinstance(app.screen, NotesScreen) and app.screen.all
            await pilot.press("f", "q")  # nothing matches: the list holds one line
            t0 = time.perf_counter()
            await pilot.press("z")
            floor.append(time.perf_counter() - t0)
            await pilot.press("backspace", "backspace")
            t0 = time.perf_counter()
            await pilot.press("d")  # nearly every note matches
            typed.append(time.perf_counter() - t0)
            await pilot.press("backspace", "escape", "escape")
            await pilot.pause()
    return opened, typed, floor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--notes", type=int, nargs="+", default=[100, 1000, 5000])
    args = parser.parse_args()
    for count in args.notes:
        with tempfile.TemporaryDirectory() as tmp:
            data, cache = Path(tmp) / "data", Path(tmp) / "cache"
            samples = [locations.samples_dir()]
            library = Library.open(samples, data, cache)
            library.scan()
            fill(data, library, count)
            letters = list(library.letters())
            known = {letter.id for letter in letters}
            biggest = max(letters, key=lambda x: sum(len(s.paragraphs) for s in x.sections))
            store = Store.open(data)
            on_letter = len(store.annotations(biggest.id))
            anchoring, exporting = [], []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                reanchor(store, biggest, known)
                anchoring.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                export_notes(store, library)
                exporting.append(time.perf_counter() - t0)
            app = ReaderApp(Library.open(samples, data, cache), ReadingState(store), cache)
            opened, typed, floor = asyncio.run(ui_figures(app, args.repeat))
            store.close()
            print(f"{count} notes ({on_letter} on the longest letter), {args.repeat} runs each")
            print(spread("  m: notes view filled", opened))
            print(spread("  one key in the filter: list redrawn", typed))
            print(spread("  floor: a key that leaves an empty list", floor))
            print(spread(f"  opening: re-anchor {on_letter} notes", anchoring))
            print(spread("  e: export written", exporting))


if __name__ == "__main__":
    main()
