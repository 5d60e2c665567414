"""The reader under hostile files and damaged state: nothing reaches the terminal raw, nothing
hangs, a damaged index is rebuilt, `y` never writes through a link, a crash says so.

(Issue 10, items 1, 3-6, 10 and 12; the real terminal's side is in test_terminal.py.)
"""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets._toast import Toast

from briefreader import locations
from briefreader.library import Library
from briefreader.parsing import parse_letter
from briefreader.search import SearchIndex
from briefreader.ui import app as app_module
from briefreader.ui.layout import STYLE_NAMES, build_layout, wrap_offsets
from briefreader.ui.widgets.search_bar import SearchBar
from tests.ui.ui_support import MakeApp, open_letter, parts, pilot_test, search_ready, settle

OSC52 = "\x1b]52;c;cHduZWQ=\x07"
OBEYED = ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u200b", "\U000e0041")
STYLES = {name: Style() for name in STYLE_NAMES}
SAMPLE = next(Path(locations.samples_dir()).glob("001_*.txt"))


def assert_safe(out: str) -> None:
    for char in OBEYED:
        assert char not in out, f"{char!r} reached the screen: {out!r}"


# -- 1, 3, 4: hostile files in the letter list -------------------------------------------------


@pilot_test
async def test_hostile_file_names_fifos_and_devices_are_listed_safely_and_nothing_hangs(
    make_app: MakeApp, tmp_path: Path
) -> None:
    folder = tmp_path / "brieven"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "goed.txt")
    (folder / f"x{OSC52}\u202e.txt").write_text("")
    (folder / "twee\nregels.txt").write_text("")
    os.mkfifo(folder / "pijp.txt")
    (folder / "nul.txt").symlink_to("/dev/zero")
    app = make_app([folder])
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(pilot)  # a FIFO or /dev/zero read would never let the scan finish
        _, letters, _, _ = parts(app)
        errors = sorted(e.error or "" for e in letters.shown if e.error)
        assert errors == [
            "is empty",
            "is empty",
            "is not a regular file (a device); not read",
            "is not a regular file (a named pipe); not read",
        ]
        await pilot.pause()
        table = letters.table
        shown = "\n".join(table.render_line(y).text for y in range(table.size.height))
        assert shown.count("⚠") == 4 and "twee?regels.txt" in shown
        toasts = " ".join(str(t.render()) for t in app.screen.query(Toast))
        assert "4 file(s) could not be read" in toasts
        assert_safe(shown + toasts)


@pilot_test
async def test_a_toast_quoting_a_name_shows_no_escapes_and_no_markup(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        app.notify(f"[b]vet[/b]{OSC52}brief\u202e.txt: is empty", title=f"t{OSC52}")
        await pilot.pause()
        toast = " ".join(str(t.render()) for t in app.screen.query(Toast))
        assert "[b]vet[/b]brief.txt: is empty" in toast
        assert_safe(toast)


# -- 5: wrapping is linear; the reader stays responsive --------------------------------------


def _cpu(work: object) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("kind", ["one word", "words", "wide"])
def test_wrapping_time_is_linear_in_the_length_of_the_text(kind: str) -> None:
    rng = random.Random(5)

    def text(size: int) -> str:
        if kind == "one word":  # a 2 MB word was quadratic: minutes to lay out
            return "x" * size
        if kind == "wide":  # double-width characters and long words, word by word
            return " ".join("漢字" * rng.randint(1, 80) for _ in range(size // 80))
        return " ".join("woord" * rng.randint(1, 30) for _ in range(size // 60))

    small, large = text(500_000), text(2_000_000)
    ratio = _cpu(lambda: wrap_offsets(large, 80)) / max(_cpu(lambda: wrap_offsets(small, 80)), 1e-3)
    assert ratio < 9, f"4x the text took {ratio:.1f}x the time"


def test_laying_out_and_drawing_a_huge_word_is_linear() -> None:
    def letter(size: int) -> object:
        return parse_letter(f"Geachte voorzitter,\n\n{'x' * size}\n\nHoogachtend,\n")

    small, large = letter(250_000), letter(1_000_000)

    def draw_all(one: object) -> None:
        for line in build_layout(one, 100, STYLES).lines:  # type: ignore[arg-type]
            assert len(line.plain) <= 98

    ratio = _cpu(lambda: draw_all(large)) / max(_cpu(lambda: draw_all(small)), 1e-3)
    assert ratio < 9, f"4x the word took {ratio:.1f}x the time"


def test_a_wrapped_huge_word_loses_no_character() -> None:
    word = "".join(random.Random(3).choice("abcdéf漢") for _ in range(50_000))
    layout = build_layout(parse_letter(f"Geachte voorzitter,\n\n{word}\n"), 90, STYLES)
    assert word in "".join(line.plain.strip() for line in layout.lines)


# -- 6: `/` over a damaged search index ---------------------------------------------------------


@pilot_test
async def test_search_in_the_reader_answers_over_a_damaged_index(
    make_app: MakeApp, dirs: tuple[Path, Path]
) -> None:
    _, cache = dirs
    library = Library([locations.samples_dir()], cache)
    library.scan()
    index = SearchIndex.open(cache)
    index.update(library)
    index.close()
    path = cache / "search.sqlite"
    data = bytearray(path.read_bytes())
    data[4096:-4096] = b"\x07" * (len(data) - 8192)  # "database disk image is malformed"
    path.write_bytes(bytes(data))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search_ready(pilot)
        await pilot.press("slash", *"Hoekstra")
        bar = app.screen.query_one(SearchBar)
        for _ in range(200):  # wait for the hits (the state, not a time)
            await settle(pilot)
            if bar.hits:
                break
            await pilot.pause(0.05)
        assert app.is_running and bar.hits


# -- 10: `y` and a linked clipboard file --------------------------------------------------------


@pilot_test
async def test_y_never_writes_through_a_linked_clipboard_file(
    make_app: MakeApp, dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    _, cache = dirs
    outside = tmp_path / "buiten.txt"
    outside.write_text("van de gebruiker\n")
    cache.mkdir(parents=True)
    (cache / "clipboard.txt").symlink_to(outside)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_letter(pilot, "Bezoek van de")
        await pilot.press("y")
        await settle(pilot)
    assert outside.read_text() == "van de gebruiker\n"
    clip = cache / "clipboard.txt"
    assert not clip.is_symlink() and "Bezoek van de" in clip.read_text()


# -- 12: a crash ---------------------------------------------------------------------------------


def test_a_crash_exits_non_zero_with_one_line_and_a_log(
    make_app: MakeApp,
    dirs: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken_scan(self: Library, progress: object = None) -> list[object]:
        raise RuntimeError("kapot bij het laden")

    monkeypatch.setattr(Library, "scan", broken_scan)  # a bug in a thread worker
    status = app_module.run_app(make_app(), headless=True, size=(100, 30))
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert len(err) == 1 and "RuntimeError: kapot bij het laden" in err[0], err
    log = Path(err[0].rsplit("details in ", 1)[1])
    assert log.parent == dirs[1]
    text = log.read_text()
    assert "Traceback" in text and "kapot bij het laden" in text and "broken_scan" in text
