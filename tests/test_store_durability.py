"""Tests that try to lose notes: SIGKILL mid-save, two writers at once, a schema upgrade."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from briefreader.notes import Anchor, Store
from briefreader.notes import schema as store_schema

# One long-lived process imports briefreader once, then forks a fresh writer per round, so
# 200 kills cost milliseconds each instead of a Python start-up each.
ZYGOTE = r"""
import os, sys
from pathlib import Path
from briefreader.notes import Anchor, Store

data = Path(sys.argv[1])
for line in sys.stdin:
    if line.strip() != "go":
        break
    pid = os.fork()
    if pid == 0:
        store = Store.open(data)
        if store.warning:
            os.write(1, b"WARN damaged\n")
        n = 0
        while True:
            n += 1
            anchor = Anchor("L%d" % (n % 3), n % 5, n % 7, 0, 9, "citaat %d" % n, "voor", "na")
            a = store.add(anchor, "notitie %d" % n, ["tag%d" % (n % 4)], "Brief", None)
            os.write(1, b"A %d\n" % a.id)  # one write: a kill cannot split the line
            if n % 3 == 0:
                store.update(a.id, "herzien %d" % a.id, ["herzien"])
                os.write(1, b"U %d\n" % a.id)
    os.write(1, b"PID %d\n" % pid)
    os.waitpid(pid, 0)
    os.write(1, b"DONE\n")
"""


def test_sigkill_while_saving_never_loses_a_saved_note(tmp_path: Path) -> None:
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert proc.stdin is not None and proc.stdout is not None
    rng = random.Random(20260211)
    added: set[int] = set()
    edited: set[int] = set()
    busy_rounds = 0  # rounds in which the writer had saved something before it was killed
    waited = 0  # rounds that waited for a saved note before the kill (the state, not time)
    try:
        for round_ in range(200):
            before = len(added)
            proc.stdin.write("go\n")
            proc.stdin.flush()
            pid = None
            while pid is None:
                word, value = proc.stdout.readline().split(" ", 1)
                if word == "PID":
                    pid = int(value)
                else:
                    assert word in "AU", value
                    (added if word == "A" else edited).add(int(value))
            while round_ % 4 and len(added) == before:  # three rounds in four: a save first
                word, value = proc.stdout.readline().split(" ", 1)
                assert word in "AU", value
                (added if word == "A" else edited).add(int(value))
            waited += round_ % 4 != 0
            time.sleep(rng.choice((0, 0.001, 0.003, 0.006, 0.01, 0.015, 0.02)))
            os.kill(pid, signal.SIGKILL)
            for line in iter(proc.stdout.readline, "DONE\n"):
                word, value = line.split(" ", 1)
                assert word in "AU", value
                (added if word == "A" else edited).add(int(value))
            busy_rounds += len(added) > before
            with Store.open(data) as store:
                assert store.warning is None  # it opened, undamaged
            if not (data / "notes.sqlite").exists():
                assert not added  # killed before its first save: nothing to keep yet
                continue
            db = sqlite3.connect(data / "notes.sqlite")
            stored = dict(db.execute("SELECT id, note FROM annotations").fetchall())
            tagged = {i for (i,) in db.execute("SELECT annotation_id FROM annotation_tags")}
            db.close()
            assert added <= stored.keys() and added <= tagged
            for aid in edited:
                assert stored[aid] == f"herzien {aid}"
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)
    # most kills landed in the middle of real work, not at start-up, however loaded the machine
    assert busy_rounds >= waited == 150
    with Store.open(data) as store:
        assert {a.id for a in store.annotations()} >= added
        assert all(store.get(i).tags == ("herzien",) for i in edited)  # type: ignore[union-attr]
    db = sqlite3.connect(data / "notes.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


WRITER = r"""
import sys, time
from pathlib import Path
from briefreader.notes import Anchor, Store

data, go, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
store = Store.open(data)
while not go.exists():
    time.sleep(0.001)
ids = []
for n in range(150):
    anchor = Anchor("brief-" + name, 0, n, 0, 4, "tekst", "", "")
    ids.append(store.add(anchor, f"{name} {n}", [name], "Brief " + name, None).id)
print(ids)
"""


def test_two_processes_adding_at_once_keep_every_note(tmp_path: Path) -> None:
    data, go = tmp_path / "data", tmp_path / "go"
    watcher = Store.open(data)
    assert watcher.annotations() == []
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data), str(go), name],
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("een", "twee")
    ]
    time.sleep(0.3)  # both are waiting at the barrier
    go.touch()
    outputs = [w.communicate(timeout=60)[0] for w in writers]
    assert all(w.returncode == 0 for w in writers)
    ids = [set(json.loads(out)) for out in outputs]
    assert len(ids[0]) == len(ids[1]) == 150 and not ids[0] & ids[1]
    # A store that was open all along sees the other processes' notes.
    seen = watcher.annotations()
    assert {a.id for a in seen} == ids[0] | ids[1]
    assert sorted(a.note for a in watcher.annotations(tag="twee"))[:2] == ["twee 0", "twee 1"]


def test_a_first_version_database_is_migrated_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    store_schema.migrate(db, target=1)
    assert store_schema.version(db) == 1
    db.execute(
        'INSERT INTO annotations (letter_id, section_index, paragraph_index, start, "end",'
        " quote, prefix, suffix, note, tags, created, updated, letter_title, section_title,"
        " detached) VALUES ('abc', 1, 2, 3, 9, 'citaat', 'voor ', ' na', 'mijn notitie',"
        " '[\"rusland\", \"navo\"]', '2025-01-01T10:00:00+01:00', '2025-01-02T10:00:00+01:00',"
        " 'Brief over Oekraïne', 'MH17', 1)"
    )
    db.execute("INSERT INTO positions VALUES ('abc', 4, 5, 'Het kabinet')")
    db.execute("INSERT INTO settings VALUES ('theme', 'gruvbox')")
    db.close()
    with Store.open(tmp_path) as store:
        assert store.warning is None
        (a,) = store.annotations()
        assert a.anchor == Anchor("abc", 1, 2, 3, 9, "citaat", "voor ", " na")
        assert (a.note, a.tags, a.letter_title, a.section_title) == (
            "mijn notitie",
            ("rusland", "navo"),
            "Brief over Oekraïne",
            "MH17",
        )
        assert a.detached and a.created == "2025-01-01T10:00:00+01:00"
        assert store.annotations(tag="navo") == [a]
        assert store.position("abc") is not None and store.setting("theme") == "gruvbox"
        store.update(a.id, "bijgewerkt", ["nieuw"])
    db = sqlite3.connect(path)
    assert store_schema.version(db) == store_schema.SCHEMA_VERSION


def test_a_newer_database_is_opened_read_only(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.set_setting("theme", "x")
    db = sqlite3.connect(tmp_path / "notes.sqlite")
    db.execute(f"PRAGMA user_version = {store_schema.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    store = Store.open(tmp_path)
    assert store.warning is not None and "newer briefreader" in store.warning
    assert store.setting("theme") == "x"


BATCH_ZYGOTE = r"""
import os, sys
from dataclasses import replace
from pathlib import Path
from briefreader.notes import Anchor, Store

data = Path(sys.argv[1])
for line in sys.stdin:
    if line.strip() != "go":
        break
    pid = os.fork()
    if pid == 0:
        store = Store.open(data)
        k = max((a.anchor.paragraph_index for a in store.annotations()), default=0)
        while True:
            for _ in range(5):
                store.add(Anchor("B", 0, k, 0, 5, "citaat", "", ""), "n", [], "Brief", None)
            k += 1
            moved = [replace(a, anchor=replace(a.anchor, paragraph_index=k))
                     for a in store.annotations()]
            store.save_anchors(moved)
            os.write(1, b"B %d\n" % k)
    os.write(1, b"PID %d\n" % pid)
    os.waitpid(pid, 0)
    os.write(1, b"DONE\n")
"""


def test_sigkill_during_a_batch_of_re_anchoring_moves_all_or_none(tmp_path: Path) -> None:
    """Re-anchoring a library saves many anchors at once: a kill leaves all moved or none.

    Two rounds in three wait until the writer has reported a saved batch before the kill
    (waiting for the state, not for time): however loaded the machine, at least that many
    batches are saved; the other rounds kill it at a random moment, perhaps mid-batch."""
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-c", BATCH_ZYGOTE, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert proc.stdin is not None and proc.stdout is not None
    rng = random.Random(11)
    reported = seen = 0  # the last batch a writer reported; the place the store last showed
    waited = 0  # rounds that waited for a reported batch
    try:
        for round_ in range(60):
            proc.stdin.write("go\n")
            proc.stdin.flush()
            lines = []
            while not (line := proc.stdout.readline()).startswith("PID"):
                lines.append(line)
            if round_ % 3:
                lines.append(proc.stdout.readline())  # the writer saved a batch (blocks)
                assert lines[-1].startswith("B"), lines[-1]
                waited += 1
            time.sleep(rng.choice((0, 0.002, 0.01, 0.02)))
            os.kill(int(line.split()[1]), signal.SIGKILL)
            lines += list(iter(proc.stdout.readline, "DONE\n"))
            now = [int(x.split()[1]) for x in lines if x.startswith("B")]
            with Store.open(data) as store:
                assert store.warning is None
                rows = store.annotations()
            places = {a.anchor.paragraph_index for a in rows}
            assert len(places) <= 1  # one batch is never half saved
            place = places.pop() if places else 0
            # every reported batch is kept; at most one more may have landed unreported
            assert max([seen, *now]) <= place <= max([seen, *now]) + 1
            seen, reported = place, max([reported, *now])
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)
    assert waited == 40
    assert reported >= waited  # each waiting round saved a batch of its own


CREATOR = """
import sys, time
from pathlib import Path
from briefreader.notes import Store
from briefreader.notes import Anchor
data, go = Path(sys.argv[1]), Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
store = Store.open(data)
anchor = Anchor("brief", 0, 0, 0, 5, "tekst", "", "")
print(store.add(anchor, sys.argv[3], [], "Brief", None).id)
"""


def test_two_briefreaders_creating_the_store_at_once_both_save(tmp_path: Path) -> None:
    for round_ in range(12):
        data, go = tmp_path / f"data{round_}", tmp_path / f"go{round_}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", CREATOR, str(data), str(go), name],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name in ("een", "twee")
        ]
        time.sleep(0.2)
        go.touch()
        results = [p.communicate(timeout=60) for p in procs]
        assert all(p.returncode == 0 for p in procs), [err for _, err in results]
        with Store.open(data) as store:
            assert sorted(a.note for a in store.annotations()) == ["een", "twee"]
