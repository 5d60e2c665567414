"""Annotation store speed at 10,000 annotations: add, edit, list, export, re-anchor.

    python benchmarks/bench_store.py [--annotations 10000] [--letters 200] [--ops 200]

Builds a store of `--annotations` annotations over `--letters` synthetic letters (from
benchmarks/corpus.py), then times each operation `--ops` times on the real SQLite file (WAL,
synchronous=FULL: every add and edit is fsynced) and prints median, p95 and the range. Goals:
add, edit and list under 10 ms each; exporting all 10,000 under 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402

from briefreader.export import render_markdown, write_export  # noqa: E402
from briefreader.ingest import read_letter_text  # noqa: E402
from briefreader.model import Letter  # noqa: E402
from briefreader.notes import (  # noqa: E402
    DB_NAME,
    Anchor,
    Position,
    Store,
    anchor_for,
    reanchor_all,
)
from briefreader.notes import reanchor_letter as reanchor  # noqa: E402
from briefreader.parsing import parse_letter  # noqa: E402

TAGS = ["navo", "oekraïne", "sancties", "gas", "defensie", "moldavië", "mh17", "eu"]


def _spots(letter: Letter) -> list[tuple[int, int]]:
    return [(si, pi) for si, s in enumerate(letter.sections) for pi in range(len(s.paragraphs))]


def _anchor(letter: Letter, rng: random.Random) -> Anchor:
    si, pi = rng.choice(_spots(letter))
    text = letter.sections[si].paragraphs[pi].text
    if rng.random() < 0.2:
        return anchor_for(letter, si, pi)
    start = rng.randrange(max(1, len(text) - 40))
    return anchor_for(letter, si, pi, start, start + rng.randint(20, 120))


def build(data: Path, letters: list[Letter], count: int, rng: random.Random) -> None:
    """Fill a store quickly: one transaction of plain inserts (setup, not measured)."""
    with Store.open(data) as store:
        store.set_setting("benchmark", "yes")  # creates the database with its schema
    db = sqlite3.connect(data / DB_NAME)
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    with db:
        for n in range(count):
            letter = letters[n % len(letters)]
            a = _anchor(letter, rng)
            title = letter.sections[a.section_index].title
            cur = db.execute(
                "INSERT INTO annotations (letter_id, section_index, paragraph_index, start,"
                ' "end", quote, prefix, suffix, note, created, updated, letter_title,'
                " section_title, detached) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                (a.letter_id, a.section_index, a.paragraph_index, a.start, a.end, a.quote)
                + (a.prefix, a.suffix, f"Notitie {n}: nagaan bij het ministerie.", now, now)
                + (letter.title, title),
            )
            for k, tag in enumerate(rng.sample(TAGS, rng.randint(0, 3))):
                db.execute("INSERT INTO annotation_tags VALUES (?, ?, ?)", (cur.lastrowid, tag, k))
    db.close()


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds per call of `fn`, `runs` times."""
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def row(name: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    med = statistics.median(ms)
    return f"{name:<44} {len(ms):>5} {med:>9.3f} {p95:>9.3f} {ms[0]:>9.3f} {ms[-1]:>9.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annotations", type=int, default=10_000)
    ap.add_argument("--letters", type=int, default=200)
    ap.add_argument("--ops", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(7)
    files = make_corpus(HERE / "out" / f"corpus-{args.letters}", args.letters)
    letters = [parse_letter(read_letter_text(f), str(f)) for f in files]
    by_id = {x.id: x for x in letters}
    data = Path(tempfile.mkdtemp(prefix="bench-store-"))
    build(data, letters, args.annotations, rng)

    rows: list[str] = []
    t = time.perf_counter()
    store = Store.open(data)
    store.annotations()
    rows.append(row("open + first list (load all)", [(time.perf_counter() - t) * 1000]))
    some = letters[3]
    ids = [a.id for a in store.annotations()]

    def add() -> None:
        store.add(_anchor(some, rng), "Nieuwe notitie", ["navo"], some.title, None)

    def update() -> None:
        store.update(rng.choice(ids), f"Herzien {rng.random()}", ["gas", "eu"])

    n = args.ops
    rows.append(row("add (committed, fsynced)", timed(add, n)))
    rows.append(row("update note and tags (committed, fsynced)", timed(update, n)))
    rows.append(row("get one", timed(lambda: store.get(rng.choice(ids)), n)))
    rows.append(
        row("list all (after an add: re-sort)", timed(lambda: (add(), store.annotations())[1], 20))
    )
    rows.append(row("list all", timed(store.annotations, n)))
    rows.append(row("list one letter", timed(lambda: store.annotations(some.id), n)))
    rows.append(row("list by tag", timed(lambda: store.annotations(tag="sancties"), n)))
    rows.append(row("list by text", timed(lambda: store.annotations(text="ministerie 12"), n)))
    rows.append(row("tags()", timed(store.tags, n)))
    pos = Position(1, 0, "Het kabinet")
    rows.append(
        row(
            "set_position (committed, no fsync)", timed(lambda: store.set_position(some.id, pos), n)
        )
    )  # noqa: E501
    other = Store.open(data)

    def list_after_other_writer() -> None:
        other.add(_anchor(some, rng), "van elders", [], some.title, None)
        t0 = time.perf_counter()
        store.annotations()
        reload.append((time.perf_counter() - t0) * 1000)

    reload: list[float] = []
    for _ in range(20):
        list_after_other_writer()
    rows.append(row("list after another process wrote (reload)", reload))

    everything = store.annotations()
    out = data / "exports" / "notes.md"
    rows.append(
        row(
            f"export {len(everything)} (render + atomic write)",
            timed(lambda: write_export(out, render_markdown(everything, by_id, "now")), 5),
        )
    )
    rows.append(row("reanchor(letter), unchanged letter", timed(lambda: reanchor(store, some), 20)))
    edited_text = read_letter_text(files[3]).replace(" de ", " die ", 40)
    edited = parse_letter(edited_text, "edited.txt")
    library = [edited if x.id == some.id else x for x in letters]
    known = {x.id for x in library}
    first = timed(lambda: reanchor(store, edited, known_ids=known), 1)
    count = len(store.annotations(edited.id))
    rows.append(row(f"reanchor corrected letter, first open ({count} notes)", first))
    again = timed(lambda: reanchor(store, edited, known), 5)
    rows.append(row("reanchor corrected letter, opened again", again))
    whole = timed(lambda: reanchor_all(store, library), 3)
    rows.append(row(f"reanchor_all, {len(letters)} letters", whole))
    # Every letter replaced by a corrected version at once: all annotations are orphans.
    corrected = [
        parse_letter(read_letter_text(f).replace(" de ", " die ", 5), f"{f}.v2") for f in files
    ]
    rows.append(
        row(
            "reanchor_all, every letter corrected", timed(lambda: reanchor_all(store, corrected), 1)
        )
    )
    placed = sum(not a.detached for a in store.annotations())
    print(f"after correcting every letter: {placed} of {len(store.annotations())} placed")
    store.close()
    other.close()

    print(f"{len(everything)} annotations over {len(letters)} letters; times in ms")
    print(f"{'operation':<44} {'runs':>5} {'median':>9} {'p95':>9} {'min':>9} {'max':>9}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
