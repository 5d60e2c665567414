"""Benchmark of the reader: launch to first frame, opening letters, memory; with a floor.

Each figure is measured REPEAT times in one run and reported as median and spread (min-max),
side by side with a minimal Textual app (Header, a five-row list, Footer) as the floor.

    python benchmarks/bench_ui.py [--repeat 5] [--letters 10000] [--corpus DIR]

Launch figures run in a fresh process each time (interpreter start and imports included),
headless, and stop at the first frame that shows the letter list. The 10,000-letter library
is made once with the shared make_corpus.py tool and its parse cache warmed before timing;
results go to benchmarks/out/bench_ui.txt as well as stdout.

Measured 2026-12-01 on the 2-core build machine, commit 3a36b79 (5 runs, median (min-max)):

    floor: minimal Textual app, first frame          234 ms (205-293)   peak 34 MB
    reader: first frame with the 5 samples           280 ms (260-287)   peak 38 MB
    reader: first frame, 10000 letters, warm         292 ms (271-303)   peak 46 MB
    longest event-loop stall: list, then indexing     86 ms (65-105)    p99 30 ms
    longest event-loop stall: parsing every file      30 ms (24-98)     p99 15 ms
    open the longest sample (enter to text)           31 ms (30-55)
    open a synthetic 314-page letter                 146 ms (103-203)

(2026-11-23, before issue 12: 195, 322, 518, 72 (46-81), 50, 36 and 249 ms. The stalls
while indexing come in the first half-second, as the list fills; the indexing itself now
runs in worker processes.)

(Once, by hand: the search index of the 10,000 letters is built in the background in
14.5 s; peak memory then is 69 MB.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MAKE_CORPUS = Path("/work/shared/tools/make_corpus.py")

# Both apps report, at their first frame, the seconds since the parent spawned them and
# their peak memory, then leave at once (a reader still indexing would otherwise be waited for).
REPORT = """
def peak_kb():
    # VmHWM: this program's own peak. ru_maxrss also counts the parent's: a child spawned
    # with vfork shares its parent's memory until exec, and Linux keeps that high-water mark.
    import resource
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def report():
    import os, resource, sys, time
    seconds = time.time() - float(os.environ["BENCH_SPAWNED"])
    print(seconds, peak_kb(), flush=True)
    os._exit(0)
"""

FLOOR_APP = (
    REPORT
    + """
from textual.app import App
from textual.widgets import Footer, Header, OptionList
class Floor(App):
    def compose(self):
        yield Header()
        yield OptionList(*[f"letter {i}" for i in range(5)])
        yield Footer()
    def on_mount(self):
        self.call_after_refresh(report)
Floor().run(headless=True, size=(120, 40))
"""
)

READER_APP = (
    REPORT
    + """
import sys
from pathlib import Path
from briefreader.library import Library
from briefreader.notes import Store
from briefreader.ui.app import ReaderApp
from briefreader.ui.state import ReadingState
from briefreader.ui.widgets.letter_list import LetterList

paths = [Path(p) for p in sys.argv[3:]]
data, cache = Path(sys.argv[1]), Path(sys.argv[2])
# The list shows the rows it knew at the last start (`show_known`), then every row once its
# scan ends (`set_entries`); the first frame is the first of the two drawn with rows in it.
# BENCH_COMPLETE=1 waits for the scan's rows instead (the whole list, checked).
import os
hooks = ["set_entries"] if os.environ.get("BENCH_COMPLETE") else ["show_known", "set_entries"]
def hooked(name):
    shown = getattr(LetterList, name)
    def first_frame_with_list(self, *args):
        shown(self, *args)
        table = self.table
        def rows_shown():  # report once the first rows are drawn
            if table.row_count or not self.entries:
                timer.stop()
                self.app.call_after_refresh(report)
        timer = self.set_interval(0.002, rows_shown)
    setattr(LetterList, name, first_frame_with_list)
for name in hooks:
    hooked(name)
store = Store.open(data)
app = ReaderApp(Library.open(paths, data, cache), ReadingState(store), cache)
app.run(headless=True, size=(120, 40))
"""
)


STALLS_APP = """
import os, shutil, sys, time
from pathlib import Path
from briefreader.library import Library
from briefreader.notes import Store
from briefreader.ui.app import ReaderApp
from briefreader.ui.state import ReadingState

data, cache, folder = (Path(a) for a in sys.argv[1:4])
seconds = float(sys.argv[4])
ticks = []
class Probe(ReaderApp):
    def on_mount(self):
        super().on_mount()
        self.set_interval(0.01, lambda: ticks.append(time.perf_counter()))
        self.set_timer(seconds, self.report)
    def report(self):
        gaps = sorted(b - a for a, b in zip(ticks, ticks[1:]))
        print(gaps[-1], gaps[int(len(gaps) * 0.99)], len(ticks), flush=True)
        os._exit(0)
store = Store.open(data)
app = Probe(Library.open([folder], data, cache), ReadingState(store), cache)
app.run(headless=True, size=(120, 40))
"""


def stalls(label: str, runs: list[tuple[Path, Path]], folder: Path, seconds: float) -> list[str]:
    """The longest gap between 10 ms ticks of the event loop in the first `seconds`.

    `runs` gives a fresh (data dir, cache dir) per run, prepared as the case needs.
    """
    worst, p99 = [], []
    for data, cache in runs:
        out = subprocess.run(
            [sys.executable, "-c", STALLS_APP, str(data), str(cache), str(folder), str(seconds)],
            capture_output=True,
            text=True,
            check=True,
        )
        longest, high, _ = out.stdout.split()
        worst.append(float(longest))
        p99.append(float(high))
    return [f"{label:<46} {summary(worst, 'ms', 1000)}   p99 {summary(p99, 'ms', 1000)}"]


def launch(code: str, *args: str) -> tuple[float, float]:
    """Seconds from spawning a Python process running `code` to its first frame; peak MB."""
    env = dict(os.environ, BENCH_SPAWNED=repr(time.time()))
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    )
    seconds, kilobytes = out.stdout.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def summary(values: list[float], unit: str, scale: float = 1.0) -> str:
    """`median (min-max) unit`."""
    v = [x * scale for x in values]
    return f"{statistics.median(v):8.0f} {unit} ({min(v):.0f}-{max(v):.0f})"


def launches(label: str, repeat: int, code: str, *args: str) -> list[str]:
    times, mems = [], []
    for _ in range(repeat):
        t, m = launch(code, *args)
        times.append(t)
        mems.append(m)
    return [f"{label:<46} {summary(times, 'ms', 1000)}   peak {summary(mems, 'MB')}"]


async def open_timings(repeat: int, tmp: Path) -> list[str]:
    """Enter to text on screen for the longest sample, and for a synthetic 200-page letter."""
    from briefreader import locations
    from briefreader.library import Library
    from briefreader.model import Letter
    from briefreader.notes import Store
    from briefreader.ui.app import ReaderApp
    from briefreader.ui.screens.reading import ReadingScreen
    from briefreader.ui.state import ReadingState
    from briefreader.ui.widgets.letter_list import LetterList
    from briefreader.ui.widgets.letter_view import LetterView

    data, cache = tmp / "open-data", tmp / "open-cache"
    library = Library.open([locations.samples_dir()], data, cache)
    app = ReaderApp(library, ReadingState(Store.open(data)), cache)
    longest: list[float] = []
    huge: list[float] = []
    async with app.run_test(size=(160, 50)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        while not screen.query(LetterView):  # the reader pane mounts once the list is drawn
            await pilot.pause()
        await app.workers.wait_for_complete()
        view = screen.query_one(LetterView)
        frames: list[float] = []
        display = app._display

        def stamp(screen_: Any, renderable: Any) -> None:
            # a frame goes out: with a letter in the view, its text is on screen
            if view.letter is not None and renderable is not None:
                frames.append(time.perf_counter())
            display(screen_, renderable)

        app._display = stamp  # type: ignore[method-assign,assignment]

        async def until_shown(start: float) -> float:
            while not frames:
                await asyncio.sleep(0.001)
            return frames[0] - start

        entries = screen.query_one(LetterList).shown
        entry = max(entries, key=lambda e: e.paragraphs)
        for _ in range(repeat):
            library.forget(entry.id)  # from the parse cache, as on a first open
            view.letter = None
            await pilot.pause()
            frames.clear()
            start = time.perf_counter()
            screen.post_message(LetterList.Opened(entry))  # what enter on the row sends
            longest.append(await until_shown(start))
            await pilot.pause()
        base: Letter = library.letter(entry.id)
        big = replace(base, id="synthetic-200-pages", sections=base.sections * 20)
        pages = sum(len(p.text) for s in big.sections for p in s.paragraphs) / 3000
        for _ in range(repeat):
            view.letter = None
            await pilot.pause()
            frames.clear()
            start = time.perf_counter()
            screen._show(big, True)
            huge.append(await until_shown(start))
            await pilot.pause()
    return [
        f"{'open the longest sample (enter to text)':<46} {summary(longest, 'ms', 1000)}",
        f"{f'open a synthetic {pages:.0f}-page letter':<46} {summary(huge, 'ms', 1000)}",
    ]


def corpus(folder: Path, count: int) -> Path:
    """A folder of `count` synthetic letters, made once."""
    from briefreader import locations

    if len(list(folder.glob("*.txt"))) < count:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, MAKE_CORPUS, str(locations.samples_dir()), str(folder), str(count)],
            check=True,
        )
    return folder


def compiled() -> None:
    """Compile briefreader's modules, as `pip install` does for a user: an environment that
    writes no bytecode (PYTHONDONTWRITEBYTECODE) would otherwise compile each at every start,
    which the floor, whose Textual was installed compiled, never pays."""
    import briefreader

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(briefreader.__file__).parent)],
        check=True,
    )


def main() -> None:
    """Run every measurement and print (and save) the table."""
    compiled()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "br-corpus")
    args = parser.parse_args()
    from briefreader import locations

    rows = [f"briefreader UI benchmark, {args.repeat} runs each, median (min-max)", ""]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        rows += launches("floor: minimal Textual app, first frame", args.repeat, FLOOR_APP)
        samples = [str(tmp / "d1"), str(tmp / "c1"), str(locations.samples_dir())]
        launch(READER_APP, *samples)  # warm the parse cache of the samples
        rows += launches(
            "reader: first frame with the 5 samples", args.repeat, READER_APP, *samples
        )
        if args.letters:
            folder = corpus(args.corpus / str(args.letters), args.letters)
            kept = args.corpus / f"cache-{args.letters}"  # the warm parse cache, kept
            big = [str(tmp / "d2"), str(kept), str(folder)]
            cold, _ = launch(READER_APP, *big)  # warms the kept cache when it is new
            rows.append(f"{'(first run over this corpus and cache, once)':<46} {cold:8.1f} s")
            rows += launches(
                f"reader: first frame, {args.letters} letters, warm",
                args.repeat,
                READER_APP,
                *big,
            )
            indexing, parsing = [], []
            for run in range(args.repeat):
                warm = tmp / f"warm-{run}"  # parse cache warm, search index cold
                warm.mkdir()
                for part in kept.glob("letters.sqlite*"):
                    shutil.copy(part, warm)
                indexing.append((tmp / f"d3-{run}", warm))
                parsing.append((tmp / f"d4-{run}", tmp / f"cold-{run}"))  # nothing cached
            rows += stalls("longest event-loop stall: list, then indexing", indexing, folder, 8)
            rows += stalls("longest event-loop stall: parsing every file", parsing, folder, 8)
        rows += asyncio.run(open_timings(args.repeat, tmp))
    text = "\n".join(rows)
    print(text)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_ui.txt").write_text(text + "\n", encoding="utf-8")
    (out / "bench_ui.json").write_text(json.dumps({"rows": rows, "pid": os.getpid()}) + "\n")


if __name__ == "__main__":
    main()
